import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeAdmin } from "@/lib/admin/actions";
import { sha256 } from "@/lib/crypto";
import { db } from "@/lib/db";
import { issueSudoToken } from "@/lib/tokens/jwt";
import { api, createTestUser, expectEnvelope, login, markTotpActive, partialTokenFor, signedIn, TEST_PASSWORD } from "../helpers";
import { addPasskey, authenticatorOnApp } from "./passkey-helpers";
import { enableTotpViaApi, expectPartialTokenDead, loginOwingSecondFactor } from "./two-factor-helpers";

// The admin API (issue 6): who may call it (403 ADMIN_REQUIRED, the admin's own sudo token for
// every action), what each read answers, what each action changes, records and mails, malformed
// input, and the last-administrator guard (also under concurrent demotion).
//
// Everything lives in this one file on purpose: the last-admin tests demote every other
// administrator for a moment, which would break admin tests running in parallel in another file.

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

/** A signed-in account with an access, a sudo (same session) and a partial token. */
async function withTokens(opts: { role?: "user" | "admin"; email?: string } = {}) {
  const user = await createTestUser(opts);
  const { refreshToken, accessToken } = await signedIn(user);
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  return {
    ...user,
    refresh: refreshToken,
    access: accessToken,
    sudo: await issueSudoToken(user.id, session.id),
    partial: await partialTokenFor(user.id),
    sessionId: session.id,
  };
}

const tag = () => `adm${randomUUID().slice(0, 8)}`;
/** A passkey row straight in the database (the admin views read it; no WebAuthn needed). */
const addPasskeyRow = (userId: number, data: { name?: string; counter?: bigint; lastUsedAt?: Date } = {}) =>
  db.passkey.create({
    data: { id: randomUUID(), userId, credentialId: randomUUID(), publicKey: new Uint8Array([1]), name: data.name ?? "Key", ...data },
  });
const post = (path: string, token: string, body: unknown = {}) => api(path, { method: "POST", token, body });
const eventsOf = (userId: number, kind: string) => db.securityEvent.findMany({ where: { userId, kind }, orderBy: { createdAt: "asc" } });
const mailsTo = (to: string, template: string) =>
  db.mailMessage.findMany({ where: { toAddress: to, template }, orderBy: { createdAt: "asc" } });

/** The admin's own record of an action: admin.action with { action, targetUserId }. */
async function expectAdminActionRecorded(adminId: number, action: string, targetUserId: number) {
  const rows = await eventsOf(adminId, "admin.action");
  const details = rows.map((r) => JSON.parse(r.detail ?? "{}"));
  expect(details).toContainEqual(expect.objectContaining({ action, targetUserId }));
}

/** The target's record: the specific kind, with the administrator as actor. */
async function expectTargetEvent(targetId: number, kind: string, adminId: number) {
  const rows = await eventsOf(targetId, kind);
  expect(rows.length, `${kind} on ${targetId}`).toBeGreaterThan(0);
  expect(rows[rows.length - 1].actorId).toBe(adminId);
  return rows[rows.length - 1];
}

let admin: Awaited<ReturnType<typeof withTokens>>;
let member: Awaited<ReturnType<typeof withTokens>>;

beforeAll(async () => {
  admin = await withTokens({ role: "admin" });
  member = await withTokens();
});

// --- access ---------------------------------------------------------------------------------------

const reads = [
  { method: "GET", path: "/api/admin/overview" },
  { method: "GET", path: "/api/admin/users" },
  { method: "GET", path: "/api/admin/users/{id}" },
  { method: "GET", path: "/api/admin/mail" },
];
const actions = [
  { method: "POST", path: "/api/admin/users", body: { email: "x-new@example.com" } },
  { method: "POST", path: "/api/admin/users/{id}/lock" },
  { method: "POST", path: "/api/admin/users/{id}/unlock" },
  { method: "POST", path: "/api/admin/users/{id}/revoke-sessions" },
  { method: "POST", path: "/api/admin/users/{id}/reset-2fa" },
  { method: "POST", path: "/api/admin/users/{id}/send-password-reset" },
  { method: "POST", path: "/api/admin/users/{id}/grant-admin" },
  { method: "POST", path: "/api/admin/users/{id}/revoke-admin" },
];

describe("who may call the admin API", () => {
  let target: TestUser;
  beforeAll(async () => {
    target = await createTestUser();
  });
  const at = (path: string) => path.replace("{id}", String(target.id));

  it.each(reads)("$method $path: 401 without a token, 403 ADMIN_REQUIRED for a non-admin, 200 for an admin", async ({ method, path }) => {
    expectEnvelope(await api(at(path), { method }), 401, "NO_TOKEN_PROVIDED");
    expectEnvelope(await api(at(path), { method, token: "garbage" }), 401, "INVALID_TOKEN");
    expectEnvelope(await api(at(path), { method, token: member.refresh }), 401, "INVALID_TOKEN");
    expectEnvelope(await api(at(path), { method, token: admin.partial }), 401, "INVALID_TOKEN");
    expectEnvelope(await api(at(path), { method, token: member.access }), 403, "ADMIN_REQUIRED");
    expectEnvelope(await api(at(path), { method, token: member.sudo }), 403, "ADMIN_REQUIRED");
    expect((await api(at(path), { method, token: admin.access })).status).toBe(200);
    expect((await api(at(path), { method, token: admin.sudo })).status).toBe(200);
  });

  it.each(actions)(
    "$method $path: needs the admin's own sudo token (access → 401 INVALID_TOKEN), non-admin → 403",
    async ({ method, path, body }) => {
      const before = await db.user.findUniqueOrThrow({ where: { id: target.id } });
      expectEnvelope(await api(at(path), { method, body }), 401, "NO_TOKEN_PROVIDED");
      expectEnvelope(await api(at(path), { method, body, token: admin.access }), 401, "INVALID_TOKEN");
      expectEnvelope(await api(at(path), { method, body, token: admin.refresh }), 401, "INVALID_TOKEN");
      expectEnvelope(await api(at(path), { method, body, token: admin.partial }), 401, "INVALID_TOKEN");
      expectEnvelope(await api(at(path), { method, body, token: member.sudo }), 403, "ADMIN_REQUIRED");
      // a non-admin's malformed request is still refused as a non-admin, before any parsing
      expectEnvelope(
        await api(at(path), { method, body: "{not json", token: member.sudo, headers: { "Content-Type": "application/json" } }),
        403,
        "ADMIN_REQUIRED",
      );
      expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toEqual(before);
      expect(await db.user.count({ where: { email: "x-new@example.com" } })).toBe(0);
    },
  );

  it("stops answering to an administrator whose role was taken away, or whose session ended", async () => {
    const other = await withTokens({ role: "admin" });
    expect((await api("/api/admin/overview", { token: other.access })).status).toBe(200);
    await db.user.update({ where: { id: other.id }, data: { role: "user" } });
    expectEnvelope(await api("/api/admin/overview", { token: other.access }), 403, "ADMIN_REQUIRED");
    await db.user.update({ where: { id: other.id }, data: { role: "admin" } });
    await db.session.updateMany({ where: { userId: other.id }, data: { revokedAt: new Date() } });
    expectEnvelope(await api("/api/admin/overview", { token: other.access }), 401, "INVALID_TOKEN");
    await db.user.update({ where: { id: other.id }, data: { role: "user" } });
  });

  it("is served under /api/admin only and answers unknown methods with 405 in the envelope", async () => {
    const r = await api(`/api/admin/users/${target.id}/lock`, { method: "GET", token: admin.sudo });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("POST");
    expectEnvelope(await api("/api/admin/nothing-here", { token: admin.access }), 404, "NOT_FOUND");
  });
});

