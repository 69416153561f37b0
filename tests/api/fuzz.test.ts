import { request as httpRequest } from "node:http";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { issueAccessToken, issueSudoToken } from "@/lib/tokens/jwt";
import { baseUrl, createTestUser, partialTokenFor, recordSecrets, signedIn, sleep } from "../helpers";
import {
  badTokens,
  categoriesFor,
  describeCase,
  documentedMessages,
  documentedReason,
  hasInput,
  ignoredInputCategory,
  MALFORMED_SEGMENTS,
  operationsOf,
  schemaContext,
  tokenCategory,
  urlOf,
  validValue,
  worstCases,
  type CostCase,
  type Baseline,
  type FuzzCase,
  type Operation,
  type TokenKind,
} from "./fuzz-helpers";

// Every operation of the served OpenAPI document gets generated bad input (fast-check): invalid
// JSON, other content types, wrong field types, missing (and extra) fields, strings over their
// limits, control characters and odd unicode, a body over 64 KiB, invalid UTF-8, absurd and
// repeated query values, bad path parameters — each sent with a valid token the operation
// accepts, so validation itself is what answers. Every answer must be a 4xx the operation
// documents, in the exact envelope, without anything that looks like a stack trace; the server
// stays healthy, and nothing is written. Operations without any input get bad tokens instead;
// public ones without input get undeclared query parameters, which docs/api.md says are ignored.
//
// FUZZ_SEED=<n> replays a run (printed on failure), FUZZ_RUNS=<n> sets the requests per operation
// (one example of every category among them), FUZZ_TRACE=1 checks for writes after every request,
// FUZZ_VERBOSE=1 prints what each operation was sent and answered.

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_122);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const TRACE = process.env.FUZZ_TRACE === "1";
const VERBOSE = process.env.FUZZ_VERBOSE === "1";

const doc = await (await fetch(`${baseUrl()}/api/openapi.json`)).json();
const operations = operationsOf(doc);
const ctx = schemaContext(operations);
/** in every baseline address and in the User-Agent of every fuzz request (from the seed, so a replay generates the same bodies) */
const marker = `fz${(SEED >>> 0).toString(36)}`;
const cookieName: string | undefined = doc.components?.securitySchemes?.refreshCookie?.name;

// --- accounts and tokens -------------------------------------------------------------------------

interface Account {
  id: number;
  email: string;
  sessionId: string;
  refresh: string;
}
let user: Account;
let admin: Account;
let victim: { id: number; email: string };

async function account(role: "user" | "admin"): Promise<Account> {
  const created = await createTestUser({ role });
  const { refreshToken } = await signedIn(created);
  const session = await db.session.findFirstOrThrow({ where: { userId: created.id }, orderBy: { createdAt: "desc" } });
  return { id: created.id, email: created.email, sessionId: session.id, refresh: refreshToken };
}

/** Fresh signed tokens (5-minute lifetimes must not run out under a slow run). */
async function tokensOf(a: Account): Promise<Record<TokenKind, string>> {
  const tokens = {
    refresh: a.refresh,
    access: await issueAccessToken(a.id, a.sessionId),
    sudo: await issueSudoToken(a.id, a.sessionId),
    partial: await partialTokenFor(a.id),
  };
  recordSecrets(...Object.values(tokens).map((token) => ({ token })));
  return tokens;
}

beforeAll(async () => {
  [user, admin] = [await account("user"), await account("admin")];
  victim = await createTestUser();
});

// --- nothing written -----------------------------------------------------------------------------

// Not the signing keys (the key-rotation tests create, retire and delete keys in parallel, and no
// request input reaches the key store) nor the factor rows (they carry no timestamp to tell another
// file's set-up from ours): the fuzz's own factor rows are still compared exactly, in `rows`.
const MODELS = [
  "user",
  "session",
  "throttle",
  "recoveryCode",
  "emailCode",
  "passwordResetLink",
  "emailChangeUndo",
  "securityEvent",
  "mailMessage",
  "passkey",
  "passkeyChallenge",
] as const;
type Counter = { count(args?: unknown): Promise<number> };

