import { log } from "../../log";
import type { MailTransport } from "./types";

/**
 * The embedded default: nothing leaves the machine. The message is kept in the MailMessage
 * table (by deliver(), like every message) and shown on the development mailbox page; this
 * transport only logs that it was "sent", without the body.
 */
export function createOutboxTransport(): MailTransport {
  return {
    kind: "outbox",
    async send(message) {
      log.info({ mailId: message.id, to: message.to, subject: message.subject }, "mail stored in the outbox");
      return { providerId: message.id };
    },
  };
}