// --- overview -------------------------------------------------------------------------------------

describe("GET /admin/overview", () => {
  /** The same figures, counted another way, straight from the database. */
  async function expected() {
    const active = { activatedAt: { not: null } };
    return {
      accounts: await db.user.count(),
      admins: await db.user.count({ where: { role: "admin" } }),
      locked: await db.user.count({ where: { lockedAt: { not: null } } }),
      twoFactor: {
        any: await db.user.count({ where: { OR: [{ totp: { is: active } }, { emailOtp: { is: active } }, { passkeys: { some: {} } }] } }),
        totp: await db.user.count({ where: { totp: { is: active } } }),
        emailOtp: await db.user.count({ where: { emailOtp: { is: active } } }),
        both: await db.user.count({ where: { totp: { is: active }, emailOtp: { is: active } } }),
        passkey: await db.user.count({ where: { passkeys: { some: {} } } }),
      },
    };
  }

  it("counts accounts, administrators, locked accounts and 2FA adoption (any, per method, both, passkeys)", async () => {
    const [t, e, b, l] = [await createTestUser(), await createTestUser(), await createTestUser(), await createTestUser()];
    const [p, pt] = [await createTestUser(), await createTestUser()];
    await addPasskeyRow(p.id);
    await addPasskeyRow(p.id); // two passkeys, one account
    await addPasskeyRow(pt.id);
    await markTotpActive(pt.id); // counted once in `any`
    await markTotpActive(t.id);
    await db.emailOtpFactor.create({ data: { userId: e.id, email: e.email, activatedAt: new Date() } });
    await markTotpActive(b.id);
    await db.emailOtpFactor.create({ data: { userId: b.id, email: b.email, activatedAt: new Date() } });
    await db.totpFactor.create({ data: { userId: l.id, pendingSecretEnc: "pending" } }); // pending: not adopted
    await db.user.update({ where: { id: l.id }, data: { lockedAt: new Date() } });
    // other test files change accounts at the same time: compare only when nothing moved meanwhile
    for (let round = 0; ; round++) {
      const before = await expected();
      const r = await api("/api/admin/overview", { token: admin.access });
      const after = await expected();
      if (JSON.stringify(before) !== JSON.stringify(after) && round < 10) continue;
      expect(r.status).toBe(200);
      const { days, ...figures } = r.json;
      expect(figures).toEqual(after);
      expect(figures.twoFactor.both).toBeGreaterThan(0);
      expect(figures.twoFactor.passkey).toBeGreaterThanOrEqual(2);
      expect(days).toHaveLength(30);
      break;
    }
  });

  it("charts sign-ins, failed sign-ins and throttles per UTC day over the last 30 days", async () => {
    const someone = await createTestUser();
    const dayMs = 86_400_000;
    const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z").getTime();
    const at = (daysAgo: number, hour = 12) => new Date(today - daysAgo * dayMs + hour * 3_600_000);
    const r0 = await api("/api/admin/overview", { token: admin.access });
    type Day = { day: string; signIns: number; failedSignIns: number; throttles: number };
    const dayOf = (json: { days: Day[] }, daysAgo: number) =>
      json.days.find((d) => d.day === new Date(today - daysAgo * dayMs).toISOString().slice(0, 10));
    // nobody else writes events dated weeks ago, so these deltas are exact
    const rows = [
      ...[0, 1, 2].map(() => ({ kind: "login.success", createdAt: at(20) })),
      ...[0, 1].map(() => ({ kind: "login.failure", createdAt: at(20, 0) })),
      { kind: "throttle.triggered", createdAt: at(20, 23) },
      { kind: "login.success", createdAt: at(29) },
      { kind: "login.success", createdAt: at(30) }, // outside the window
      { kind: "totp.enabled", createdAt: at(20) }, // not charted
    ];
    await db.securityEvent.createMany({ data: rows.map((row) => ({ id: randomUUID(), userId: someone.id, ...row })) });
    const r1 = await api("/api/admin/overview", { token: admin.access });
    expect(r1.json.days[0].day).toBe(new Date(today - 29 * dayMs).toISOString().slice(0, 10));
    expect(r1.json.days[29].day).toBe(new Date(today).toISOString().slice(0, 10));
    const d0 = dayOf(r0.json, 20)!;
    const d1 = dayOf(r1.json, 20)!;
    expect({ s: d1.signIns - d0.signIns, f: d1.failedSignIns - d0.failedSignIns, t: d1.throttles - d0.throttles }).toEqual({
      s: 3,
      f: 2,
      t: 1,
    });
    expect(dayOf(r1.json, 29)!.signIns - dayOf(r0.json, 29)!.signIns).toBe(1);
    // a real failed sign-in shows today
    await api("/auth/login", { body: { username: someone.email, password: "Wrong-password-1" } });
    const r2 = await api("/api/admin/overview", { token: admin.access });
    expect(r2.json.days[29].failedSignIns).toBeGreaterThanOrEqual(r1.json.days[29].failedSignIns + 1);
  });
});