/** The accounts a request can touch: the token's own, and the target of admin operations. */
interface Scope {
  ids: number[];
  emails: string[];
}
const scopeOf = (...accounts: { id: number; email: string }[]): Scope => ({
  ids: accounts.map((a) => a.id),
  emails: accounts.map((a) => a.email),
});
const scopeFor = (op: Operation) => (op.admin ? scopeOf(admin, victim) : scopeOf(user));

function throttleWhere({ ids, emails }: Scope) {
  return {
    OR: [
      ...ids.map((id) => ({ key: { endsWith: `:${id}` } })),
      ...emails.map((e) => ({ key: { contains: e } })),
      { key: { contains: marker } },
    ],
  };
}

/** Row counts of every table, and every row of the fuzz's own accounts (or carrying its marker). */
async function state(scope: Scope) {
  const { ids, emails } = scope;
  const mine = { userId: { in: ids } };
  const counts = Object.fromEntries(await Promise.all(MODELS.map(async (m) => [m, await (db[m] as unknown as Counter).count()] as const)));
  const [
    users,
    sessions,
    totp,
    emailOtp,
    recoveryCodes,
    emailCodes,
    resetLinks,
    undoLinks,
    events,
    throttles,
    mails,
    passkeys,
    challenges,
  ] = await Promise.all([
    db.user.findMany({ where: { OR: [{ id: { in: ids } }, { email: { contains: marker } }] }, orderBy: { id: "asc" } }),
    db.session.findMany({ where: { OR: [mine, { userAgent: { contains: marker } }] }, orderBy: { id: "asc" } }),
    db.totpFactor.findMany({ where: mine, orderBy: { userId: "asc" } }),
    db.emailOtpFactor.findMany({ where: mine, orderBy: { userId: "asc" } }),
    db.recoveryCode.findMany({ where: mine, orderBy: { id: "asc" } }),
    db.emailCode.findMany({ where: mine, orderBy: { id: "asc" } }),
    db.passwordResetLink.findMany({ where: mine, orderBy: { tokenHash: "asc" } }),
    db.emailChangeUndo.findMany({ where: mine, orderBy: { tokenHash: "asc" } }),
    db.securityEvent.findMany({
      where: { OR: [mine, { actorId: { in: ids } }, { userAgent: { contains: marker } }] },
      orderBy: { id: "asc" },
    }),
    db.throttle.findMany({ where: throttleWhere(scope), orderBy: { key: "asc" } }),
    db.mailMessage.findMany({
      where: { OR: [mine, { toAddress: { in: emails } }, { toAddress: { contains: marker } }] },
      orderBy: { id: "asc" },
    }),
    // the sign counter is a BIGINT: as a string, for the JSON comparison
    db.passkey.findMany({ where: mine, orderBy: { id: "asc" } }).then((rows) => rows.map((p) => ({ ...p, counter: String(p.counter) }))),
    db.passkeyChallenge.findMany({ where: mine, orderBy: { id: "asc" } }),
  ]);
  const rows = {
    users,
    sessions,
    totp,
    emailOtp,
    recoveryCodes,
    emailCodes,
    resetLinks,
    undoLinks,
    events,
    throttles,
    mails,
    passkeys,
    challenges,
  };
  return { scope, counts, rows: JSON.parse(JSON.stringify(rows)) as Record<string, unknown[]> };
}
type State = Awaited<ReturnType<typeof state>>;

/**
 * Writes by anyone else since `since`: under `npm test` another test file shares the database,
 * and its rows move the global counts. The fuzz's own rows are compared exactly in any case.
 */
