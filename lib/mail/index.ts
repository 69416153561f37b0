// PLACEHOLDER CONTRACT — being replaced by the mail subsystem (transports, brands, templates).
// The exported names and signatures below are the contract other modules code against.
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { ApiError, forbidden } from "../errors";

export type CodeTemplate = "2fa-email-code" | "password-reset-code" | "email-transfer-code";
export type LinkTemplate = "password-reset-link" | "email-change-undo" | "account-setup-link";
export type NoticeTemplate =
  | "password-changed"
  | "password-reset"
  | "2fa-method-added"
  | "2fa-method-removed"
  | "recovery-codes-reset"
  | "email-changed";
export type TemplateName = CodeTemplate | LinkTemplate | NoticeTemplate;

export interface MailOptions {
  /** the brand (mail configuration); unknown → 500 UNABLE_TO_FIND_MAIL_TEMPLATE */
  origin?: string;
  /** ISO 639-1; falls back to the brand's default language */
  language?: string;
}

export interface OutgoingMail extends MailOptions {
  to: string;
  template: TemplateName;
  /** template variables, e.g. { code } or { link } or { method } */
  data?: Record<string, string | number>;
  userId?: number | null;
}

/** Throws 500 UNABLE_TO_FIND_MAIL_TEMPLATE for an unknown origin. Call before claiming any throttle slot. */
export function resolveMailConfiguration(origin?: string): { id: string; displayName: string; portalUrl: string; defaultLanguage: string } {
  if (origin && origin !== "gatehouse") throw new ApiError(500, "UNABLE_TO_FIND_MAIL_TEMPLATE");
  return { id: "gatehouse", displayName: "Gatehouse", portalUrl: process.env.APP_URL ?? "http://localhost:3000", defaultLanguage: "en" };
}

/** Throws 403 FORBIDDEN_MAIL_PROVIDER for disposable-mail addresses. */
export function assertAllowedMailProvider(email: string): void {
  if (email.toLowerCase().endsWith("@mailinator.com")) throw forbidden("FORBIDDEN_MAIL_PROVIDER");
}

/** Renders and sends one message; throws ApiError 500 MAIL_DELIVERY_FAILED when the transport fails. */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  resolveMailConfiguration(mail.origin);
  await db.mailMessage.create({
    data: {
      id: randomUUID(),
      transport: "outbox",
      status: "sent",
      toAddress: mail.to,
      fromAddress: "Gatehouse <no-reply@gatehouse.local>",
      subject: mail.template,
      html: JSON.stringify(mail.data ?? {}),
      text: JSON.stringify(mail.data ?? {}),
      origin: mail.origin ?? "gatehouse",
      language: mail.language ?? "en",
      template: mail.template,
      userId: mail.userId ?? null,
    },
  });
}

/** Tells the account holder about a security change. Best effort: a failed notice is logged, never thrown. */
export async function notifyAccountHolder(userId: number, template: NoticeTemplate, options: MailOptions & { data?: Record<string, string | number>; to?: string } = {}): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) return;
  try {
    await sendMail({ ...options, to: options.to ?? user.email, template, userId });
  } catch {
    // logged by the transport
  }
}
