import { generate } from "otplib";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { issueSudoToken } from "@/lib/tokens/jwt";
import { api, createTestUser, expectEnvelope, partialTokenFor, signedIn, sleep, uniqueEmail, type ApiResponse } from "../helpers";

// Shared by tests/api/two-factor-*.test.ts: tokens of every kind, TOTP codes from the otpauth URL,
// email codes from the outbox, and throttle manipulation (instead of sleeping).

export type Kind = "refresh" | "access" | "sudo" | "partial";

/** A signed-in user with a token of every kind (the sudo token belongs to the same session). */
export async function userWithTokens(opts: { email?: string } = {}) {
  const user = await createTestUser(opts.email ? { email: opts.email } : {});
  const { refreshToken, accessToken } = await signedIn(user);
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
  const tokens: Record<Kind, string> = {
    refresh: refreshToken,
    access: accessToken,
    sudo: await issueSudoToken(user.id, session.id),
    partial: await partialTokenFor(user.id),
  };
  return { user, tokens, sessionId: session.id };
}

export const secretFromUrl = (url: string) => new URL(url).searchParams.get("secret")!;

export const PERIOD = 30;
export const currentStep = () => Math.floor(Date.now() / 1000 / PERIOD);

/** The code of the time step `offset` steps from now. */
export const totpAt = (secret: string, offset = 0) => generate({ secret, epoch: (currentStep() + offset) * PERIOD + 1 });

/** Waits while the clock is within 2 s of a step boundary, so a code's step cannot shift under the test. */
export async function awayFromStepBoundary() {
  const into = (Date.now() / 1000) % PERIOD;
  if (into > PERIOD - 2) await sleep((PERIOD - into + 0.2) * 1000);
  else if (into < 0.5) await sleep(600);
}