async function foreignActivity(since: Date, scope: Scope): Promise<string[]> {
  const { ids } = scope;
  const notMine = { userId: { notIn: ids } };
  const recent = { createdAt: { gte: since } };
  const found = {
    User: await db.user.count({ where: { updatedAt: { gte: since }, id: { notIn: ids }, NOT: { email: { contains: marker } } } }),
    Session: await db.session.count({ where: { ...recent, ...notMine } }),
    SecurityEvent: await db.securityEvent.count({ where: { ...recent, ...notMine } }),
    // a mail without an account (userId null) is another file's too: NOT (userId IN …) is never true for null
    MailMessage: await db.mailMessage.count({
      where: { ...recent, OR: [{ userId: null }, { userId: { notIn: ids } }], NOT: { toAddress: { contains: marker } } },
    }),
    Throttle: await db.throttle.count({ where: { updatedAt: { gte: since }, NOT: throttleWhere(scope) } }),
    EmailCode: await db.emailCode.count({ where: { ...recent, ...notMine } }),
    RecoveryCode: await db.recoveryCode.count({ where: { ...recent, ...notMine } }),
    Passkey: await db.passkey.count({ where: { ...recent, ...notMine } }),
    // a sign-in challenge belongs to nobody (userId null): another file's too
    PasskeyChallenge: await db.passkeyChallenge.count({ where: { ...recent, OR: [{ userId: null }, { userId: { notIn: ids } }] } }),
    // key rotation (tests of the signing keys): no request of the fuzz signs anything
    SigningKey: await db.signingKey.count({ where: { OR: [recent, { retiredAt: { gte: since } }] } }),
  };
  return Object.entries(found)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table}: ${n}`);
}

async function expectNothingWritten(before: State, since: Date, what: string) {
  await sleep(150); // work deferred past the answer (mail) would show by now
  const after = await state(before.scope);
  const changed = Object.keys(before.rows).filter((k) => JSON.stringify(before.rows[k]) !== JSON.stringify(after.rows[k]));
  if (changed.length) {
    const show = (rows: unknown[]) => JSON.stringify(rows).slice(0, 1500);
    throw new Error(
      `${what}: rows of the fuzz's accounts changed\n${changed.map((k) => `  ${k}\n    before ${show(before.rows[k])}\n    after  ${show(after.rows[k])}`).join("\n")}`,
    );
  }
  const moved = MODELS.filter((m) => before.counts[m] !== after.counts[m]).map((m) => `${m} ${before.counts[m]} → ${after.counts[m]}`);
  if (moved.length === 0) return;
  const foreign = await foreignActivity(since, before.scope);
  if (foreign.length === 0) {
    // what arrived, so a failure names its writer (a deferred notice once landed here unexplained)
    const recentMails = await db.mailMessage.findMany({
      where: { createdAt: { gte: new Date(since.getTime() - 10_000) } },
      select: { template: true, userId: true, toAddress: true, createdAt: true },
      orderBy: { id: "desc" },
      take: 5,
    });
    throw new Error(
      `${what}: row counts changed (${moved.join(", ")}) and no other writer was active (since ${since.toISOString()}; newest mails ${JSON.stringify(recentMails)})`,
    );
  }
  if (VERBOSE)
    console.info(
      `[fuzz] ${what}: counts moved (${moved.join(", ")}) while another test file wrote (${foreign.join(", ")}); the fuzz's own rows are unchanged`,
    );
}

/**
 * tests/api/admin.test.ts ("with exactly two administrators") demotes every other administrator
 * of the shared database for a few seconds. When the fuzz's administrator was changed by someone
 * else during a failed run, wait until it is an administrator again and run once more (at most
 * twice: a failure of the fuzz's own making repeats, the seed being fixed).
 */
async function withStableAdmin(uses: boolean, run: () => Promise<void>) {
  const stamp = async () => await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, updatedAt: true } });
  for (let attempt = 1; ; attempt++) {
    if (!uses) return run();
    for (const deadline = Date.now() + 60_000; (await stamp()).role !== "admin";) {
      if (Date.now() > deadline) throw new Error("the fuzz's administrator was demoted by someone else and not restored within 60 s");
      await sleep(250);
    }
    const before = (await stamp()).updatedAt.getTime();
    try {
      return await run();
    } catch (error) {
      if (attempt >= 3 || (await stamp()).updatedAt.getTime() === before) throw error;
      console.info(
        `[fuzz] another test file changed the fuzz's administrator during the run; once more (${(error as Error).message.split("\n")[0]})`,
      );
    }
  }
}

