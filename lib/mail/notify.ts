import { db } from "../db";
import { log } from "../log";
import { defaultMailConfiguration, resolveMailConfiguration, type MailConfiguration } from "./configurations";
import { deliver } from "./deliver";
import { configuredTransport, type MailTransport } from "./transports";
import type { LinkTemplate, MailOptions, NoticeTemplate, TemplateData } from "./types";

/** Next's `after`, handed in by a route: the task runs once the answer has gone out. */
export type Defer = (task: () => Promise<void>) => void;

/**
 * Runs the work behind a notice after the answer when the route hands in `defer`, else now. The
 * person waits for neither the lookups nor the transport, and a failure is logged, never thrown:
 * the change the notice reports has already happened.
 */
export async function noticeWork(defer: Defer | undefined, what: string, task: () => Promise<void>): Promise<void> {
  const guarded = async () => {
    try {
      await task();
    } catch (error) {
      log.error({ notice: what, err: error instanceof Error ? error.message : String(error) }, "notice not sent");
    }
  };
  if (defer) defer(guarded);
  else await guarded();
}

export interface NotifyOptions extends MailOptions {
  data?: TemplateData;
  /** another address than the account's current one (e.g. the old address after an email change) */
  to?: string;
}

/**
 * Tells the account holder about a security change (docs/api.md §6). Best effort: the change has
 * already happened, so a notice that cannot be sent is logged and never thrown. An unknown
 * origin is logged and the notice goes out with the default brand (never silently dropped).
 * Resolves to the mail log id, or null when nothing was sent.
 */
export async function notifyAccountHolder(
  userId: number,
  template: NoticeTemplate | LinkTemplate,
  options: NotifyOptions = {},
  transport?: MailTransport,
): Promise<string | null> {
  let brand: MailConfiguration;
  try {
    brand = resolveMailConfiguration(options.origin);
  } catch {
    log.warn({ userId, template, origin: options.origin?.slice(0, 256) }, "unknown mail origin for a notice; using the default brand");
    brand = defaultMailConfiguration();
  }
  try {
    const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) {
      log.warn({ userId, template }, "notice for an unknown user not sent");
      return null;
    }
    const receipt = await deliver(
      { to: options.to ?? user.email, template, origin: brand.id, language: options.language, data: options.data, userId },
      transport ?? configuredTransport(),
    );
    return receipt.id;
  } catch (error) {
    // deliver() has logged and recorded transport failures; this also covers render and DB errors.
    log.error({ userId, template, err: error instanceof Error ? error.message : String(error) }, "account notice not sent");
    return null;
  }
}
