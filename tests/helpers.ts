import { randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";
import { waitAfterFailures } from "@/lib/throttle";
import { issuePartialToken } from "@/lib/tokens/jwt";

export const baseUrl = () => process.env.APP_URL!;

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

// Every secret a test sends or receives is recorded, so scripts/check-logs.ts can prove that the
// server never wrote one to its log.
const secretFields = new Set([
  "password",
  "newPassword",
  "oldPassword",
  "otp",
  "totp",
  "recoveryCode",
  "token",
  "accessToken",
  "refreshToken",
  "sudoToken",
  "partialToken",
]);
const secretsDir = () => `test-results/secrets-${process.env.TEST_PORT}`;

export function recordSecrets(...values: unknown[]) {
  const found: string[] = [];
  const visit = (value: unknown, key?: string) => {
    if (typeof value === "string") {
      if ((key && secretFields.has(key)) || key === "recoveryCodes") found.push(value);
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  values.forEach((v) => visit(v));
  const meaningful = found.filter((s) => s.length >= 6 && s.length <= 512);
  if (meaningful.length === 0) return;
  mkdirSync(secretsDir(), { recursive: true });
  appendFileSync(`${secretsDir()}/${process.pid}.txt`, meaningful.map((s) => s.replace(/\n/g, " ")).join("\n") + "\n");
}

/** One HTTP request to the test server. `body` objects are sent as JSON; strings are sent raw. */
export async function api(
  path: string,
  init: { method?: string; body?: unknown; token?: string | null; headers?: Record<string, string>; baseUrl?: string } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token != null) headers.Authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (typeof init.body === "string") body = init.body;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["Content-Type"] ??= "application/json";
  }
  const response = await fetch((init.baseUrl ?? baseUrl()) + path, {
    method: init.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {}
  let sentBody: unknown;
  try {
    sentBody = body ? JSON.parse(body) : undefined;
  } catch {}
  const isToken = response.ok && response.headers.get("content-type")?.startsWith("text/plain");
  recordSecrets({ token: init.token ?? undefined }, sentBody, json, isToken ? { token: text } : undefined);
  return { status: response.status, headers: response.headers, text, json };
}

/** The contract's error envelope, exactly (plus documented extras). */
export function expectEnvelope(response: ApiResponse, status: number, message: string) {
  if (response.status !== status || response.json?.message !== message) {
    throw new Error(`expected ${status} ${message}, got ${response.status} ${response.text}`);
  }
  const allowed = new Set(["statusCode", "error", "message", "field", "retryAfter", "partialToken", "methods"]);
  for (const key of Object.keys(response.json)) if (!allowed.has(key)) throw new Error(`unexpected envelope key ${key}`);
  // a 400 names the input at fault, the field its sentence starts with; no other status has one
  const field = response.json.field;
  if (status === 400 ? typeof field !== "string" || !message.startsWith(field) : field !== undefined)
    throw new Error(`field ${JSON.stringify(field)} on a ${status} "${message}"`);
  if (response.json.statusCode !== status) throw new Error(`statusCode ${response.json.statusCode} != ${status}`);
}

export const uniqueEmail = (tag = "user") => `${tag}-${randomUUID().slice(0, 12)}@example.com`;
export const TEST_PASSWORD = "Sturdy-Lantern-42";

export async function createTestUser(opts: { password?: string | null; role?: "user" | "admin"; email?: string } = {}) {
  const email = opts.email ?? uniqueEmail();
  const password = opts.password === undefined ? TEST_PASSWORD : opts.password;
  const user = await createUser({ email, password, role: opts.role });
  return { id: user.id, email, password: password ?? "" };
}

export async function login(user: { email: string; password: string }): Promise<string> {
  const response = await api("/auth/login", { body: { username: user.email, password: user.password } });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${response.text}`);
  return response.text;
}

export async function signedIn(user: { email: string; password: string }) {
  const refreshToken = await login(user);
  const access = await api("/auth/accesstoken", { token: refreshToken });
  if (access.status !== 200) throw new Error(`accesstoken failed: ${access.text}`);
  return { refreshToken, accessToken: access.text };
}

/** A partial token as login issues it: bound to the account's current session epoch. */
export async function partialTokenFor(userId: number) {
  const { sessionEpoch } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionEpoch: true } });
  return issuePartialToken(userId, sessionEpoch);
}

/** Marks TOTP active without going through the API (for tests of other areas). */
export async function markTotpActive(userId: number) {
  await db.totpFactor.upsert({ where: { userId }, create: { userId, activatedAt: new Date() }, update: { activatedAt: new Date() } });
}

/**
 * How many password checks docs/api.md §5 permits in a burst that lasted `ms`, starting from
 * `failures` consecutive failures: each checked failure from the 5th on opens a wait of
 * 2^(n−5) s, and only attempts after a wait ends are checked.
 */
export function permittedChecks(ms: number, failures = 0): number {
  let checks = 0;
  let elapsed = 0;
  for (let n = failures + 1; ; n++) {
    checks++;
    const wait = waitAfterFailures(n) * 1000;
    if (wait === 0) continue;
    elapsed += wait;
    if (elapsed > ms) return checks;
  }
}

/** Runs `n` requests at once; answers their results and how long the burst took. */
export async function burst<T>(n: number, make: (i: number) => Promise<T>): Promise<{ results: T[]; ms: number }> {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: n }, (_, i) => make(i)));
  return { results, ms: performance.now() - started };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The newest mail of a template to an address; some mails leave after the answer, so wait a little. */
export async function mailTo(address: string, template: string, after = new Date(0)) {
  for (let i = 0; i < 60; i++) {
    const mail = await db.mailMessage.findFirst({
      where: { toAddress: address, template, createdAt: { gte: after } },
      orderBy: { createdAt: "desc" },
    });
    if (mail) return mail;
    await sleep(50);
  }
  throw new Error(`no ${template} mail to ${address}`);
}

/** The 6-digit code in a mail's text. */
export const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)![1];
