import { currentAdmin } from "../admin/session";
import { config } from "../config";
import { db } from "../db";
import { clientAddress, isLoopbackAddress } from "../http/meta";

// Read access to the mail log, for the development mailbox (and the admin dashboard).

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
    select: { id: true, toAddress: true, subject: true, status: true, transport: true, template: true, origin: true, language: true, createdAt: true },
  });
}

export async function getMailMessage(id: string) {
  return db.mailMessage.findUnique({ where: { id } });
}

/**
 * The development mailbox shows every code and link that was mailed, so it is never readable from
 * another machine: it is on outside production and with DEV_MAILBOX=1 (npm start sets it on the
 * embedded default's outbox), and then answers only a request from this machine's loopback
 * address (the client's address behind a trusted proxy) or a signed-in administrator.
 */
export async function mayReadDevMailbox(headers: Headers): Promise<boolean> {
  const { NODE_ENV, DEV_MAILBOX } = config();
  if (NODE_ENV === "production" && DEV_MAILBOX !== "1") return false;
  if (isLoopbackAddress(clientAddress(headers))) return true;
  const state = await currentAdmin();
  return state.signedIn && state.admin !== null;
}
