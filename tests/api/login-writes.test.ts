import { describe, expect, it } from "vitest";
import { encrypt, sha256 } from "@/lib/crypto";
import { db } from "@/lib/db";
import { mustChangeOne, NothingChanged, sql, writeOne, writeTogether } from "@/lib/db/direct-writes";
import { noMeta, securityEventInsert } from "@/lib/events";
import { newSession } from "@/lib/sessions";
import { reserveAttempt, throttleKeys } from "@/lib/throttle";
import { TOKEN_LIFETIME_SECONDS } from "@/lib/tokens/lifetimes";
import { api, createTestUser, sleep } from "../helpers";
import { usableTotp } from "./two-factor-helpers";

// What a login writes, now that its writes bypass Prisma (lib/db/direct-writes.ts): exactly its
// session, its event and its throttle reset, in one transaction, in the form Prisma reads back.

const AGENT = "LoginWrites/1.0";

async function rowsOf(userId: number) {
  const [sessions, events, throttle] = await Promise.all([
    db.session.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    db.securityEvent.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    db.throttle.findMany({ where: { key: { endsWith: `:${userId}` } }, orderBy: { key: "asc" } }),
  ]);
  return { sessions, events, throttle };
}

const near = (date: Date | null, expected: number, slackMs = 60_000) => Math.abs((date?.getTime() ?? 0) - expected) < slackMs;

describe("a password login's writes", () => {
  it("a wrong password counts and records its failure; a right one adds exactly a session, its event and the reset", async () => {
    const user = await createTestUser();
    const before = await rowsOf(user.id);
    const wrong = await api("/auth/login", { body: { username: user.email, password: "not-the-password" } });
    expect(wrong.status).toBe(401);
    const afterWrong = await rowsOf(user.id);
    expect(afterWrong.events.slice(before.events.length).map((e) => e.kind)).toEqual(["login.failure"]);
    expect(afterWrong.throttle.map((t) => [t.key, t.failures])).toEqual([[throttleKeys.password(user.id), 1]]);

    const started = Date.now();
    const r = await api("/auth/login", { body: { username: user.email, password: user.password }, headers: { "User-Agent": AGENT } });
    expect(r.status).toBe(200);
    const after = await rowsOf(user.id);

    expect(after.sessions).toHaveLength(before.sessions.length + 1);
    const session = after.sessions.at(-1)!;
    expect(session.refreshTokenHash).toBe(sha256(r.text));
    expect(session.userAgent).toBe(AGENT);
    expect(session.revokedAt).toBeNull();
    expect(near(session.createdAt, started)).toBe(true);
    expect(session.lastUsedAt.getTime()).toBe(session.createdAt.getTime());
    expect(near(session.expiresAt, started + TOKEN_LIFETIME_SECONDS.refresh * 1000)).toBe(true);

    const added = after.events.slice(afterWrong.events.length);
    expect(added.map((e) => e.kind)).toEqual(["login.success"]);
    expect(added[0].userAgent).toBe(AGENT);
    expect(near(added[0].createdAt, started)).toBe(true);

    const [counter] = after.throttle;
    expect([counter.failures, counter.blockedUntil]).toEqual([0, null]);
    expect(near(counter.updatedAt, started)).toBe(true);
  });

  it("with TOTP: the password step writes its event and the reset, the code step its step, the reset, the session and its event", async () => {
    const user = await createTestUser();
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await db.totpFactor.create({ data: { userId: user.id, secretEnc: encrypt(secret), activatedAt: new Date() } });
    const code = await usableTotp(user.id, secret);
    const step1 = await api("/auth/login", { body: { username: user.email, password: user.password } });
    expect(step1.status).toBe(401);
    const afterStep1 = await rowsOf(user.id);
    expect(afterStep1.sessions).toHaveLength(0);
    expect(afterStep1.events.map((e) => e.kind)).toContain("login.2fa_required");
    expect(afterStep1.throttle.find((t) => t.key === throttleKeys.password(user.id))!.failures).toBe(0);

    const step2 = await api("/user/2fa/totp/authenticate", { body: { totp: code }, token: step1.json.partialToken });
    expect(step2.status, step2.text).toBe(200);
    const after = await rowsOf(user.id);
    expect(after.sessions.map((s) => s.refreshTokenHash)).toEqual([sha256(step2.json.refreshToken)]);
    const added = after.events.slice(afterStep1.events.length);
    expect(added.map((e) => e.kind)).toEqual(["login.success"]);
    expect(JSON.parse(added[0].detail!)).toEqual({ method: "totp", sessionId: after.sessions[0].id });
    expect(after.throttle.find((t) => t.key === throttleKeys.totp(user.id))!.failures).toBe(0);
    const factor = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(factor.lastUsedStep).toBeGreaterThan(0);
  });
});

describe("the writes of an outcome are one transaction", () => {
  it("a failure in the event's insert leaves no session, and the attempt counted", async () => {
    const user = await createTestUser();
    const attempt = await reserveAttempt(throttleKeys.password(user.id), "TOO_MANY_FAILED_PASSWORD_CHECKS");
    const session = newSession(user.id, noMeta);
    const event = securityEventInsert(user.id, "login.success", noMeta);
    await writeOne(event); // the same id again: the second insert fails on the primary key
    await expect(attempt.succeeded(session.insert, event)).rejects.toThrow();
    const after = await rowsOf(user.id);
    expect(after.sessions).toHaveLength(0);
    expect(after.throttle[0].failures).toBe(1);
    expect(after.events.filter((e) => e.kind === "login.success")).toHaveLength(1);
  });

  it("a statement that must change one row and changes none undoes the ones before it", async () => {
    const user = await createTestUser();
    const session = newSession(user.id, noMeta);
    const noSuchAccount = mustChangeOne(sql`UPDATE "User" SET "sessionEpoch" = 0 WHERE "id" = ${-1}`);
    await expect(writeTogether([session.insert, noSuchAccount])).rejects.toBeInstanceOf(NothingChanged);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a direct write waits for a Prisma transaction of the same process instead of stopping it", async () => {
    const user = await createTestUser();
    const order: string[] = [];
    const transaction = db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { language: "nl" } });
      await sleep(300);
      order.push("transaction");
    });
    await sleep(50);
    const started = Date.now();
    await writeOne(newSession(user.id, noMeta).insert);
    order.push("direct write");
    await transaction;
    expect(Date.now() - started).toBeLessThan(5_000);
    // on SQLite the write took its turn after the transaction; PostgreSQL's row locks let it through
    expect(order).toContain("direct write");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});
