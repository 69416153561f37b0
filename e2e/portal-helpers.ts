import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { generate } from "otplib";
import { expect, type Page } from "@playwright/test";

// Shared by the portal specs: accounts from the operator CLI, set-ups through the public API (so a
// spec about signing in does not depend on the wizards), and reads of the e2e server's database
// (the outbox, throttles). lib/db cannot load inside Playwright's CommonJS transform (the
// generated Prisma client is ESM), so the database is read with the driver underneath it.

export const PASSWORD = "Sturdy-Lantern-42";

const run = promisify(execFile);

/**
 * An account from the operator CLI, on the e2e server's database. The child process runs
 * asynchronously: a synchronous one froze this worker's event loop past the server's keep-alive
 * timeout, so the next `fetch` took a pooled socket the server had already closed and failed with
 * "other side closed".
 */
export async function createAccount(email: string, { password = PASSWORD, admin = false } = {}) {
  await run("npx", ["tsx", "scripts/user.ts", "create", "--email", email, "--password", password, ...(admin ? ["--admin"] : [])], {
    env: process.env,
  });
}

export const createAdmin = (email: string) => createAccount(email, { admin: true });

// ---------------------------------------------------------------- database

type Row = Record<string, unknown>;
let client: { query(sql: string, args: unknown[]): Promise<Row[]> } | undefined;

async function database() {
  if (client) return client;
  const url = process.env.DATABASE_URL ?? "";
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { Pool } = await import("pg");
    const pool = new Pool({ connectionString: url, max: 2 });
    client = {
      async query(sql, args) {
        let n = 0;
        const result = await pool.query(
          sql.replace(/\?/g, () => `$${++n}`),
          args,
        );
        return result.rows as Row[];
      },
    };
  } else {
    const { createClient } = await import("@libsql/client");
    const libsql = createClient({ url });
    client = {
      async query(sql, args) {
        const result = await libsql.execute({ sql, args: args as never });
        return result.rows as unknown as Row[];
      },
    };
  }
  return client;
}

export async function sql(query: string, ...args: unknown[]): Promise<Row[]> {
  return (await database()).query(query, args);
}

export async function userId(email: string): Promise<number> {
  const [row] = await sql(`SELECT "id" FROM "User" WHERE "email" = ?`, email.toLowerCase());
  if (!row) throw new Error(`no account ${email}`);
  return Number(row.id);
}

export async function mailCount(to: string, template: string): Promise<number> {
  const [row] = await sql(`SELECT COUNT(*) AS "n" FROM "MailMessage" WHERE "toAddress" = ? AND "template" = ?`, to.toLowerCase(), template);
  return Number(row.n);
}

/** The 6-digit code of the newest mail of `template` to `to`, once there are more than `after` of them. */
export async function mailedCode(to: string, template: string, after = 0): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        if ((await mailCount(to, template)) <= after) return undefined;
        const [mail] = await sql(
          `SELECT "text" FROM "MailMessage" WHERE "toAddress" = ? AND "template" = ? ORDER BY "createdAt" DESC LIMIT 1`,
          to.toLowerCase(),
          template,
        );
        code = /\b(\d{6})\b/.exec(String(mail?.text ?? ""))?.[1];
        return code;
      },
      { message: `a ${template} mail to ${to}`, timeout: 10_000 },
    )
    .toMatch(/^\d{6}$/);
  return code!;
}

/** Ends a "one mail per 60 s" wait without sleeping (only where the wait is not under test). */
export async function endMailWait(key: string) {
  await sql(`UPDATE "Throttle" SET "blockedUntil" = NULL WHERE "key" = ?`, key);
}
export const codeMailKey = (id: number) => `email-otp-mail:${id}`;

// ---------------------------------------------------------------- API

