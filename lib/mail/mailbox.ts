import { brandLogo } from "../brands/images";
import { db } from "../db";
import { listMailConfigurations } from "./configurations";
import { isTemplateName, renderMail } from "./templates";
import { sampleData } from "./templates/samples";
import { mailTheme } from "./templates/theme";

// Read access to the mail log, for the development mailbox (and the admin dashboard), and the
// mailbox's previews of every template. Who may open the development mailbox is
// ./dev-mailbox-access.ts.

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

/**
 * A mail's HTML with the brands' logos taken from this server (the same files, public/brands/):
 * a brand's portal need not be reachable from where the mailbox is read, and the pages' CSP
 * loads images from their own origin only.
 */
export function imagesFromHere(html: string): string {
  let local = html;
  for (const brand of listMailConfigurations()) local = local.replaceAll(`src="${mailTheme(brand).logoUrl}"`, `src="${brandLogo(brand)}"`);
  return local;
}

/** A template rendered with sample data (the previews); null for a brand, language or template there is not. */
export async function previewMail(brandId: string, language: string, template: string) {
  const brand = listMailConfigurations().find((b) => b.id === brandId);
  if (!brand || !brand.languages.includes(language) || !isTemplateName(template)) return null;
  const mail = await renderMail(template, { brand, language, data: sampleData(brand.portalUrl) });
  return { brand, template, mail: { ...mail, html: imagesFromHere(mail.html) } };
}
