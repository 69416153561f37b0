import { randomUUID } from "node:crypto";
import { db } from "../db";
import { apiError } from "../errors";
import { log } from "../log";
import { getPreferences } from "../preferences";
import { resolveMailConfiguration } from "./configurations";
import { renderMail } from "./templates";
import { configuredTransport, type MailTransport } from "./transports";
import type { DeliveryReceipt, OutgoingMail } from "./types";

const MAX_ERROR_LENGTH = 1000;

function checkRecipient(to: string): string {
  const address = to.trim();
  if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(address) || address.length > 256) throw new Error("mail recipient must be one plain address");
  return address;
}

/**
 * What the mail's reader chose (the contract's §10): the language is the API call's `language`;
 * without one, the language saved on the account it is sent for (renderMail falls back to the
 * brand's default when the brand does not offer it, or nothing was asked for). The times a mail
 * names are in the account's saved time zone. One read, and none when nothing needs it.
 */
async function readerChoices(mail: OutgoingMail): Promise<{ language?: string; timeZone?: string }> {
  const needsSaved = mail.language === undefined || mail.data?.time !== undefined;
  const saved = mail.userId != null && needsSaved ? await getPreferences(mail.userId) : null;
  return { language: mail.language ?? saved?.language ?? undefined, timeZone: saved?.timeZone ?? undefined };
}

/**
 * Renders `mail`, hands it to `transport` and writes the mail log (MailMessage) row.
 * - Unknown origin: 500 UNABLE_TO_FIND_MAIL_TEMPLATE, before anything is rendered or stored.
 * - Transport failure: a "failed" row with the error, then 500 MAIL_DELIVERY_FAILED.
 * The outbox's row is the message itself; a real transport's row keeps codes and links masked.
 */
export async function deliver(mail: OutgoingMail, transport: MailTransport): Promise<DeliveryReceipt> {
  const brand = resolveMailConfiguration(mail.origin);
  const to = checkRecipient(mail.to);
  const { language, timeZone } = await readerChoices(mail);
  const options = { brand, language, timeZone, data: mail.data };
  const rendered = await renderMail(mail.template, options);
  const stored = transport.kind === "outbox" ? rendered : await renderMail(mail.template, { ...options, secrets: "redact" });
  const id = randomUUID();
  const row = {
    id,
    transport: transport.kind,
    toAddress: to,
    fromAddress: brand.sender,
    subject: stored.subject,
    html: stored.html,
    text: stored.text,
    origin: brand.id,
    language: rendered.language,
    template: mail.template,
    userId: mail.userId ?? null,
  };
  const context = {
    mailId: id,
    transport: transport.kind,
    template: mail.template,
    origin: brand.id,
    language: rendered.language,
    userId: mail.userId ?? undefined,
  };

  let providerId: string | undefined;
  try {
    ({ providerId } = await transport.send({
      id,
      from: brand.sender,
      to,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
    }));
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    log.error({ ...context, err: message }, "mail delivery failed");
    try {
      await db.mailMessage.create({ data: { ...row, status: "failed", error: message } });
    } catch (dbError) {
      log.error({ ...context, err: dbError }, "mail log write failed");
    }
    throw apiError("MAIL_DELIVERY_FAILED");
  }

  try {
    await db.mailMessage.create({ data: { ...row, status: "sent" } });
  } catch (dbError) {
    log.error({ ...context, err: dbError }, "mail log write failed");
    // For the outbox the row is the delivery; a real transport already handed the mail over.
    if (transport.kind === "outbox") throw apiError("MAIL_DELIVERY_FAILED");
  }
  log.info({ ...context, providerId }, "mail sent");
  return { id, providerId };
}

/** Renders and sends one message with the configured transport (MAIL_TRANSPORT). */
export async function sendMail(mail: OutgoingMail): Promise<DeliveryReceipt> {
  return deliver(mail, configuredTransport());
}