// --- accounts list --------------------------------------------------------------------------------

describe("GET /admin/users", () => {
  const list = (query: string) => api(`/api/admin/users?${query}`, { token: admin.access });

  it("finds accounts by the start of the email, case-insensitively, sorted by email", async () => {
    const prefix = tag();
    const emails = ["carol", "alice", "bob"].map((n) => `${prefix}-${n}@example.com`);
    for (const email of emails) await createTestUser({ email });
    await createTestUser({ email: `x${prefix}-dave@example.com` }); // contains the text, does not start with it
    const r = await list(`query=${prefix.toUpperCase()}`);
    expect(r.status).toBe(200);
    expect(r.json.users.map((u: { email: string }) => u.email)).toEqual([...emails].sort());
    expect(r.json).toMatchObject({ total: 3, from: 1, to: 3, nextCursor: null, prevCursor: null });
    const alice = r.json.users[0];
    expect(alice).toEqual({
      id: expect.any(Number),
      email: emails[1],
      role: "user",
      lockedAt: null,
      createdAt: expect.any(String),
      twoFactor: { totp: false, emailOtp: false, passkeys: 0 },
    });
    // match=contains finds the text anywhere
    const c = await list(`query=${prefix}-&match=contains`);
    expect(c.json.total).toBe(4);
    // sort the other way
    const z = await list(`query=${prefix}&sort=-email`);
    expect(z.json.users.map((u: { email: string }) => u.email)).toEqual([...emails].sort().reverse());
  });

  it("filters by 2FA on/off, locked and administrator, and combines filters", async () => {
    const prefix = tag();
    const mk = (name: string, role: "user" | "admin" = "user") => createTestUser({ email: `${prefix}-${name}@example.com`, role });
    const plain = await mk("a-plain");
    const totp = await mk("b-totp");
    const mail = await mk("c-mail");
    const locked = await mk("d-locked");
    const boss = await mk("e-admin", "admin");
    const pending = await mk("f-pending");
    const passkeyOnly = await mk("g-passkey");
    await addPasskeyRow(passkeyOnly.id);
    await markTotpActive(totp.id);
    await db.emailOtpFactor.create({ data: { userId: mail.id, email: mail.email, activatedAt: new Date() } });
    await db.user.update({ where: { id: locked.id }, data: { lockedAt: new Date() } });
    await markTotpActive(locked.id);
    await db.totpFactor.create({ data: { userId: pending.id, pendingSecretEnc: "pending" } });
    const ids = async (filter: string) => (await list(`query=${prefix}&filter=${filter}`)).json.users.map((u: { id: number }) => u.id);
    expect(await ids("2fa-on")).toEqual([totp.id, mail.id, locked.id, passkeyOnly.id]);
    expect(await ids("2fa-off")).toEqual([plain.id, boss.id, pending.id]);
    expect(await ids("locked")).toEqual([locked.id]);
    expect(await ids("admin")).toEqual([boss.id]);
    expect(await ids("2fa-on,locked")).toEqual([locked.id]);
    expect(await ids("2fa-off,admin")).toEqual([boss.id]);
    const r = await list(`query=${prefix}&filter=2fa-on`);
    expect(r.json.total).toBe(4);
    expect(r.json.users[1].twoFactor).toEqual({ totp: false, emailOtp: true, passkeys: 0 });
    expect(r.json.users[3].twoFactor).toEqual({ totp: false, emailOtp: false, passkeys: 1 });
    expect(r.json.users[2].lockedAt).toEqual(expect.any(String));
    const b = await list(`query=${prefix}&filter=admin`);
    expect(b.json.users[0].role).toBe("admin");
    await db.user.update({ where: { id: boss.id }, data: { role: "user" } });
  });

  it("pages 25 at a time by keyset, forwards and back, without gaps or repeats, also on equal creation times", async () => {
    const prefix = tag();
    const created: TestUser[] = [];
    for (let i = 0; i < 30; i++)
      created.push(await createTestUser({ email: `${prefix}-${String(i).padStart(2, "0")}@example.com`, password: null }));
    const same = new Date("2026-01-01T00:00:00Z");
    await db.user.updateMany({ where: { id: { in: created.slice(5, 28).map((u) => u.id) } }, data: { createdAt: same } });

    for (const sort of ["email", "-email", "created", "-created"]) {
      const p1 = await list(`query=${prefix}&sort=${sort}`);
      expect(p1.json).toMatchObject({ total: 30, from: 1, to: 25, prevCursor: null });
      expect(p1.json.users).toHaveLength(25);
      const p2 = await list(`query=${prefix}&sort=${sort}&cursor=${p1.json.nextCursor}`);
      expect(p2.json).toMatchObject({ total: 30, from: 26, to: 30, nextCursor: null });
      expect(p2.json.users).toHaveLength(5);
      const seen = [...p1.json.users, ...p2.json.users].map((u: { id: number }) => u.id);
      expect(new Set(seen).size).toBe(30);
      expect([...seen].sort((a, b) => a - b)).toEqual(created.map((u) => u.id).sort((a, b) => a - b));
      const back = await list(`query=${prefix}&sort=${sort}&cursor=${p2.json.prevCursor}`);
      expect(back.json.users).toEqual(p1.json.users);
      expect(back.json).toMatchObject({ from: 1, to: 25, prevCursor: null });
      expect(back.json.nextCursor).toEqual(expect.any(String));
    }
    // with a filter, few matches take the small-set path (read whole, sorted in memory): same pages, same cursors' meaning
    for (const sort of ["email", "-email", "created", "-created"]) {
      const plain1 = await list(`query=${prefix}&sort=${sort}`);
      const f1 = await list(`query=${prefix}&sort=${sort}&filter=2fa-off`);
      expect(f1.json.users).toEqual(plain1.json.users);
      expect(f1.json).toMatchObject({ total: 30, from: 1, to: 25, prevCursor: null });
      const f2 = await list(`query=${prefix}&sort=${sort}&filter=2fa-off&cursor=${f1.json.nextCursor}`);
      const plain2 = await list(`query=${prefix}&sort=${sort}&cursor=${plain1.json.nextCursor}`);
      expect(f2.json.users).toEqual(plain2.json.users);
      expect(f2.json).toMatchObject({ total: 30, from: 26, to: 30, nextCursor: null });
      const fBack = await list(`query=${prefix}&sort=${sort}&filter=2fa-off&cursor=${f2.json.prevCursor}`);
      expect(fBack.json.users).toEqual(plain1.json.users);
      expect(fBack.json.prevCursor).toBeNull();
      // cursors of one path work on the other
      expect((await list(`query=${prefix}&sort=${sort}&cursor=${f1.json.nextCursor}`)).json.users).toEqual(plain2.json.users);
    }
    const byEmail = (await list(`query=${prefix}`)).json.users.map((u: { email: string }) => u.email);
    expect(byEmail).toEqual([...byEmail].sort());
    const newest = (await list(`query=${prefix}&sort=-created`)).json.users.map((u: { id: number }) => u.id);
    // the two newest (not backdated) first, the ties in descending id order
    expect(newest.slice(0, 2)).toEqual([created[29].id, created[28].id]);
    expect(newest.slice(7, 25)).toEqual(
      created
        .slice(5, 28)
        .map((u) => u.id)
        .reverse()
        .slice(0, 18),
    );
  });

  it.each([
    ["filter=bogus", "filter must be a comma-separated list of 2fa-on, 2fa-off, locked, admin"],
    ["sort=name", "sort must be one of email, -email, created, -created"],
    ["match=fuzzy", "match must be prefix or contains"],
    ["cursor=not-a-cursor", "cursor is not a cursor from a previous page"],
    [`query=${"a".repeat(257)}`, "query must be at most 256 characters"],
  ])("answers 400 naming the field for %s", async (query, message) => {
    expectEnvelope(await list(query), 400, message);
  });

  it("refuses a cursor of another sort order", async () => {
    const p1 = await list("sort=email");
    expect(p1.json.nextCursor).toEqual(expect.any(String));
    expectEnvelope(await list(`sort=-created&cursor=${p1.json.nextCursor}`), 400, "cursor belongs to another sort order or list");
  });
});

