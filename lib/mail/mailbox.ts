import { db } from "../db";

// Read access to the mail log, for the development mailbox (and the admin dashboard). Who may
// open the development mailbox is ./dev-mailbox-access.ts.

export interface MailSummary {
  id: string;
  toAddress: string;
  subject: string;
  status: string;
  transport: string;
  template: string;
  origin: string;
  language: string;
  createdAt: Date;
}

export async function listMailMessages(options: { limit?: number; to?: string } = {}): Promise<MailSummary[]> {
  return db.mailMessage.findMany({
    where: options.to ? { toAddress: options.to } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 50, 1), 500),
    select: {
      id: true,
      toAddress: true,
      subject: true,
      status: true,
      transport: true,
      template: true,
      origin: true,
      language: true,
      createdAt: true,
    },
  });
}

export async function getMailMessage(id: string) {
  return db.mailMessage.findUnique({ where: { id } });
}
