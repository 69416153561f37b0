import { ApiError } from "../errors";
import { recordSecurityEvent, type RequestMeta } from "../events";
import { notifyAccountHolder, resolveMailConfiguration, type MailOptions, type NoticeTemplate } from "../mail";
import type { Attempt } from "../throttle";
import type { TokenKind } from "../tokens/authorize";

/** Who is acting: the token's kind, its user and its session (access/sudo) or session epoch (partial). */
export interface Actor {
  kind: TokenKind;
  userId: number;
  sessionId: string | null;
  sessionEpoch?: number;
}

/** What a 2FA action needs besides its input: the request's address/agent and the mail brand. */
export interface TwoFactorContext {
  meta: RequestMeta;
  mail?: MailOptions;
}

export type FactorName = "totp" | "emailOtp" | "recoveryCode" | "passkey";

/** The brand for a notice: an unknown origin falls back to the default brand, so the notice still goes out. */
export function noticeOrigin(origin?: string): string | undefined {
  if (!origin) return undefined;
  try {
    resolveMailConfiguration(origin);
    return origin;
  } catch {
    return undefined;
  }
}

/** Mails the account holder about a 2FA change (docs/api.md §5/§6). Best effort: never throws. */
export async function notifyTwoFactorChange(userId: number, template: NoticeTemplate, ctx: TwoFactorContext, method?: FactorName) {
  try {
    await notifyAccountHolder(userId, template, {
      origin: noticeOrigin(ctx.mail?.origin),
      language: ctx.mail?.language,
      ...(method ? { data: { method } } : {}),
    });
  } catch {
    // a notice must never undo the change it reports
  }
}

/**
 * A wrong guess under the factor's throttle: records throttle.triggered when this failure starts
 * a wait (docs/api.md §5: from the 5th consecutive failure on), then throws `error`.
 */
export async function failedGuess(
  userId: number,
  factor: FactorName,
  attempt: Attempt,
  ctx: TwoFactorContext,
  error: ApiError,
): Promise<never> {
  if (attempt.failures >= 5) {
    await recordSecurityEvent(userId, "throttle.triggered", ctx.meta, { detail: { factor, failures: attempt.failures } });
  }
  throw error;
}
