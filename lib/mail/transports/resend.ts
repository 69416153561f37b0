import { Resend } from "resend";
import type { MailTransport } from "./types";

export interface ResendOptions {
  apiKey: string;
  /**
   * The API's base URL, e.g. a local stand-in in tests. Unset: the SDK reads RESEND_BASE_URL
   * from the environment itself and otherwise uses https://api.resend.com.
   */
  baseUrl?: string;
  timeoutMs?: number;
}

/** Resend's HTTP API through its SDK (production). */
export function createResendTransport(options: ResendOptions): MailTransport {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : undefined);
  const timeout = options.timeoutMs ?? 15_000;
  return {
    kind: "resend",
    async send(message) {
      // The SDK does not throw: it answers { data, error } (also for network failures).
      const { data, error } = await client.emails.send(
        {
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: { "X-Gatehouse-Mail-Id": message.id },
        },
        // Our row id as idempotency key: a retried request never sends the mail twice.
        { idempotencyKey: message.id, signal: AbortSignal.timeout(timeout) },
      );
      if (error || !data) {
        const status = error && "statusCode" in error && error.statusCode ? ` ${error.statusCode}` : "";
        throw new Error(`Resend delivery failed${status} (${error?.name ?? "no_data"}): ${error?.message ?? "no response data"}`);
      }
      return { providerId: data.id };
    },
  };
}
