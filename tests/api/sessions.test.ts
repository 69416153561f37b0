import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto";
import { db } from "@/lib/db";
import { issueSudoToken } from "@/lib/tokens/jwt";
import { api, createTestUser, expectEnvelope, partialTokenFor, signedIn } from "../helpers";

// The user's own sessions (ours): GET /user/sessions, DELETE /user/sessions/{id}, DELETE /user/sessions.

const sessionOf = (refreshToken: string) => db.session.findUniqueOrThrow({ where: { refreshTokenHash: sha256(refreshToken) } });

describe("GET /user/sessions", () => {
  it("lists the user's live sessions, most recently used first, marking the current one", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    await signedIn(other);
    const ended = await signedIn(user);
    await api("/auth/logout", { method: "POST", token: ended.refreshToken });
    const old = await signedIn(user);
    const me = await signedIn(user);
    const r = await api("/user/sessions", { token: me.accessToken, headers: { "User-Agent": "SessionTest/1.0" } });
    expect(r.status).toBe(200);
    expect(r.json).toHaveLength(2);
    const [mine, theirs] = [await sessionOf(me.refreshToken), await sessionOf(old.refreshToken)];
    expect(r.json.map((s: { id: string }) => s.id).sort()).toEqual([mine.id, theirs.id].sort());
    const current = r.json.find((s: { current: boolean }) => s.current);
    expect(current.id).toBe(mine.id);
    expect(r.json[0].id).toBe(mine.id); // used last (its access token was just issued)
    expect(Object.keys(current).sort()).toEqual(["createdAt", "current", "id", "ip", "lastUsedAt", "userAgent"]);
    expect(new Date(current.createdAt).toISOString()).toBe(current.createdAt);
    expect(r.text).not.toContain("refreshTokenHash");
  });

  it("puts the asking session first even when another was used since, then the others by last use", async () => {
    const user = await createTestUser();
    const me = await signedIn(user);
    const first = await signedIn(user);
    const second = await signedIn(user);
    const [mine, a, b] = await Promise.all([me, first, second].map((s) => sessionOf(s.refreshToken)));
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await db.session.update({ where: { id: mine.id }, data: { lastUsedAt: at(30) } });
    await db.session.update({ where: { id: a.id }, data: { lastUsedAt: at(10) } });
    await db.session.update({ where: { id: b.id }, data: { lastUsedAt: at(20) } });
    // an access token issued earlier does not touch the session again
    const r = await api("/user/sessions", { token: me.accessToken });
    expect(r.json.map((s: { id: string }) => s.id)).toEqual([mine.id, a.id, b.id]);
  });

  it("takes an access or sudo token only", async () => {
    const user = await createTestUser();
    const { refreshToken, accessToken } = await signedIn(user);
    const session = await sessionOf(refreshToken);
    expect((await api("/user/sessions", { token: await issueSudoToken(user.id, session.id) })).status).toBe(200);
    expect((await api("/api/user/sessions", { token: accessToken })).status).toBe(200);
    expectEnvelope(await api("/user/sessions", { token: refreshToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/user/sessions", { token: await partialTokenFor(user.id) }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/user/sessions"), 401, "NO_TOKEN_PROVIDED");
    expectEnvelope(await api("/user/sessions", { method: "POST", token: accessToken, body: {} }), 405, "METHOD_NOT_ALLOWED");
  });
});

