import { config } from "../../config";
import { createOutboxTransport } from "./outbox";
import { createResendTransport, type ResendOptions } from "./resend";
import { createSmtpTransport, type SmtpOptions } from "./smtp";
import type { MailTransport, TransportKind } from "./types";

export type { MailTransport, TransportKind } from "./types";
export type { ResendOptions } from "./resend";
export type { SmtpOptions } from "./smtp";

export interface TransportOptions {
  smtp?: SmtpOptions;
  resend?: ResendOptions;
}

/** Builds a transport of the given kind. Tests use this directly; sendMail uses configuredTransport(). */
export function createTransport(kind: "outbox"): MailTransport;
export function createTransport(kind: "smtp", options: { smtp: SmtpOptions }): MailTransport;
export function createTransport(kind: "resend", options: { resend: ResendOptions }): MailTransport;
export function createTransport(kind: TransportKind, options?: TransportOptions): MailTransport;
export function createTransport(kind: TransportKind, options: TransportOptions = {}): MailTransport {
  switch (kind) {
    case "outbox":
      return createOutboxTransport();
    case "smtp":
      if (!options.smtp?.url) throw new Error("the smtp mail transport needs a URL (SMTP_URL)");
      return createSmtpTransport(options.smtp);
    case "resend":
      if (!options.resend?.apiKey) throw new Error("the resend mail transport needs an API key (RESEND_API_KEY)");
      return createResendTransport(options.resend);
    default:
      throw new Error(`unknown mail transport ${kind satisfies never}`);
  }
}

let configured: MailTransport | undefined;

/** The transport named by MAIL_TRANSPORT (default outbox), built once from the configuration. */
export function configuredTransport(): MailTransport {
  if (configured) return configured;
  const c = config();
  configured = createTransport(c.MAIL_TRANSPORT, {
    smtp: c.SMTP_URL ? { url: c.SMTP_URL } : undefined,
    resend: c.RESEND_API_KEY ? { apiKey: c.RESEND_API_KEY, baseUrl: c.RESEND_BASE_URL } : undefined,
  });
  return configured;
}
