import type { TransportMessage } from "../types";

export type TransportKind = "outbox" | "smtp" | "resend";

/**
 * Hands one rendered message to a delivery service. Resolves when the service accepted it;
 * rejects (with an error safe to store: no credentials, no message body) when it did not.
 * Storing the message in the mail log is not the transport's job: deliver() does that.
 */
export interface MailTransport {
  readonly kind: TransportKind;
  send(message: TransportMessage): Promise<{ providerId?: string }>;
}
