import nodemailer from "nodemailer";
import type { MailTransport } from "./types";

export interface SmtpOptions {
  /** smtp://user:pass@host:port, smtps://… for implicit TLS (nodemailer's URL format) */
  url: string;
  /** milliseconds for connecting, the greeting, and socket inactivity */
  timeoutMs?: number;
}

/** SMTP through nodemailer, for self-hosting (any mail server or relay) and tests. */
export function createSmtpTransport(options: SmtpOptions): MailTransport {
  const timeout = options.timeoutMs ?? 15_000;
  const transporter = nodemailer.createTransport(options.url, {
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    kind: "smtp",
    async send(message) {
      try {
        const info = await transporter.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          // The mail log id, so a bounce or a provider's record can be matched to our row.
          headers: { "X-Gatehouse-Mail-Id": message.id },
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        if (info.rejected?.length) throw new Error(`SMTP server rejected the recipient`);
        return { providerId: info.messageId };
      } catch (error) {
        // nodemailer's errors carry code/command/response; keep those, never the URL (credentials).
        const e = error as { code?: string; responseCode?: number; command?: string; message?: string };
        const details = [e.code, e.responseCode, e.command].filter((v) => v !== undefined).join(" ");
        throw new Error(
          `SMTP delivery failed${details ? ` (${details})` : ""}: ${stripCredentials(e.message ?? String(error), options.url)}`,
        );
      }
    },
  };
}

function stripCredentials(text: string, url: string): string {
  try {
    const { username, password } = new URL(url);
    let out = text;
    for (const secret of [password, decodeURIComponent(password), username].filter((s) => s.length > 2))
      out = out.split(secret).join("***");
    return out;
  } catch {
    return text;
  }
}
