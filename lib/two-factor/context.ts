import { ApiError } from "../errors";
import { writeTogether } from "../db/direct-writes";
import { securityEventInsert, type EventKind, type RequestMeta } from "../events";
import { notifyAccountHolder, resolveMailConfiguration, type Defer, type MailOptions, type NoticeTemplate } from "../mail";
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
  /** Next's `after`: notices of a sign-in (new device, recovery code used) leave after the answer */
  defer?: Defer;
}

export type FactorName = "totp" | "emailOtp" | "recoveryCode" | "passkey";

/** When a code was checked: completing a sign-in (partial token), confirming an action, or setting a factor up. */
export type CheckedDuring = "sign-in" | "step-up" | "setup";
export const checkedDuring = (actor: Actor): CheckedDuring => (actor.kind === "partial" ? "sign-in" : "step-up");

const failureKinds: Record<FactorName, EventKind> = {
  totp: "totp.failure",
  emailOtp: "email_otp.failure",
  recoveryCode: "recovery_code.failure",
  passkey: "passkey.failure",
};

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
 * A wrong guess under the factor's throttle: records the failure (the person reads it in their
 * activity), and throttle.triggered when this failure starts a wait (docs/api.md §5: from the
 * 5th consecutive failure on), both in one transaction; then throws `error`.
 */
export async function failedGuess(
  guess: { userId: number; factor: FactorName; during: CheckedDuring },
  attempt: Attempt,
  ctx: TwoFactorContext,
  error: ApiError,
): Promise<never> {
  const { userId, factor, during } = guess;
  const detail = { factor, failures: attempt.failures, during };
  const kinds: EventKind[] = [failureKinds[factor], ...(attempt.failures >= 5 ? (["throttle.triggered"] as const) : [])];
  // direct writes (lib/db/direct-writes): the path of every guess
  await writeTogether(kinds.map((kind) => securityEventInsert(userId, kind, ctx.meta, { detail })));
  throw error;
}