export async function api<T = unknown>(path: string, init: { method?: string; body?: unknown; token?: string; text?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const response = await fetch(`${process.env.APP_URL}/api${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "POST"} ${path}: ${response.status} ${text}`);
  return (init.text ? text : JSON.parse(text)) as T;
}

/** A refresh and an access token for an account without 2FA. */
export async function apiSignIn(email: string, password = PASSWORD) {
  const refreshToken = await api<string>("/auth/login", { body: { username: email, password }, text: true });
  const accessToken = await api<string>("/auth/accesstoken", { token: refreshToken, text: true });
  return { refreshToken, accessToken };
}

// ---------------------------------------------------------------- TOTP

const PERIOD = 30;
const step = () => Math.floor(Date.now() / 1000 / PERIOD);
const usedSteps = new Map<string, number>();

/** Waits while the clock is within 2 s of a step boundary, so a code's step cannot shift under the test. */
async function awayFromStepBoundary() {
  const into = (Date.now() / 1000) % PERIOD;
  if (into > PERIOD - 2) await new Promise((r) => setTimeout(r, (PERIOD - into + 0.2) * 1000));
  else if (into < 0.5) await new Promise((r) => setTimeout(r, 600));
}

/**
 * A code the server will accept for this secret now. It accepts the steps around now (±1), each
 * once and in rising order, so the earliest unused of those three is taken: three codes without
 * waiting, and a wait for the next step only after that (a spec that takes the current step first
 * waited up to 30 s for its third code).
 */
export async function totpCode(secret: string): Promise<string> {
  await awayFromStepBoundary();
  const now = step();
  // the previous step's code only with 5 s of this step left for it to reach the server
  const earliest = (Date.now() / 1000) % PERIOD < PERIOD - 5 ? now - 1 : now;
  const use = Math.max(earliest, (usedSteps.get(secret) ?? 0) + 1);
  if (use > now + 1) {
    await new Promise((r) => setTimeout(r, ((use - 1) * PERIOD - Date.now() / 1000 + 0.3) * 1000));
    return totpCode(secret);
  }
  usedSteps.set(secret, use);
  return generate({ secret, epoch: use * PERIOD + 1 });
}

/** A 6-digit string that is no code of the steps around now. */
export async function wrongTotp(secret: string) {
  const now = step();
  const valid = new Set(await Promise.all([-2, -1, 0, 1, 2].map((o) => generate({ secret, epoch: (now + o) * PERIOD + 1 }))));
  for (let i = 0; ; i++) {
    const candidate = String((123456 + i * 7919) % 1_000_000).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}

/** Sets up and activates TOTP through the API; answers the secret and the recovery codes. */
export async function enableTotpViaApi(email: string, password = PASSWORD) {
  const { accessToken } = await apiSignIn(email, password);
  const { url } = await api<{ url: string }>("/user/2fa/totp/setup", { body: {}, token: accessToken });
  const secret = new URL(url).searchParams.get("secret")!;
  const { recoveryCodes } = await api<{ recoveryCodes: string[] }>("/user/2fa/totp/enable", {
    body: { totp: await totpCode(secret) },
    token: accessToken,
  });
  return { secret, recoveryCodes };
}

/** Sets up and activates email codes (to `address`) through the API; answers the recovery codes. */
export async function enableEmailOtpViaApi(email: string, address: string, password = PASSWORD) {
  const { accessToken } = await apiSignIn(email, password);
  const before = await mailCount(address, "2fa-email-code");
  await api("/user/2fa/email-otp/setup", { body: { email: address }, token: accessToken });
  const otp = await mailedCode(address, "2fa-email-code", before);
  const { recoveryCodes } = await api<{ recoveryCodes: string[] }>("/user/2fa/email-otp/enable", { body: { otp }, token: accessToken });
  await endMailWait(codeMailKey(await userId(email)));
  return { recoveryCodes };
}

/**
 * Email codes (to `address`) and then an authenticator app, through the API: the second set-up
 * takes a sudo token, got here with an email code so that no TOTP time step is used up.
 */
export async function enableEmailOtpThenTotpViaApi(email: string, address: string, password = PASSWORD) {
  await enableEmailOtpViaApi(email, address, password);
  const login = await fetch(`${process.env.APP_URL}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: email, password }),
  });
  const { partialToken } = (await login.json()) as { partialToken: string };
  const before = await mailCount(address, "2fa-email-code");
  await api("/user/2fa/email-otp/challenge", { body: {}, token: partialToken });
  const otp = await mailedCode(address, "2fa-email-code", before);
  const { accessToken, sudoToken } = await api<{ accessToken: string; sudoToken: string }>("/user/2fa/email-otp/authenticate", {
    body: { otp },
    token: partialToken,
  });
  await endMailWait(codeMailKey(await userId(email)));
  const { url } = await api<{ url: string }>("/user/2fa/totp/setup", { body: {}, token: sudoToken });
  const secret = new URL(url).searchParams.get("secret")!;
  const { recoveryCodes } = await api<{ recoveryCodes: string[] }>("/user/2fa/totp/enable", {
    body: { totp: await totpCode(secret) },
    token: accessToken,
  });
  return { secret, recoveryCodes };
}

// ---------------------------------------------------------------- browser

/** Email and password on /login; stops where the page goes next (the account, or the second step). */
export async function enterPassword(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await enterPassword(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/**
 * Email, password and a code from the authenticator app. That code is also the step-up for the
 * next five minutes; specs about the "confirm it's you" dialog forget it first unless told to keep it.
 */
export async function signInWithTotp(
  page: Page,
  email: string,
  secret: string,
  { password = PASSWORD, keepStepUp = false }: { password?: string; keepStepUp?: boolean } = {},
) {
  await enterPassword(page, email, password);
  await page.getByLabel("6-digit code from your authenticator app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  const held = page.getByTestId("sudo-status");
  await expect(held).toBeVisible();
  if (!keepStepUp) {
    await held.getByRole("button", { name: "Forget" }).click();
    await expect(held).toBeHidden();
  }
}

/** The page fits a 375 px wide phone: nothing sticks out sideways. */
export async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "page wider than the viewport").toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** Uses `count` of the recovery codes through the API (each sign-in takes one). */
export async function useRecoveryCodesViaApi(email: string, codes: string[], password = PASSWORD) {
  for (const recoveryCode of codes) {
    const response = await fetch(`${process.env.APP_URL}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: email, password }),
    });
    const { partialToken } = (await response.json()) as { partialToken: string };
    await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode }, token: partialToken });
  }
}

/** Confirms "it's you" in the step-up dialog with a code from the authenticator app. */
export async function confirmWithTotp(page: Page, secret: string, reason?: string) {
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog).toBeVisible();
  if (reason) await expect(dialog).toContainText(reason);
  const field = dialog.getByLabel("6-digit code from your authenticator app");
  await expect(field).toBeFocused();
  await field.fill(await totpCode(secret));
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
}