describe("DELETE /user/sessions/{id}", () => {
  it("ends one session: its refresh, access and sudo tokens stop at once; the rest go on", async () => {
    const user = await createTestUser();
    const target = await signedIn(user);
    const me = await signedIn(user);
    const session = await sessionOf(target.refreshToken);
    const sudo = await issueSudoToken(user.id, session.id);
    const r = await api(`/user/sessions/${session.id}`, { method: "DELETE", token: me.accessToken });
    expect(r.status).toBe(200);
    expect(r.text).toBe("null");
    expectEnvelope(await api("/auth/accesstoken", { token: target.refreshToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken/validate", { token: target.accessToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken/validate", { token: sudo }), 401, "INVALID_TOKEN");
    expect((await api("/auth/accesstoken/validate", { token: me.accessToken })).status).toBe(200);
    const event = await db.securityEvent.findFirstOrThrow({ where: { userId: user.id, kind: "session.revoked" } });
    expect(JSON.parse(event.detail!).sessionId).toBe(session.id);
    // already ended: not found
    expectEnvelope(await api(`/user/sessions/${session.id}`, { method: "DELETE", token: me.accessToken }), 404, "SESSION_NOT_FOUND");
  });

  it("answers 404 for an unknown id and for another user's session, which stays alive", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const { accessToken } = await signedIn(user);
    const theirs = await signedIn(other);
    const foreign = await sessionOf(theirs.refreshToken);
    expectEnvelope(await api(`/user/sessions/${foreign.id}`, { method: "DELETE", token: accessToken }), 404, "SESSION_NOT_FOUND");
    expect((await api("/auth/accesstoken", { token: theirs.refreshToken })).status).toBe(200);
    expectEnvelope(
      await api("/user/sessions/00000000-0000-0000-0000-000000000000", { method: "DELETE", token: accessToken }),
      404,
      "SESSION_NOT_FOUND",
    );
    expectEnvelope(
      await api(`/user/sessions/${"x".repeat(101)}`, { method: "DELETE", token: accessToken }),
      400,
      "id must be at most 100 characters",
    );
  });

  it("may end the caller's own session", async () => {
    const user = await createTestUser();
    const me = await signedIn(user);
    const session = await sessionOf(me.refreshToken);
    expect((await api(`/api/user/sessions/${session.id}`, { method: "DELETE", token: me.accessToken })).status).toBe(200);
    expectEnvelope(await api("/user/sessions", { token: me.accessToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken", { token: me.refreshToken }), 401, "INVALID_TOKEN");
  });

  it("refuses refresh and partial tokens", async () => {
    const user = await createTestUser();
    const { refreshToken } = await signedIn(user);
    const session = await sessionOf(refreshToken);
    expectEnvelope(await api(`/user/sessions/${session.id}`, { method: "DELETE", token: refreshToken }), 401, "INVALID_TOKEN");
    expectEnvelope(
      await api(`/user/sessions/${session.id}`, { method: "DELETE", token: await partialTokenFor(user.id) }),
      401,
      "INVALID_TOKEN",
    );
    expectEnvelope(await api(`/user/sessions/${session.id}`, { method: "DELETE" }), 401, "NO_TOKEN_PROVIDED");
    expect((await api("/auth/accesstoken", { token: refreshToken })).status).toBe(200);
  });
});

describe("DELETE /user/sessions", () => {
  it("ends every other session of the user and keeps the caller's", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const a = await signedIn(user);
    const b = await signedIn(user);
    const me = await signedIn(user);
    const theirs = await signedIn(other);
    const r = await api("/user/sessions", { method: "DELETE", token: me.accessToken });
    expect(r.status).toBe(200);
    expect(r.text).toBe("null");
    for (const s of [a, b]) {
      expectEnvelope(await api("/auth/accesstoken", { token: s.refreshToken }), 401, "INVALID_TOKEN");
      expectEnvelope(await api("/auth/accesstoken/validate", { token: s.accessToken }), 401, "INVALID_TOKEN");
    }
    expect((await api("/auth/accesstoken", { token: me.refreshToken })).status).toBe(200);
    expect((await api("/auth/accesstoken", { token: theirs.refreshToken })).status).toBe(200);
    const listed = await api("/user/sessions", { token: me.accessToken });
    expect(listed.json).toHaveLength(1);
    const event = await db.securityEvent.findFirstOrThrow({ where: { userId: user.id, kind: "sessions.revoked" } });
    expect(JSON.parse(event.detail!).ended).toBe(2);
  });

  it("refuses a refresh token", async () => {
    const user = await createTestUser();
    const { refreshToken } = await signedIn(user);
    expectEnvelope(await api("/user/sessions", { method: "DELETE", token: refreshToken }), 401, "INVALID_TOKEN");
  });
});