/** A 6-digit string that is not the code of any step within ±2 of now. */
export async function wrongTotp(secret: string) {
  const valid = new Set(await Promise.all([-2, -1, 0, 1, 2].map((o) => totpAt(secret, o))));
  for (let i = 0; ; i++) {
    const candidate = String((123456 + i * 7919) % 1_000_000).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}

/**
 * A code the server will accept for this user now: the current or next step, whichever was not
 * used yet. When both were (two logins within one step), the used-step marker is moved back —
 * only for tests that are not about replay.
 */
export async function usableTotp(userId: number, secret: string) {
  await awayFromStepBoundary();
  const factor = await db.totpFactor.findUniqueOrThrow({ where: { userId } });
  const now = currentStep();
  for (const step of [now, now + 1]) if (step > factor.lastUsedStep) return totpAt(secret, step - now);
  await db.totpFactor.update({ where: { userId }, data: { lastUsedStep: now - 1 } });
  return totpAt(secret, 0);
}

/** POST /user/2fa/totp/setup then /enable; answers the secret and the recovery codes. */
export async function enableTotpViaApi(userId: number, tokens: Record<Kind, string>, setupToken?: string) {
  const setup = await api("/user/2fa/totp/setup", { method: "POST", token: setupToken ?? tokens.access });
  expect(setup.status).toBe(200);
  const secret = secretFromUrl(setup.json.url);
  await awayFromStepBoundary();
  const enable = await api("/user/2fa/totp/enable", { body: { totp: await totpAt(secret) }, token: tokens.access });
  expect(enable.status, enable.text).toBe(200);
  return { secret, recoveryCodes: enable.json.recoveryCodes as string[] };
}

/** The newest mail of `template` to `to`; its 6-digit code (works for the placeholder JSON and real text bodies). */
export async function lastMail(to: string, template = "2fa-email-code") {
  return db.mailMessage.findFirst({ where: { toAddress: to, template }, orderBy: { createdAt: "desc" } });
}
export async function lastCode(to: string): Promise<string> {
  const mail = await lastMail(to);
  const code = mail && /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code mailed to ${to}`);
  return code;
}
export const mailCount = (to: string, template = "2fa-email-code") => db.mailMessage.count({ where: { toAddress: to, template } });

export const codeMailKey = (userId: number) => `email-otp-mail:${userId}`;

/** Ends a wait without sleeping. */
export async function endWait(key: string) {
  await db.throttle.updateMany({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1000) } });
}

/** POST /user/2fa/email-otp/setup then /enable. */
export async function enableEmailOtpViaApi(userId: number, tokens: Record<Kind, string>, email: string, setupToken?: string) {
  await endWait(codeMailKey(userId));
  const setup = await api("/user/2fa/email-otp/setup", { body: { email }, token: setupToken ?? tokens.access });
  expect(setup.status, setup.text).toBe(200);
  const enable = await api("/user/2fa/email-otp/enable", { body: { otp: await lastCode(email) }, token: tokens.access });
  expect(enable.status, enable.text).toBe(200);
  await endWait(codeMailKey(userId));
  return { recoveryCodes: enable.json.recoveryCodes as string[] };
}

export const events = (userId: number, kind: string) => db.securityEvent.findMany({ where: { userId, kind } });

/**
 * Every token kind against one endpoint: the accepted ones get past the token check (any answer
 * but 401 INVALID_TOKEN / NO_TOKEN_PROVIDED), the others get 401 INVALID_TOKEN.
 */
export async function expectTokenRule(
  request: { path: string; method: string; body?: unknown },
  tokens: Record<Kind, string>,
  accepts: Kind[],
) {
  for (const kind of ["refresh", "access", "sudo", "partial"] as Kind[]) {
    const r = await api(request.path, { method: request.method, body: request.body, token: tokens[kind] });
    if (accepts.includes(kind)) {
      expect([r.status, r.json?.message], `${kind} token on ${request.method} ${request.path}`).not.toEqual([401, "INVALID_TOKEN"]);
    } else {
      expectEnvelope(r, 401, "INVALID_TOKEN");
    }
  }
  expectEnvelope(await api(request.path, { method: request.method, body: request.body }), 401, "NO_TOKEN_PROVIDED");
  expectEnvelope(await api(request.path, { method: request.method, body: request.body, token: "garbage" }), 401, "INVALID_TOKEN");
}

/**
 * The failure that starts a wait: `failures` counted and a wait of `seconds` set from that moment.
 * Then the wait is stretched to 30 s, so the next check lands inside it however slow the machine.
 */
export async function expectWaitStarted(key: string, failures: number, seconds: number) {
  const row = await db.throttle.findUniqueOrThrow({ where: { key } });
  expect(row.failures).toBe(failures);
  expect(row.blockedUntil).not.toBeNull();
  const length = row.blockedUntil!.getTime() - row.updatedAt.getTime();
  expect(length).toBeGreaterThan(seconds * 1000 - 500);
  expect(length).toBeLessThan(seconds * 1000 + 500);
  await db.throttle.update({ where: { key }, data: { blockedUntil: new Date(Date.now() + 30_000) } });
}

/** A 429 inside a stretched wait: the envelope, retryAfter ≈ 30 s in body and header, and nothing counted. */
export async function expectThrottled(response: ApiResponse, code: string, key: string, failures: number) {
  expectEnvelope(response, 429, code);
  expect(response.json.retryAfter).toBeGreaterThanOrEqual(25);
  expect(response.json.retryAfter).toBeLessThanOrEqual(30);
  expect(response.headers.get("retry-after")).toBe(String(response.json.retryAfter));
  expect((await db.throttle.findUniqueOrThrow({ where: { key } })).failures).toBe(failures);
}

/**
 * A login that owes its second factor (docs/api.md §2.1), with every factor at hand to complete it: an
 * account with TOTP, email OTP and recovery codes, the partial token of its password step, and an
 * email code already mailed for that partial token.
 */
export async function loginOwingSecondFactor() {
  const { user, tokens, sessionId } = await userWithTokens();
  const { secret } = await enableTotpViaApi(user.id, tokens);
  const address = uniqueEmail("otp");
  const { recoveryCodes } = await enableEmailOtpViaApi(user.id, tokens, address, tokens.sudo); // the newest set
  const login = await api("/auth/login", { body: { username: user.email, password: user.password } });
  expectEnvelope(login, 401, "2FA_REQUIRED");
  const partial = login.json.partialToken as string;
  expect((await api("/user/2fa/email-otp/challenge", { method: "POST", token: partial })).status).toBe(200);
  const emailCode = await lastCode(address);
  await endWait(codeMailKey(user.id));
  return { user, tokens, sessionId, secret, recoveryCodes, address, partial, emailCode };
}

export type OwedLogin = Awaited<ReturnType<typeof loginOwingSecondFactor>>;

/**
 * docs/api.md §8 "Partial tokens": every call a partial token serves answers 401 INVALID_TOKEN, whichever
 * factor would complete the login (`secret` and `recoveryCodes` may be newer than the token), and
 * no session starts.
 */
export async function expectPartialTokenDead(owed: Pick<OwedLogin, "user" | "partial" | "secret" | "recoveryCodes" | "emailCode">) {
  const token = owed.partial;
  const sessions = () => db.session.count({ where: { userId: owed.user.id } });
  const before = await sessions();
  expectEnvelope(
    await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: owed.recoveryCodes[0] }, token }),
    401,
    "INVALID_TOKEN",
  );
  const hasTotp = (await db.totpFactor.count({ where: { userId: owed.user.id } })) > 0;
  const totp = hasTotp ? await usableTotp(owed.user.id, owed.secret) : await totpAt(owed.secret);
  expectEnvelope(await api("/user/2fa/totp/authenticate", { body: { totp }, token }), 401, "INVALID_TOKEN");
  expectEnvelope(await api("/user/2fa/email-otp/authenticate", { body: { otp: owed.emailCode }, token }), 401, "INVALID_TOKEN");
  expectEnvelope(await api("/user/2fa/email-otp/challenge", { method: "POST", token }), 401, "INVALID_TOKEN");
  for (const path of ["/user/2fa", "/user/2fa/totp/next-guess", "/user/2fa/email-otp/next-email", "/user/2fa/recovery-code/next-guess"]) {
    expectEnvelope(await api(path, { token }), 401, "INVALID_TOKEN");
  }
  expect(await sessions()).toBe(before);
}