// --- account detail -------------------------------------------------------------------------------

describe("GET /admin/users/{id}", () => {
  it("shows methods and when they were set, recovery codes left, sessions, throttles and the timeline", async () => {
    const u = await withTokens();
    await login(u); // a second session
    const totpAt = new Date("2026-03-01T10:00:00Z");
    await db.totpFactor.create({ data: { userId: u.id, secretEnc: "x", activatedAt: totpAt } });
    await db.emailOtpFactor.create({ data: { userId: u.id, email: "codes@example.com", activatedAt: new Date("2026-03-02T10:00:00Z") } });
    await db.recoveryCode.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({ id: randomUUID(), userId: u.id, codeHash: "h", usedAt: i < 3 ? new Date() : null })),
    });
    const blocked = new Date(Date.now() + 60_000);
    const throttle = (key: string, failures: number, blockedUntil: Date | null) =>
      db.throttle.upsert({ where: { key }, create: { key, failures, blockedUntil }, update: { failures, blockedUntil } });
    await throttle(`password:${u.id}`, 6, blocked);
    await throttle(`totp:${u.id}`, 2, null);
    const passkey = await addPasskeyRow(u.id, { name: "Laptop", counter: 7n, lastUsedAt: new Date("2026-03-03T10:00:00Z") });

    const r = await api(`/api/admin/users/${u.id}`, { token: admin.access });
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({
      id: u.id,
      email: u.email,
      role: "user",
      lockedAt: null,
      hasPassword: true,
      twoFactor: { totp: true, emailOtp: true, passkeys: 1 },
    });
    expect(r.json.twoFactor).toEqual({
      enabled: true,
      totp: { activatedAt: totpAt.toISOString(), pending: false },
      emailOtp: { email: "codes@example.com", activatedAt: "2026-03-02T10:00:00.000Z", pendingEmail: null },
      recoveryCodes: { remaining: 7, total: 10, createdAt: expect.any(String) },
      passkeys: [
        {
          id: passkey.id,
          name: "Laptop",
          createdAt: passkey.createdAt.toISOString(),
          lastUsedAt: "2026-03-03T10:00:00.000Z",
          signCounter: 7,
        },
      ],
    });
    expect(r.json.throttles[0].waitSeconds).toBeGreaterThan(50);
    expect(r.json.throttles[0].waitSeconds).toBeLessThanOrEqual(60);
    expect(r.json.sessions).toHaveLength(2);
    expect(Object.keys(r.json.sessions[0]).sort()).toEqual(["createdAt", "id", "ip", "lastUsedAt", "userAgent"]);
    expect(r.json.sessions.map((s: { id: string }) => s.id).sort()).toEqual(
      (await db.session.findMany({ where: { userId: u.id } })).map((s) => s.id).sort(),
    );
    expect(r.json.throttles).toEqual([
      {
        purpose: "password",
        failures: 6,
        blockedUntil: blocked.toISOString(),
        waitSeconds: expect.any(Number),
        updatedAt: expect.any(String),
      },
      { purpose: "totp", failures: 2, blockedUntil: null, waitSeconds: 0, updatedAt: expect.any(String) },
      { purpose: "emailOtp", failures: 0, blockedUntil: null, waitSeconds: 0, updatedAt: null },
      { purpose: "recoveryCode", failures: 0, blockedUntil: null, waitSeconds: 0, updatedAt: null },
      { purpose: "passkey", failures: 0, blockedUntil: null, waitSeconds: 0, updatedAt: null },
    ]);
    expect(r.json.events.map((e: { kind: string }) => e.kind)).toEqual(["login.success", "login.success", "account.created"]);
    expect(r.json.events[2]).toMatchObject({ actor: null, detail: null });
  });

  it("answers 404 USER_NOT_FOUND for an unknown account and 400 naming the id for a malformed one", async () => {
    expectEnvelope(await api("/api/admin/users/99999999", { token: admin.access }), 404, "USER_NOT_FOUND");
    expectEnvelope(await api("/api/admin/users/abc", { token: admin.access }), 400, "id must be of type number");
    const zero = await api("/api/admin/users/0", { token: admin.access });
    expect(zero.status).toBe(400);
    expect(zero.json.message).toMatch(/^id/);
  });
});

