// The benchmark's sign-ins: accounts seeded in bulk (one password hash computed once, rows
// written with createMany), and the request sequences autocannon runs for each way of signing in.
//
// Every flood spreads over many accounts, as real traffic does: attempts are counted before the
// password is checked (so concurrent wrong guesses cannot exceed the throttle), so one account
// under many simultaneous logins would see 429s; and each second factor works once per account
// and code (a TOTP time step, a mailed code, a recovery code), so each completed login needs an
// account that still has one.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import type autocannon from "autocannon";
import { generate } from "otplib";
import { coseKey, SoftAuthenticator } from "../../tests/api/passkey-authenticator";

export const BENCH_PASSWORD = "Bench-Password-1";
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const RECOVERY_CODES_PER_ACCOUNT = 10;

type Db = (typeof import("../../lib/db"))["db"];

interface Seeded {
  emails: string[];
  ids: number[];
}

async function seedAccounts(db: Db, prefix: string, count: number, passwordHash: string): Promise<Seeded> {
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@example.com`);
  for (let i = 0; i < count; i += 2_000) {
    await db.user.createMany({ data: emails.slice(i, i + 2_000).map((email) => ({ email, passwordHash })) });
  }
  const rows = await db.user.findMany({ where: { email: { startsWith: `${prefix}-` } }, select: { id: true, email: true } });
  const idOf = new Map(rows.map((r) => [r.email, r.id]));
  return { emails, ids: emails.map((email) => idOf.get(email)!) };
}

async function activateTotp(db: Db, ids: number[]) {
  const { encrypt } = await import("../../lib/crypto");
  const secretEnc = encrypt(TOTP_SECRET);
  await db.totpFactor.createMany({ data: ids.map((userId) => ({ userId, secretEnc, activatedAt: new Date() })) });
}

export interface LoginAccounts {
  password: string[];
  totp: string[];
  email: { emails: string[]; codes: string[] };
  recovery: { emails: string[]; codes: string[] };
  /** accounts whose one second factor is a passkey held by `authenticator` */
  passkey: { emails: string[]; authenticator: SoftAuthenticator };
}

/**
 * A passkey per account, all in one software authenticator (tests/api/passkey-authenticator.ts)
 * that keeps no sign counter: the server then accepts every assertion's counter of 0, so an
 * account serves any number of logins. One key pair for all (the rows differ by credential id).
 */
async function addPasskeys(db: Db, ids: number[], origin: string): Promise<SoftAuthenticator> {
  const authenticator = new SoftAuthenticator(origin, 0);
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const rpId = new URL(origin).hostname;
  const rows = ids.map((userId) => {
    const credentialId = randomBytes(16).toString("base64url");
    authenticator.credentials.push({ id: credentialId, rpId, userHandle: String(userId), privateKey, publicKey, counter: 0 });
    return {
      id: `bench-${userId}`,
      userId,
      credentialId,
      publicKey: new Uint8Array(coseKey(publicKey)),
      counter: 0,
      name: "Bench passkey",
    };
  });
  for (let i = 0; i < rows.length; i += 2_000) await db.passkey.createMany({ data: rows.slice(i, i + 2_000) });
  return authenticator;
}

/**
 * Pools sized for the fastest machine we expect (about 250 completed logins a second): a TOTP
 * account serves two logins per 30-second step, a mailed code one, an account's recovery codes ten.
 */
export async function seedLoginAccounts(
  origin: string,
  sizes = { password: 100, totp: 3_000, email: 4_000, recovery: 500, passkey: 100 },
): Promise<LoginAccounts> {
  const { db } = await import("../../lib/db");
  const { hashSecret } = await import("../../lib/passwords/hash");
  const { issueEmailCode } = await import("../../lib/email-codes");
  const passwordHash = await hashSecret(BENCH_PASSWORD);

  const password = await seedAccounts(db, "login", sizes.password, passwordHash);
  const totp = await seedAccounts(db, "login-totp", sizes.totp, passwordHash);
  await activateTotp(db, totp.ids);

  const email = await seedAccounts(db, "login-email", sizes.email, passwordHash);
  await db.emailOtpFactor.createMany({
    data: email.ids.map((userId, i) => ({ userId, email: email.emails[i], activatedAt: new Date() })),
  });
  // the codes a challenge would have mailed, issued the way it issues them
  const emailCodes: string[] = [];
  for (let i = 0; i < email.ids.length; i++) emailCodes.push(await issueEmailCode(email.ids[i], "2fa-login", email.emails[i]));

  // one set of codes hashed once and given to every account; ids sort in the order the codes
  // are entered, so each login's code is the first one the check tries (one hash, not up to ten)
  const recovery = await seedAccounts(db, "login-recovery", sizes.recovery, passwordHash);
  await activateTotp(db, recovery.ids);
  const { generateRecoveryCodes } = await import("../../lib/two-factor/recovery-codes");
  const recoveryCodes = generateRecoveryCodes(RECOVERY_CODES_PER_ACCOUNT);
  const codeHashes = await Promise.all(recoveryCodes.map((code) => hashSecret(code)));
  const recoveryRows = recovery.ids.flatMap((userId) =>
    codeHashes.map((codeHash, k) => ({ id: `bench-${userId}-${k}`, userId, codeHash })),
  );
  for (let i = 0; i < recoveryRows.length; i += 2_000) await db.recoveryCode.createMany({ data: recoveryRows.slice(i, i + 2_000) });

  const passkey = await seedAccounts(db, "login-passkey", sizes.passkey, passwordHash);
  const authenticator = await addPasskeys(db, passkey.ids, origin);

  return {
    password: password.emails,
    totp: totp.emails,
    email: { emails: email.emails, codes: emailCodes },
    recovery: { emails: recovery.emails, codes: recoveryCodes },
    passkey: { emails: passkey.emails, authenticator },
  };
}

/** Counts what a flood achieved: completed sign-ins, and answers that no correct client gets. */
export class Tally {
  completed = 0;
  unexpected = 0;
  readonly statuses = new Map<number, number>();
  /** after the warm-up */
  reset() {
    this.completed = 0;
    this.unexpected = 0;
    this.statuses.clear();
  }
  note(status: number, ok: boolean) {
    if (ok) this.completed++;
    else {
      this.unexpected++;
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    }
  }
}

const json = { "content-type": "application/json" };

/** POST /auth/login, round-robin over `emails`; a 200 is a completed login. */
export function passwordLogin(emails: string[], tally: Tally): autocannon.Request[] {
  let next = 0;
  return [
    {
      method: "POST",
      path: "/auth/login",
      headers: json,
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ username: emails[next++ % emails.length], password: BENCH_PASSWORD }) }),
      onResponse: (status) => tally.note(status, status === 200),
    },
  ];
}

/** The partial token of a 401 2FA_REQUIRED answer. */
function partialTokenOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { partialToken?: string }).partialToken;
  } catch {
    return undefined;
  }
}

interface SecondStep {
  path: string;
  /** the account and the second step's body for the next login; once the pool is used up, a used code (its 401 shows as an error) */
  pick(): { username: string; body: Record<string, string> };
}

/**
 * The login with a second factor: the password step (401 2FA_REQUIRED with a partial token), then
 * the factor's authenticate call with it. A completed login is the second step's 200.
 */
function twoStepLogin(step: SecondStep, tally: Tally): autocannon.Request[] {
  type Context = { body?: Record<string, string>; partial?: string };
  return [
    {
      method: "POST",
      path: "/auth/login",
      headers: json,
      setupRequest: (req, context: Context) => {
        const picked = step.pick();
        context.body = picked.body;
        return { ...req, body: JSON.stringify({ username: picked.username, password: BENCH_PASSWORD }) };
      },
      onResponse: (status, body, context: Context) => {
        context.partial = status === 401 ? partialTokenOf(body) : undefined;
        if (!context.partial) tally.note(status, false);
      },
    },
    {
      method: "POST",
      path: step.path,
      setupRequest: (req, context: Context) => {
        // no partial token (already counted): autocannon starts the sequence again
        if (!context.partial) return null as unknown as autocannon.Request;
        return { ...req, headers: { ...json, authorization: `Bearer ${context.partial}` }, body: JSON.stringify(context.body) };
      },
      onResponse: (status) => tally.note(status, status === 200),
    },
  ];
}

/** Codes for the TOTP steps of the next few minutes (every account shares the secret). */
async function totpCodes(minutes = 15): Promise<Map<number, string>> {
  const now = Math.floor(Date.now() / 30_000);
  const codes = new Map<number, string>();
  for (let step = now - 1; step <= now + minutes * 2; step++) codes.set(step, await generate({ secret: TOTP_SECRET, epoch: step * 30 }));
  return codes;
}

/**
 * Login + TOTP. A time step is accepted once per account, and the server takes the codes of the
 * previous, current and next step: an account serves the current and the next step's code, then
 * one more per step.
 */
export async function totpLogin(emails: string[], tally: Tally): Promise<autocannon.Request[]> {
  const codes = await totpCodes();
  const lastStep = new Array<number>(emails.length).fill(0);
  let next = 0;
  return twoStepLogin(
    {
      path: "/user/2fa/totp/authenticate",
      pick: () => {
        const current = Math.floor(Date.now() / 30_000);
        for (let tried = 0; tried < emails.length; tried++) {
          const i = next++ % emails.length;
          const step = Math.max(lastStep[i] + 1, current);
          if (step > current + 1) continue;
          lastStep[i] = step;
          return { username: emails[i], body: { totp: codes.get(step)! } };
        }
        return { username: emails[0], body: { totp: codes.get(current)! } };
      },
    },
    tally,
  );
}

/** Login + a mailed code (issued at seeding, as the challenge would have). Each code works once. */
export function emailCodeLogin(accounts: LoginAccounts["email"], tally: Tally): autocannon.Request[] {
  let next = 0;
  return twoStepLogin(
    {
      path: "/user/2fa/email-otp/authenticate",
      pick: () => {
        const i = next++ % accounts.emails.length;
        return { username: accounts.emails[i], body: { otp: accounts.codes[i] } };
      },
    },
    tally,
  );
}

/** Login + a recovery code: each account's codes in order, so each is the first one checked. */
export function recoveryCodeLogin(accounts: LoginAccounts["recovery"], tally: Tally): autocannon.Request[] {
  let next = 0;
  const total = accounts.emails.length * accounts.codes.length;
  return twoStepLogin(
    {
      path: "/user/2fa/recovery-code/authenticate",
      pick: () => {
        const use = next++ % total;
        const i = use % accounts.emails.length;
        return { username: accounts.emails[i], body: { recoveryCode: accounts.codes[Math.floor(use / accounts.emails.length)] } };
      },
    },
    tally,
  );
}

/**
 * Login + passkey: the password step, the request options for the partial token (a challenge the
 * server stores), and the authenticator's signed answer to them. The signature is made here, as
 * the browser's authenticator would, on the load generator's CPU, not the server's.
 */
export function passkeyLogin(accounts: LoginAccounts["passkey"], tally: Tally): autocannon.Request[] {
  type Context = { partial?: string; answer?: string };
  let next = 0;
  const withPartial = (req: autocannon.Request, context: Context, body: string) =>
    context.partial
      ? { ...req, headers: { ...json, authorization: `Bearer ${context.partial}` }, body }
      : (null as unknown as autocannon.Request);
  return [
    {
      method: "POST",
      path: "/auth/login",
      headers: json,
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({ username: accounts.emails[next++ % accounts.emails.length], password: BENCH_PASSWORD }),
      }),
      onResponse: (status, body, context: Context) => {
        context.partial = status === 401 ? partialTokenOf(body) : undefined;
        if (!context.partial) tally.note(status, false);
      },
    },
    {
      method: "POST",
      path: "/user/2fa/passkey/authenticate/options",
      setupRequest: (req, context: Context) => withPartial(req, context, "{}"),
      onResponse: (status, body, context: Context) => {
        context.answer = undefined;
        if (status === 200) {
          try {
            context.answer = JSON.stringify({ credential: accounts.authenticator.get(JSON.parse(body)) });
          } catch {}
        }
        if (!context.answer) {
          context.partial = undefined;
          tally.note(status, false);
        }
      },
    },
    {
      method: "POST",
      path: "/user/2fa/passkey/authenticate",
      setupRequest: (req, context: Context) =>
        context.answer ? withPartial(req, context, context.answer) : (null as unknown as autocannon.Request),
      onResponse: (status) => tally.note(status, status === 200),
    },
  ];
}