// --- sending and judging -------------------------------------------------------------------------

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/**
 * One request on its own connection (node:http, no pooling): the URL goes out exactly as
 * generated, and a server that answers a huge body early and closes the connection cannot break
 * the next request on a reused socket.
 */
function send(c: FuzzCase, timeoutMs = 20_000): Promise<Answer> {
  const target = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      { host: target.hostname, port: target.port, method: c.method, path: c.url, headers: c.headers, agent: false },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {}
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
          resolve({ status: res.statusCode ?? 0, headers, text, json });
        });
      },
    );
    // the server may answer (413) and close before a huge body is written: only an error
    // without an answer counts
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on("error", (error) => {
      if (!answered) reject(new Error(`no answer: ${error.message} (${describeCase(c)})`));
    });
    if (c.body === undefined) req.end();
    else if (typeof c.body === "string" || c.body instanceof Uint8Array) {
      req.setHeader("Content-Length", Buffer.byteLength(c.body));
      req.end(c.body);
    } else {
      // no Content-Length: chunked, so only the server's running count can stop it
      for (let sent = 0; sent < c.body.stream; sent += 8192) req.write(Buffer.alloc(Math.min(8192, c.body.stream - sent), 0x78));
      req.end();
    }
  });
}

const ENVELOPE_KEYS = new Set(["statusCode", "error", "message", "field", "retryAfter", "partialToken", "methods"]);
/** What a stack trace, a file path or a database error leaves in a message. */
const LEAKS: [RegExp, string][] = [
  [/(^|\n)\s*at\s+\S/, "a stack frame"],
  [/\(\S+:\d+:\d+\)/, "a source position"],
  [/\b\w*Error:/, "an error name"],
  [/(^|[\s("'`])\/(?:[\w.@-]+\/)+[\w.@-]+/, "a file path"],
  [/[A-Za-z]:\\/, "a Windows path"],
  [/prisma/i, "Prisma"],
  [/node_modules/, "node_modules"],
  [/\.next\b|turbopack|webpack/i, "the build"],
  [/sqlite|libsql|postgres|SQL\b/i, "the database"],
  [/Invalid `|invocation/, "a Prisma call"],
];

function judge(op: Operation, c: FuzzCase, r: Answer) {
  const where = `${describeCase(c)}\n  → ${r.status} ${r.text.slice(0, 400)}`;
  const fail = (why: string): never => {
    throw new Error(`${op.method} ${op.path}: ${why}\n  ${where}`);
  };
  if (r.status >= 500) fail(`a ${r.status}`);
  if (!op.responses[String(r.status)]) fail(`status ${r.status} is not documented (documented: ${Object.keys(op.responses).join(", ")})`);
  if (!c.expect.includes(r.status)) fail(`expected ${c.expect.join(" or ")} for this input`);
  if (r.status < 400) {
    if (!/json/.test(r.headers.get("content-type") ?? "")) fail("a success without JSON");
    return;
  }
  if (!/^application\/json/.test(r.headers.get("content-type") ?? "")) fail("an error that is not application/json");
  const body = r.json as Record<string, unknown> | undefined;
  if (!body || typeof body !== "object" || Array.isArray(body)) fail("an error body that is not a JSON object");
  const extra = Object.keys(body!).filter((k) => !ENVELOPE_KEYS.has(k));
  if (extra.length) fail(`envelope keys beyond the contract's: ${extra.join(", ")}`);
  if (body!.statusCode !== r.status) fail(`statusCode ${String(body!.statusCode)} differs from the HTTP status`);
  const reason = documentedReason(op, r.status);
  if (typeof body!.error !== "string" || !body!.error || (reason && body!.error !== reason))
    fail(`error ${JSON.stringify(body!.error)} (documented: ${reason})`);
  const message = body!.message;
  if (typeof message !== "string" || message.trim() === "") fail("an empty or missing message");
  const text = message as string;
  if (text.length > 300) fail(`a ${text.length}-character message (echoes input?)`);
  for (const [pattern, what] of LEAKS) if (pattern.test(text)) fail(`the message shows ${what}`);
  if (r.status === 400) {
    const names = [
      "body",
      "query",
      "path",
      ...op.queryParams.map((p) => p.name),
      ...op.pathParams.map((p) => p.name),
      ...Object.keys(op.body?.schema.properties ?? {}),
    ];
    if (!names.some((n) => text === n || new RegExp(`^${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\\s.:\\[]`).test(text)))
      fail(`a 400 whose message names no field (fields: ${names.join(", ")})`);
    if (typeof body!.field !== "string" || !text.startsWith(body!.field))
      fail(`a 400 whose field ${JSON.stringify(body!.field)} is not the one its message names`);
  } else {
    const codes = documentedMessages(op, r.status);
    if (codes && !codes.includes(text)) fail(`message ${text} is not among the documented ${r.status} codes (${codes.join(", ")})`);
  }
  if (r.status === 429) {
    if (!Number.isInteger(body!.retryAfter) || (body!.retryAfter as number) < 1) fail("a 429 without retryAfter ≥ 1");
    if (r.headers.get("retry-after") !== String(body!.retryAfter)) fail("Retry-After differs from retryAfter");
  }
  if (!r.headers.get("x-request-id")) fail("no X-Request-Id header");
}

/** One line per failed request: what was sent, why it failed, what came back. */
function brief(c: FuzzCase, error: unknown): string {
  const lines = (error as Error).message.split("\n");
  const why = lines[0].replace(/^[A-Z]+ \S+: /, "");
  return `${c.method} ${c.url} {${Object.keys(c.headers)
    .filter((h) => h !== "User-Agent")
    .join(", ")}}: ${why} ${lines[lines.length - 1].trim()}`;
}

async function expectHealthy() {
  const health = await fetch(`${baseUrl()}/api/health`);
  expect(health.status, "the server is still healthy").toBe(200);
}

/** Stable per-operation seed, so one operation can be replayed alone. */
const seedFor = (op: Operation) => [...`${op.method} ${op.path}`].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, SEED);

function categoriesOf(op: Operation, tokens: Record<TokenKind, string>, userTokens: Record<TokenKind, string>) {
  if (hasInput(op)) {
    const base: Baseline = {
      marker,
      path: Object.fromEntries(
        op.pathParams.map((p) => [p.name, p.schema.type === "integer" ? String(victim.id) : `fuzz-absent-${marker}`]),
      ),
      body: op.body ? (validValue("body", op.body.schema, ctx, marker) as Record<string, unknown>) : undefined,
    };
    const auth = op.kinds.length ? fc.constantFrom(...op.kinds).map((k) => ({ Authorization: `Bearer ${tokens[k]}` })) : fc.constant({});
    return categoriesFor(op, ctx, base, auth);
  }
  if (op.kinds.length) {
    // a token of a kind this operation does not take; for admin operations also a non-admin's own
    const wrongKinds = (Object.keys(tokens) as TokenKind[]).filter((k) => !op.kinds.includes(k)).map((k) => tokens[k]);
    const others = op.admin ? [...wrongKinds, ...op.kinds.map((k) => userTokens[k])] : wrongKinds;
    let headers = badTokens(
      others,
      op.kinds.map((k) => tokens[k]),
    );
    if (op.refreshCookie && cookieName) {
      const cookie = fc
        .string({ unit: fc.constantFrom(..."abcXYZ019-_".split("")), minLength: 1, maxLength: 80 })
        .map((v) => ({ Cookie: `${cookieName}=${v}` }));
      headers = fc.oneof(headers, cookie);
    }
    return [tokenCategory(op, marker, headers, op.admin ? [401, 403] : [401])];
  }
  return [ignoredInputCategory(op, marker)];
}

// --- the tests -----------------------------------------------------------------------------------

describe("the OpenAPI document", () => {
  it("lists the operations to fuzz", () => {
    expect(operations.length).toBeGreaterThan(30);
    if (ctx.looseEmailFields.length) {
      console.info(
        `[fuzz] email fields the document shows as a bare string (checked against docs/api.md §1 instead): ${ctx.looseEmailFields.join("; ")}`,
      );
    }
  });
});

async function fuzzOperation(op: Operation) {
  const tokens = await tokensOf(op.admin ? admin : user);
  const userTokens = op.admin ? await tokensOf(user) : tokens;
  const categories = categoriesOf(op, tokens, userTokens);
  const seed = seedFor(op);
  const examples = categories.map((c) => [fc.sample(c.arb, { seed, numRuns: 1 })[0]] as [FuzzCase]);
  const seen = new Map<string, number>();
  const statuses = new Map<number, number>();

  const since = new Date();
  const before = await state(scopeFor(op));
  try {
    await fc.assert(
      fc.asyncProperty(fc.oneof(...categories.map((c) => c.arb)), async (c) => {
        seen.set(c.category, (seen.get(c.category) ?? 0) + 1);
        const answer = await send(c);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        judge(op, c, answer);
        if (TRACE) await expectNothingWritten(before, since, describeCase(c));
      }),
      { seed, numRuns: RUNS, examples, endOnFailure: true },
    );
  } catch (error) {
    (error as Error).message = `FUZZ_SEED=${SEED} (this operation's seed ${seed}, ${RUNS} runs)\n${(error as Error).message}`;
    throw error;
  }
  await expectHealthy();
  await expectNothingWritten(before, since, `${op.method} ${op.path}`);
  expect([...seen.keys()].sort()).toEqual(categories.map((c) => c.name).sort());
  if (VERBOSE) {
    const runs = [...seen.values()].reduce((a, b) => a + b, 0);
    console.info(
      `[fuzz] ${op.method} ${op.path}: ${runs} requests; ${[...seen].map(([k, n]) => `${k} ×${n}`).join(", ")}; answers ${[...statuses].map(([k, n]) => `${k} ×${n}`).join(", ")}`,
    );
  }
}

describe.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))("fuzz %s", (_label, op) => {
  it(
    "answers every generated bad input with a documented 4xx envelope, stays healthy and writes nothing",
    { timeout: 180_000 },
    async () => {
      await withStableAdmin(op.admin, () => fuzzOperation(op));
    },
  );
});

describe("outside the per-operation properties", () => {
  it("a malformed percent-encoding in a path parameter answers 400 in the envelope", { timeout: 120_000 }, () =>
    withStableAdmin(true, async () => {
      const failures: string[] = [];
      const since = new Date();
      const before = await state(scopeOf(user, admin, victim));
      for (const op of operations.filter((o) => o.pathParams.length > 0)) {
        const tokens = await tokensOf(op.admin ? admin : user);
        for (const raw of MALFORMED_SEGMENTS) {
          const c: FuzzCase = {
            category: "malformed path encoding",
            method: op.method,
            url: urlOf(op, op.prefixes[op.prefixes.length - 1], Object.fromEntries(op.pathParams.map((p) => [p.name, raw]))),
            headers: {
              "User-Agent": `gatehouse-fuzz/${marker}`,
              ...(op.kinds.length ? { Authorization: `Bearer ${tokens[op.kinds[0]]}` } : {}),
              ...(op.body ? { "Content-Type": "application/json" } : {}),
            },
            body: op.body ? "{}" : undefined,
            expect: [400],
          };
          try {
            judge(op, c, await send(c));
          } catch (error) {
            failures.push(brief(c, error));
          }
        }
      }
      await expectHealthy();
      await expectNothingWritten(before, since, "malformed path encodings");
      expect(failures.length, `${failures.length} answers out of spec:\n${failures.join("\n")}`).toBe(0);
    }),
  );

  it("a refresh cookie sent cross-site answers a documented status", { timeout: 60_000 }, async () => {
    expect(cookieName, "the document names the refresh cookie").toBeTruthy();
    const failures: string[] = [];
    const since = new Date();
    const before = await state(scopeOf(user));
    const crossSite: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
      { Origin: "null", "Sec-Fetch-Site": "same-site" },
    ];
    for (const op of operations.filter((o) => o.refreshCookie)) {
      for (const headers of crossSite) {
        const c: FuzzCase = {
          category: "refresh cookie from another site",
          method: op.method,
          url: urlOf(op, op.prefixes[0], {}),
          headers: { "User-Agent": `gatehouse-fuzz/${marker}`, Cookie: `${cookieName}=not-a-session-${marker}`, ...headers },
          expect: [401, 403],
        };
        try {
          judge(op, c, await send(c));
        } catch (error) {
          failures.push(brief(c, error));
        }
      }
    }
    await expectHealthy();
    await expectNothingWritten(before, since, "cross-site refresh cookies");
    expect(failures.length, `${failures.length} answers out of spec:\n${failures.join("\n")}`).toBe(0);
  });
});

// --- input cost (§8) -----------------------------------------------------------------------------

// §8 "Input cost": a request of at most 64 KiB is answered in time linear in its size, and none
// holds the event loop for more than 50 ms of CPU. Every operation gets the shapes that cost a
// naive server the most (tests/api/fuzz-helpers.ts, worstCases), one request each, while
// /api/health is asked again and again beside it: a request that holds the event loop shows as a
// slow health answer even when its own answer looks fine.
//
// The limits are wall-clock times seen by a client on a 2-core machine that may be building or
// testing something else at the same time, so they leave room: the fixed server answers every
// shape in a few ms to a few tens of ms (the 50 ms CPU rule, 5× over, still fails here), while the
// quadratic walk it replaced took 5-8 s for 32,000 nested arrays. A time over a limit is measured
// twice more and the best attempt counts: load and garbage collection come and go, a super-linear
// path is slow every time.
const ANSWER_LIMIT_MS = 250;
const HEALTH_LIMIT_MS = 250;
/** two at a time: the sweep stays short, and each probe still sees at most one other request */
const COST_CONCURRENCY = 2;
/** past this many slow requests the verdict is clear; the rest would only queue behind them */
const COST_GIVE_UP_AFTER = 4;

interface Timed {
  op: Operation;
  c: CostCase;
  answer?: Answer;
  error?: string;
  ms: number;
  healthMs: number;
}

/** One request, and the slowest /api/health answer while it was in flight. */
async function timedSend(op: Operation, c: CostCase): Promise<Timed> {
  let inFlight = true;
  let healthMs = 0;
  const probe = (async () => {
    while (inFlight) {
      const started = performance.now();
      await fetch(`${baseUrl()}/api/health`).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
      healthMs = Math.max(healthMs, performance.now() - started);
    }
  })();
  const started = performance.now();
  let answer: Answer | undefined;
  let error: string | undefined;
  try {
    answer = await send(c, 10_000);
  } catch (e) {
    error = (e as Error).message.split(" (")[0];
  }
  const ms = performance.now() - started;
  inFlight = false;
  await probe;
  return { op, c, answer, error, ms, healthMs };
}

const slow = (t: Timed) => t.ms > ANSWER_LIMIT_MS || t.healthMs > HEALTH_LIMIT_MS;
const worse = (a: Timed, b: Timed) => Math.max(a.ms, a.healthMs) > Math.max(b.ms, b.healthMs);
const bytesOf = (c: FuzzCase) => (typeof c.body === "string" ? Buffer.byteLength(c.body) : 0) + Buffer.byteLength(c.url);
const label = (t: Timed) =>
  `${t.c.method} ${t.c.url.length > 80 ? `${t.c.url.slice(0, 80)}…` : t.c.url} [${t.c.category}, ${bytesOf(t.c).toLocaleString("en")} B]`;

/** A refusal of the HTTP layer (like Node's own 431 for oversized headers): the envelope, no operation's documentation. */
function judgeHttpLimit(c: CostCase, r: Answer) {
  const where = `${r.status} ${r.text.slice(0, 200)}`;
  if (!c.expect.includes(r.status)) throw new Error(`expected ${c.expect.join(" or ")} ${c.httpLimit}, got ${where}`);
  const body = r.json as Record<string, unknown> | undefined;
  if (!/^application\/json/.test(r.headers.get("content-type") ?? "")) throw new Error(`an answer that is not application/json: ${where}`);
  if (body?.statusCode !== r.status || body?.message !== c.httpLimit || typeof body?.error !== "string" || Object.keys(body).length !== 3)
    throw new Error(`not the envelope with ${c.httpLimit}: ${where}`);
  if (!r.headers.get("x-request-id")) throw new Error("no X-Request-Id header");
}

describe("input cost (§8): worst cases within 64 KiB, for every operation", () => {
  it(
    `answers each within ${ANSWER_LIMIT_MS} ms while /api/health stays within ${HEALTH_LIMIT_MS} ms, and writes nothing`,
    { timeout: 240_000 },
    () =>
      withStableAdmin(true, async () => {
        const queue: [Operation, CostCase][] = [];
        for (const op of operations) {
          const tokens = await tokensOf(op.admin ? admin : user);
          const base: Baseline = {
            marker,
            path: Object.fromEntries(
              op.pathParams.map((p) => [p.name, p.schema.type === "integer" ? String(victim.id) : `fuzz-absent-${marker}`]),
            ),
            body: op.body ? (validValue("body", op.body.schema, ctx, marker) as Record<string, unknown>) : undefined,
          };
          const auth: Record<string, string> = op.kinds.length ? { Authorization: `Bearer ${tokens[op.kinds[0]]}` } : {};
          for (const c of worstCases(op, ctx, base, auth)) queue.push([op, c]);
        }
        const since = new Date();
        const before = await state(scopeOf(user, admin, victim));
        const started = performance.now();
        const results: Timed[] = [];
        const failures: string[] = [];
        let slowOnes = 0;
        const worker = async () => {
          for (let next = queue.shift(); next && slowOnes < COST_GIVE_UP_AFTER; next = queue.shift()) {
            const [op, c] = next;
            let best = await timedSend(op, c);
            for (let attempt = 2; attempt <= 3 && slow(best) && !best.error; attempt++) {
              const again = await timedSend(op, c);
              if (worse(best, again)) best = again;
            }
            results.push(best);
            if (best.error) failures.push(`${label(best)}: ${best.error} after ${Math.round(best.ms)} ms`);
            else {
              try {
                if (c.httpLimit) judgeHttpLimit(c, best.answer!);
                else judge(op, c, best.answer!);
                if (c.tooDeep)
                  expect((best.answer!.json as { message: string }).message, "the message names the depth limit").toMatch(/^body .*\b64\b/);
              } catch (error) {
                failures.push(
                  `${label(best)}: ${(error as Error).message.split("\n")[0]} → ${best.answer!.status} ${best.answer!.text.slice(0, 160)}`,
                );
              }
            }
            if (slow(best) || best.error) {
              slowOnes++;
              failures.push(
                `${label(best)}: answered in ${Math.round(best.ms)} ms (limit ${ANSWER_LIMIT_MS}), /api/health beside it took ${Math.round(best.healthMs)} ms (limit ${HEALTH_LIMIT_MS})`,
              );
            }
          }
        };
        await Promise.all(Array.from({ length: COST_CONCURRENCY }, worker));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
        const blocking = results.reduce((a, b) => (b.healthMs > a.healthMs ? b : a));
        console.info(
          `[fuzz] input cost: ${results.length} worst-case requests to ${new Set(results.map((r) => r.op)).size} operations in ${seconds} s` +
            `${queue.length ? ` (stopped after ${slowOnes} slow ones, ${queue.length} not sent)` : ""}; ` +
            `slowest answer ${Math.round(slowest.ms)} ms: ${label(slowest)}; ` +
            `slowest /api/health beside a request ${Math.round(blocking.healthMs)} ms, beside ${label(blocking)}`,
        );
        if (VERBOSE)
          for (const t of [...results].sort((a, b) => b.ms - a.ms).slice(0, 10))
            console.info(
              `[fuzz]   ${Math.round(t.ms)} ms (health ${Math.round(t.healthMs)} ms) ${label(t)} → ${t.answer?.status ?? t.error}`,
            );
        await expectHealthy();
        await expectNothingWritten(before, since, "worst-case inputs");
        expect(failures.length, `${failures.length} problems:\n${failures.join("\n")}`).toBe(0);
      }),
  );
});