// --- actions --------------------------------------------------------------------------------------

describe("POST /admin/users (create an account)", () => {
  it("creates an account without a password and mails a 24-hour set-password link", async () => {
    const email = `${tag()}-new@example.com`;
    const r = await post("/api/admin/users", admin.sudo, { email: email.toUpperCase() });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({ user: expect.objectContaining({ email, role: "user", lockedAt: null }), setupLinkSent: true });
    const id = r.json.user.id;
    expectEnvelope(await api("/auth/login", { body: { username: email, password: "Anything-123" } }), 500, "NO_PASSWORD_INFO");
    const [mail] = await mailsTo(email, "account-setup-link");
    expect(mail.status).toBe("sent");
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    const link = await db.passwordResetLink.findUniqueOrThrow({ where: { tokenHash: sha256(token!) } });
    expect(link.userId).toBe(id);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await expectTargetEvent(id, "account.created", admin.id);
    await expectAdminActionRecorded(admin.id, "create-account", id);
    // the link sets the first password
    const set = await api("/v1/auth/reset-password", { body: { token, newPassword: TEST_PASSWORD } });
    expect(set.status, set.text).toBe(200);
    expect((await api("/auth/login", { body: { username: email, password: TEST_PASSWORD } })).status).toBe(200);
  });

  it("answers 409 EMAIL_ALREADY_IN_USE for a taken address, 400 for malformed input, 500 for an unknown brand", async () => {
    expectEnvelope(await post("/api/admin/users", admin.sudo, { email: member.email }), 409, "EMAIL_ALREADY_IN_USE");
    expectEnvelope(await post("/api/admin/users", admin.sudo, { email: "not-an-email" }), 400, "email must be a valid email address");
    expectEnvelope(await post("/api/admin/users", admin.sudo, {}), 400, "email is required");
    expectEnvelope(await post("/api/admin/users", admin.sudo, { email: 42 }), 400, "email must be of type string");
    expectEnvelope(await api("/api/admin/users", { method: "POST", token: admin.sudo }), 400, "body is required: send a JSON object");
    const email = `${tag()}@example.com`;
    expectEnvelope(await post("/api/admin/users?origin=no-such-brand", admin.sudo, { email }), 500, "UNABLE_TO_FIND_MAIL_TEMPLATE");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

// Issue 14: "Create account" found a taken address only after the step-up. The dashboard asks
// first, with the access token it already holds; the answer tells an administrator no more than
// the account search (an access-token read) already does.
describe("POST /admin/users/availability (is an address free for a new account?)", () => {
  const check = (token: string | undefined, body: unknown) => api("/api/admin/users/availability", { method: "POST", token, body });

  it("answers an administrator's access token, no step-up: a taken address (in any case) is not available, a free one is", async () => {
    const taken = await check(admin.access, { email: member.email.toUpperCase() });
    expect(taken.status, taken.text).toBe(200);
    expect(taken.json).toEqual({ available: false });
    const free = await check(admin.access, { email: `${tag()}-free@example.com` });
    expect(free.json).toEqual({ available: true });
    expect((await check(admin.sudo, { email: member.email })).json).toEqual({ available: false });
  });

  it("is for administrators only, checks its input like the create call, and writes nothing", async () => {
    const written = () => db.securityEvent.count({ where: { userId: { in: [admin.id, member.id] } } });
    const before = await written();
    expectEnvelope(await check(undefined, { email: member.email }), 401, "NO_TOKEN_PROVIDED");
    expectEnvelope(await check(member.access, { email: member.email }), 403, "ADMIN_REQUIRED");
    expectEnvelope(await check(member.sudo, { email: member.email }), 403, "ADMIN_REQUIRED");
    expectEnvelope(await check(admin.partial, { email: member.email }), 401, "INVALID_TOKEN");
    expectEnvelope(await check(admin.refresh, { email: member.email }), 401, "INVALID_TOKEN");
    expectEnvelope(await check(admin.access, { email: "not-an-email" }), 400, "email must be a valid email address");
    expectEnvelope(await check(admin.access, {}), 400, "email is required");
    expect(await written()).toBe(before);
  });
});

describe("lock / unlock", () => {
  it("locks: sessions end, sign-in answers ACCOUNT_LOCKED, both accounts record it, the holder is mailed", async () => {
    const u = await withTokens();
    const r = await post(`/api/admin/users/${u.id}/lock`, admin.sudo);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lockedAt).not.toBeNull();
    expectEnvelope(await api("/auth/accesstoken", { token: u.refresh }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken/validate", { token: u.access }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/login", { body: { username: u.email, password: u.password } }), 403, "ACCOUNT_LOCKED");
    const event = await expectTargetEvent(u.id, "account.locked", admin.id);
    expect(JSON.parse(event.detail!)).toEqual({ sessionsEnded: 1 });
    await expectAdminActionRecorded(admin.id, "lock", u.id);
    expect(await mailsTo(u.email, "account-locked")).toHaveLength(1);
    expectEnvelope(await post(`/api/admin/users/${u.id}/lock`, admin.sudo), 409, "ACCOUNT_ALREADY_LOCKED");

    const un = await post(`/api/admin/users/${u.id}/unlock`, admin.sudo);
    expect(un.status, un.text).toBe(200);
    expect((await api("/auth/login", { body: { username: u.email, password: u.password } })).status).toBe(200);
    await expectTargetEvent(u.id, "account.unlocked", admin.id);
    await expectAdminActionRecorded(admin.id, "unlock", u.id);
    expectEnvelope(await post(`/api/admin/users/${u.id}/unlock`, admin.sudo), 409, "ACCOUNT_NOT_LOCKED");
  });

  it("refuses to lock one's own account, answers 404 for an unknown one, and changes nothing for an unknown brand", async () => {
    expectEnvelope(await post(`/api/admin/users/${admin.id}/lock`, admin.sudo), 409, "CANNOT_LOCK_OWN_ACCOUNT");
    expectEnvelope(await post("/api/admin/users/99999999/lock", admin.sudo), 404, "USER_NOT_FOUND");
    expectEnvelope(await post("/api/admin/users/abc/lock", admin.sudo), 400, "id must be of type number");
    const u = await createTestUser();
    expectEnvelope(await post(`/api/admin/users/${u.id}/lock?origin=no-such-brand`, admin.sudo), 500, "UNABLE_TO_FIND_MAIL_TEMPLATE");
    expectEnvelope(
      await post(`/api/admin/users/${u.id}/lock?language=english`, admin.sudo),
      400,
      "language must be exactly 2 characters (ISO 639-1)",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lockedAt).toBeNull();
    expect(await eventsOf(u.id, "account.locked")).toHaveLength(0);
  });

  it("accepts an empty body, a {} body, and ignores unknown fields; refuses a body that is not an object", async () => {
    const u = await createTestUser();
    expect((await api(`/api/admin/users/${u.id}/lock`, { method: "POST", token: admin.sudo })).status).toBe(200);
    expect((await post(`/api/admin/users/${u.id}/unlock`, admin.sudo, { extra: 1 })).status).toBe(200);
    expectEnvelope(await post(`/api/admin/users/${u.id}/lock`, admin.sudo, "[1]"), 400, "body must be of type object");
  });
});

describe("POST /admin/users/{id}/revoke-sessions", () => {
  it("ends every session of the account and records it", async () => {
    const u = await withTokens();
    const second = await login(u);
    const r = await post(`/api/admin/users/${u.id}/revoke-sessions`, admin.sudo);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({ sessionsEnded: 2 });
    expectEnvelope(await api("/auth/accesstoken", { token: u.refresh }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken", { token: second }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken/validate", { token: u.sudo }), 401, "INVALID_TOKEN");
    const event = await expectTargetEvent(u.id, "sessions.revoked", admin.id);
    expect(JSON.parse(event.detail!)).toEqual({ sessionsEnded: 2 });
    await expectAdminActionRecorded(admin.id, "revoke-sessions", u.id);
    // the account itself still works
    expect((await api("/auth/login", { body: { username: u.email, password: u.password } })).status).toBe(200);
    expect((await post(`/api/admin/users/${u.id}/revoke-sessions`, admin.sudo)).json).toEqual({ sessionsEnded: 1 });
  });
});

describe("POST /admin/users/{id}/reset-2fa", () => {
  it("removes TOTP, email OTP and recovery codes in one go; the person signs in with the password alone", async () => {
    const u = await createTestUser();
    await markTotpActive(u.id);
    await db.emailOtpFactor.create({ data: { userId: u.id, email: u.email, activatedAt: new Date() } });
    await db.recoveryCode.createMany({ data: Array.from({ length: 10 }, () => ({ id: randomUUID(), userId: u.id, codeHash: "h" })) });
    expectEnvelope(await api("/auth/login", { body: { username: u.email, password: u.password } }), 401, "2FA_REQUIRED");

    const r = await post(`/api/admin/users/${u.id}/reset-2fa`, admin.sudo);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({ removed: { totp: true, emailOtp: true, passkeys: 0, recoveryCodes: 10 } });
    expect(await db.totpFactor.count({ where: { userId: u.id } })).toBe(0);
    expect(await db.emailOtpFactor.count({ where: { userId: u.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: u.id } })).toBe(0);
    expect((await api("/auth/login", { body: { username: u.email, password: u.password } })).status).toBe(200);
    await expectTargetEvent(u.id, "2fa.reset", admin.id);
    await expectAdminActionRecorded(admin.id, "reset-2fa", u.id);
    expect(await mailsTo(u.email, "2fa-reset-by-admin")).toHaveLength(1);
    expectEnvelope(await post(`/api/admin/users/${u.id}/reset-2fa`, admin.sudo), 409, "2FA_NOT_SET_UP");
  });
});

describe("POST /admin/users/{id}/reset-2fa with passkeys (§9)", () => {
  it("removes the passkeys too: 2FA is off, the passkey no longer signs in, the account signs in with its password", async () => {
    const u = await withTokens();
    const authenticator = authenticatorOnApp();
    const tokens = { refresh: u.refresh, access: u.access, sudo: u.sudo, partial: u.partial };
    const { passkey, recoveryCodes } = await addPasskey(authenticator, tokens);
    expect(recoveryCodes).toHaveLength(10);
    expect((await api("/auth/login", { body: { username: u.email, password: u.password } })).json.methods).toEqual([
      "passkey",
      "recoveryCode",
    ]);

    const r = await post(`/api/admin/users/${u.id}/reset-2fa`, admin.sudo);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({ removed: { totp: false, emailOtp: false, passkeys: 1, recoveryCodes: 10 } });
    expect(await db.passkey.count({ where: { id: passkey.id } })).toBe(0);
    expect((await api("/auth/login", { body: { username: u.email, password: u.password } })).status).toBe(200);
    const options = await api("/auth/passkey/options", { body: {} });
    expectEnvelope(await api("/auth/passkey/login", { body: { credential: authenticator.get(options.json) } }), 401, "PASSKEY_INVALID");
    expectEnvelope(await post(`/api/admin/users/${u.id}/reset-2fa`, admin.sudo), 409, "2FA_NOT_SET_UP");
  });
});

describe("a partial token dies with an administrator's action that ends sessions (§8)", () => {
  it("revoke sessions", async () => {
    const owed = await loginOwingSecondFactor();
    expect((await post(`/api/admin/users/${owed.user.id}/revoke-sessions`, admin.sudo)).status).toBe(200);
    await expectPartialTokenDead(owed);
  });

  it("lock, and it stays dead once the account is unlocked", async () => {
    const owed = await loginOwingSecondFactor();
    expect((await post(`/api/admin/users/${owed.user.id}/lock`, admin.sudo)).status).toBe(200);
    await expectPartialTokenDead(owed);
    expect((await post(`/api/admin/users/${owed.user.id}/unlock`, admin.sudo)).status).toBe(200);
    await expectPartialTokenDead(owed);
  });

  it("reset 2FA, also once the person has set up a second factor again", async () => {
    const owed = await loginOwingSecondFactor();
    expect((await post(`/api/admin/users/${owed.user.id}/reset-2fa`, admin.sudo)).status).toBe(200);
    await expectPartialTokenDead(owed);
    const again = await enableTotpViaApi(owed.user.id, owed.tokens);
    await expectPartialTokenDead({ ...owed, ...again });
  });
});

describe("POST /admin/users/{id}/send-password-reset", () => {
  it("mails a 1-hour single-use link to the reset page that sets a new password", async () => {
    const u = await createTestUser();
    const r = await post(`/api/admin/users/${u.id}/send-password-reset?language=nl`, admin.sudo);
    expect(r.status, r.text).toBe(200);
    const [mail] = await mailsTo(u.email, "password-reset-link");
    expect(mail.language).toBe("nl");
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    const link = await db.passwordResetLink.findUniqueOrThrow({ where: { tokenHash: sha256(token!) } });
    expect(link.userId).toBe(u.id);
    expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(3_500_000);
    await expectTargetEvent(u.id, "admin.action", admin.id);
    await expectAdminActionRecorded(admin.id, "send-password-reset", u.id);
    const newPassword = "Another-Lantern-77";
    expect((await api("/v1/auth/reset-password", { body: { token, newPassword } })).status).toBe(200);
    expect((await api("/auth/login", { body: { username: u.email, password: newPassword } })).status).toBe(200);
    expectEnvelope(await post("/api/admin/users/99999999/send-password-reset", admin.sudo), 404, "USER_NOT_FOUND");
  });
});

describe("grant / revoke admin and the last-administrator guard", () => {
  let demoted: number[] = [];

  afterAll(async () => {
    if (demoted.length) await db.user.updateMany({ where: { id: { in: demoted } }, data: { role: "admin" } });
  });

  it("grants and revokes the role; the account's tokens follow at once", async () => {
    const u = await withTokens();
    const g = await post(`/api/admin/users/${u.id}/grant-admin`, admin.sudo);
    expect(g.status, g.text).toBe(200);
    expect((await api("/api/admin/overview", { token: u.access })).status).toBe(200);
    await expectTargetEvent(u.id, "admin.granted", admin.id);
    await expectAdminActionRecorded(admin.id, "grant-admin", u.id);
    expectEnvelope(await post(`/api/admin/users/${u.id}/grant-admin`, admin.sudo), 409, "ALREADY_ADMIN");

    const r = await post(`/api/admin/users/${u.id}/revoke-admin`, admin.sudo);
    expect(r.status, r.text).toBe(200);
    expectEnvelope(await api("/api/admin/overview", { token: u.access }), 403, "ADMIN_REQUIRED");
    await expectTargetEvent(u.id, "admin.revoked", admin.id);
    await expectAdminActionRecorded(admin.id, "revoke-admin", u.id);
    expectEnvelope(await post(`/api/admin/users/${u.id}/revoke-admin`, admin.sudo), 409, "NOT_ADMIN");
  });

  describe("with exactly two administrators", () => {
    let a: Awaited<ReturnType<typeof withTokens>>;
    let b: Awaited<ReturnType<typeof withTokens>>;

    beforeAll(async () => {
      a = await withTokens({ role: "admin" });
      b = await withTokens({ role: "admin" });
      const others = await db.user.findMany({ where: { role: "admin", id: { notIn: [a.id, b.id] } }, select: { id: true } });
      demoted = others.map((o) => o.id);
      await db.user.updateMany({ where: { id: { in: demoted } }, data: { role: "user" } });
    });

    const activeAdmins = () => db.user.count({ where: { role: "admin", lockedAt: null } });
    const reset = async () => {
      await db.user.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { role: "admin", lockedAt: null } });
      for (const x of [a, b]) {
        await db.session.updateMany({ where: { id: x.sessionId }, data: { revokedAt: null } });
      }
    };

    it("lets an administrator step down while another remains, but never removes the last one", async () => {
      await reset();
      expect(await activeAdmins()).toBe(2);
      expect((await post(`/api/admin/users/${b.id}/revoke-admin`, b.sudo)).status).toBe(200); // b steps down
      expectEnvelope(await post(`/api/admin/users/${a.id}/revoke-admin`, a.sudo), 409, "LAST_ADMIN");
      expect(await activeAdmins()).toBe(1);
      expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).role).toBe("admin");
      expect(await eventsOf(a.id, "admin.revoked")).toHaveLength(0);
    });

    it("does not count a locked administrator as the remaining one", async () => {
      await reset();
      await db.user.update({ where: { id: b.id }, data: { lockedAt: new Date() } });
      expectEnvelope(await post(`/api/admin/users/${a.id}/revoke-admin`, a.sudo), 409, "LAST_ADMIN");
      // demoting the locked one is fine: it leaves the number of working administrators alone
      expect((await post(`/api/admin/users/${b.id}/revoke-admin`, a.sudo)).status).toBe(200);
    });

    it("two administrators demoting each other at the same moment: one wins, one administrator remains", async () => {
      for (let round = 0; round < 5; round++) {
        await reset();
        const results = await Promise.all([
          post(`/api/admin/users/${b.id}/revoke-admin`, a.sudo),
          post(`/api/admin/users/${a.id}/revoke-admin`, b.sudo),
        ]);
        const won = results.filter((r) => r.status === 200);
        const lost = results.filter((r) => r.status !== 200);
        expect(won, results.map((r) => r.text).join(" ")).toHaveLength(1);
        // the loser was refused by the guard, or (when it came second) was no administrator any more
        expect([
          [409, "LAST_ADMIN"],
          [403, "ADMIN_REQUIRED"],
        ]).toContainEqual([lost[0].status, lost[0].json.message]);
        expect(await activeAdmins()).toBe(1);
      }
    });

    it("the guard itself under concurrency: both demotions past every other check, in one process and across two", async () => {
      const actorOf = (x: { id: number }) => ({ userId: x.id, meta: { ip: null, userAgent: null } });
      for (let round = 0; round < 5; round++) {
        await reset();
        const settled = await Promise.allSettled([revokeAdmin(actorOf(a), b.id), revokeAdmin(actorOf(b), a.id)]);
        expect(settled.map((s) => s.status).sort()).toEqual(["fulfilled", "rejected"]);
        const reason = (settled.find((s) => s.status === "rejected") as PromiseRejectedResult).reason;
        expect(reason).toMatchObject({ status: 409, code: "LAST_ADMIN" });
        expect(await activeAdmins()).toBe(1);
      }
      // this test process and the server each hold their own connection to the database
      for (let round = 0; round < 5; round++) {
        await reset();
        const [viaServer, here] = await Promise.allSettled([
          post(`/api/admin/users/${b.id}/revoke-admin`, a.sudo),
          revokeAdmin(actorOf(b), a.id),
        ]);
        const serverWon = viaServer.status === "fulfilled" && viaServer.value.status === 200;
        const hereWon = here.status === "fulfilled";
        expect([serverWon, hereWon].filter(Boolean), JSON.stringify([viaServer, here])).toHaveLength(1);
        expect(await activeAdmins()).toBe(1);
      }
    });

    it("two administrators locking each other at the same moment: one wins, one administrator remains", async () => {
      for (let round = 0; round < 3; round++) {
        await reset();
        const results = await Promise.all([post(`/api/admin/users/${b.id}/lock`, a.sudo), post(`/api/admin/users/${a.id}/lock`, b.sudo)]);
        const ok = results.filter((r) => r.status === 200);
        expect(ok, results.map((r) => r.text).join(" ")).toHaveLength(1);
        // the loser was either refused (LAST_ADMIN) or its session had just been ended by the lock
        for (const r of results.filter((x) => x.status !== 200))
          expect([
            [409, "LAST_ADMIN"],
            [401, "INVALID_TOKEN"],
          ]).toContainEqual([r.status, r.json.message]);
        expect(await activeAdmins()).toBe(1);
      }
    });

    it("demotion and lock racing: the last working administrator stays", async () => {
      for (let round = 0; round < 3; round++) {
        await reset();
        await Promise.all([
          post(`/api/admin/users/${a.id}/revoke-admin`, a.sudo),
          post(`/api/admin/users/${a.id}/lock`, b.sudo).then(() => post(`/api/admin/users/${b.id}/revoke-admin`, b.sudo)),
        ]);
        expect(await activeAdmins()).toBeGreaterThanOrEqual(1);
      }
      await reset();
    });
  });
});

// --- mail log -------------------------------------------------------------------------------------

describe("GET /admin/mail", () => {
  it("lists messages newest first with status, brand, language and recipient; filters; pages; shows one", async () => {
    const to = `${tag()}@example.com`;
    const base = Date.parse("2026-02-01T00:00:00Z");
    await db.mailMessage.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        id: randomUUID(),
        transport: i % 2 ? "smtp" : "outbox",
        status: i === 3 ? "failed" : "sent",
        error: i === 3 ? "connection refused" : null,
        toAddress: to,
        fromAddress: "Gatehouse <no-reply@example.com>",
        subject: `Message ${i}`,
        html: `<p>Message <b>${i}</b></p>`,
        text: `Message ${i}`,
        origin: "gatehouse",
        language: i % 3 ? "en" : "de",
        template: "password-changed",
        createdAt: new Date(base + (i % 10) * 1000), // equal times: the id breaks ties
      })),
    });
    const p1 = await api(`/api/admin/mail?to=${encodeURIComponent(to.toUpperCase())}`, { token: admin.access });
    expect(p1.status, p1.text).toBe(200);
    expect(p1.json).toMatchObject({ total: 30, from: 1, to: 25, prevCursor: null });
    expect(p1.json.messages[0]).toEqual({
      id: expect.any(String),
      createdAt: "2026-02-01T00:00:09.000Z",
      status: "sent",
      transport: expect.any(String),
      toAddress: to,
      subject: expect.stringMatching(/^Message /),
      template: "password-changed",
      origin: "gatehouse",
      language: expect.stringMatching(/^(en|de)$/),
      error: null,
      userId: null,
    });
    const p2 = await api(`/api/admin/mail?to=${to}&cursor=${p1.json.nextCursor}`, { token: admin.access });
    expect(p2.json).toMatchObject({ total: 30, from: 26, to: 30, nextCursor: null });
    const all = [...p1.json.messages, ...p2.json.messages];
    expect(new Set(all.map((m: { id: string }) => m.id)).size).toBe(30);
    const times = all.map((m: { createdAt: string }) => m.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    const failed = await api(`/api/admin/mail?to=${to}&status=failed`, { token: admin.access });
    expect(failed.json.messages).toHaveLength(1);
    expect(failed.json.messages[0]).toMatchObject({ status: "failed", error: "connection refused", subject: "Message 3" });

    const one = await api(`/api/admin/mail/${failed.json.messages[0].id}`, { token: admin.access });
    expect(one.json).toMatchObject({ html: "<p>Message <b>3</b></p>", text: "Message 3", fromAddress: "Gatehouse <no-reply@example.com>" });
    expectEnvelope(await api(`/api/admin/mail/${randomUUID()}`, { token: admin.access }), 404, "MAIL_NOT_FOUND");
    expectEnvelope(await api(`/api/admin/mail?status=bounced`, { token: admin.access }), 400, "status must be sent or failed");
    expectEnvelope(
      await api(`/api/admin/mail?cursor=${p1.json.nextCursor.slice(0, 10)}`, { token: admin.access }),
      400,
      "cursor is not a cursor from a previous page",
    );
  });

  it("shows the mails that admin actions sent", async () => {
    const u = await createTestUser();
    await post(`/api/admin/users/${u.id}/reset-2fa`, admin.sudo); // 409: nothing to reset, nothing mailed
    await markTotpActive(u.id);
    expect((await post(`/api/admin/users/${u.id}/reset-2fa`, admin.sudo)).status).toBe(200);
    const r = await api(`/api/admin/mail?to=${u.email}`, { token: admin.access });
    expect(r.json.messages.map((m: { template: string }) => m.template)).toEqual(["2fa-reset-by-admin"]);
    expect(r.json.messages[0].userId).toBe(u.id);
  });
});
