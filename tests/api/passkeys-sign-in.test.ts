import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, expectEnvelope } from "../helpers";
import { addPasskey, authenticatorOnApp, passkeyEvents, passkeyThrottleKey, passkeyUser, requestOptions } from "./passkey-helpers";
import { enableTotpViaApi, endWait } from "./two-factor-helpers";

// docs/api.md §9: the passwordless sign-in with a discoverable credential and user verification,
// which answers as POST /auth/login does (no 2FA_REQUIRED step).

const OPTIONS = "/auth/passkey/options" as const;
const LOGIN = "/auth/passkey/login";

async function withPasskey() {
  const u = await passkeyUser();
  const { passkey } = await addPasskey(u.authenticator, u.tokens);
  return { ...u, passkey };
}

describe("POST /auth/passkey/options", () => {
  it("answers request options without allowCredentials, with userVerification required; the challenge is bound to nobody", async () => {
    const r = await api(OPTIONS, { method: "POST" });
    expect(r.status, r.text).toBe(200);
    expect(r.json.allowCredentials).toBeUndefined();
    expect(r.json.userVerification).toBe("required");
    expect(Buffer.from(r.json.challenge, "base64url")).toHaveLength(32);
    expect((await api(`/api${OPTIONS}`, { body: {} })).status).toBe(200);
  });
});

describe("POST /auth/passkey/login", () => {
  it("answers a refresh token as text/plain for a user-verified passkey, even with TOTP active: no 2FA step", async () => {
    const { user, tokens, authenticator, passkey } = await withPasskey();
    await enableTotpViaApi(user.id, tokens, tokens.sudo);
    const credential = authenticator.get(await requestOptions(OPTIONS));
    const r = await api(LOGIN, { body: { credential } });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.headers.get("set-cookie")).toBeNull();
    expect((await api("/auth/refreshtoken/validate", { token: r.text })).json).toEqual({ userId: user.id });
    const access = await api("/auth/accesstoken", { token: r.text });
    expect((await api("/auth/accesstoken/validate", { token: access.text })).json).toEqual({ userId: user.id });
    const [event] = await db.securityEvent.findMany({
      where: { userId: user.id, kind: "login.success" },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    expect(JSON.parse(event.detail!)).toMatchObject({ method: "passkey" });
    expect((await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).counter).toBe(1n);
  });

  it("also sets the refresh cookie with ?cookie=true, exactly as /auth/login", async () => {
    const { authenticator } = await withPasskey();
    const r = await api(`${LOGIN}?cookie=true`, { body: { credential: authenticator.get(await requestOptions(OPTIONS)) } });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get("set-cookie")).toBe(
      `gatehouse_refresh=${r.text}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${14 * 24 * 3600}`,
    );
    expectEnvelope(
      await api(`${LOGIN}?cookie=yes`, { body: { credential: authenticator.get(await requestOptions(OPTIONS)) } }),
      400,
      "cookie must be true or false",
    );
  });

  it("requires user verification: a passkey answer without it is 401 PASSKEY_INVALID", async () => {
    const { user, authenticator } = await withPasskey();
    const r = await api(LOGIN, { body: { credential: authenticator.get(await requestOptions(OPTIONS), { uv: false }) } });
    expectEnvelope(r, 401, "PASSKEY_INVALID");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers 403 ACCOUNT_LOCKED for a locked account, after the passkey checked out", async () => {
    const { user, authenticator } = await withPasskey();
    await db.user.update({ where: { id: user.id }, data: { lockedAt: new Date() } });
    expectEnvelope(await api(LOGIN, { body: { credential: authenticator.get(await requestOptions(OPTIONS)) } }), 403, "ACCOUNT_LOCKED");
    expect(await passkeyEvents(user.id, "login.locked")).toHaveLength(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    // a wrong answer for a locked account says nothing about the lock
    expectEnvelope(
      await api(LOGIN, { body: { credential: authenticator.get(await requestOptions(OPTIONS), { badSignature: true }) } }),
      401,
      "PASSKEY_INVALID",
    );
  });

  it("answers 401 PASSKEY_INVALID for an unknown credential, a wrong origin, a used or foreign challenge, another user handle", async () => {
    const { user, tokens, authenticator } = await withPasskey();
    const stranger = authenticatorOnApp();
    stranger.create({ challenge: "x", rp: { name: "x" }, user: { id: "AAAA", name: "x" } });
    const used = authenticator.get(await requestOptions(OPTIONS));
    expect((await api(LOGIN, { body: { credential: used } })).status).toBe(200);
    const cases: [string, () => Promise<unknown>][] = [
      ["an unknown credential", async () => stranger.get(await requestOptions(OPTIONS))],
      ["another origin", async () => authenticator.get(await requestOptions(OPTIONS), { origin: "https://evil.example" })],
      ["a used challenge", async () => used],
      ["a 2FA challenge", async () => authenticator.get(await requestOptions("/user/2fa/passkey/authenticate/options", tokens.access))],
      [
        "another user handle",
        async () => {
          const c = authenticator.get(await requestOptions(OPTIONS)) as { response: { userHandle: string } };
          c.response.userHandle = Buffer.alloc(32, 1).toString("base64url");
          return c;
        },
      ],
    ];
    for (const [what, make] of cases) {
      const r = await api(LOGIN, { body: { credential: await make() } });
      expect([r.status, r.json?.message], what).toEqual([401, "PASSKEY_INVALID"]);
      await endWait(passkeyThrottleKey(user.id));
    }
  });

  it("counts failures toward the account's passkey throttle: 429 TOO_MANY_PASSKEY_CHECKS, shared with the 2FA step", async () => {
    const { user, tokens, authenticator } = await withPasskey();
    const key = passkeyThrottleKey(user.id);
    await db.throttle.upsert({
      where: { key },
      create: { key, failures: 5, blockedUntil: new Date(Date.now() + 30_000) },
      update: { failures: 5, blockedUntil: new Date(Date.now() + 30_000) },
    });
    const r = await api(LOGIN, { body: { credential: authenticator.get(await requestOptions(OPTIONS)) } });
    expectEnvelope(r, 429, "TOO_MANY_PASSKEY_CHECKS");
    expect(r.headers.get("retry-after")).toBe(String(r.json.retryAfter));
    const step = await api("/user/2fa/passkey/authenticate", {
      body: { credential: authenticator.get(await requestOptions("/user/2fa/passkey/authenticate/options", tokens.access)) },
      token: tokens.access,
    });
    expectEnvelope(step, 429, "TOO_MANY_PASSKEY_CHECKS");
    expect((await db.throttle.findUniqueOrThrow({ where: { key } })).failures).toBe(5);
  });

  it("accepts one of 10 concurrent sign-ins with one challenge", async () => {
    const { user, authenticator } = await withPasskey();
    const options = await requestOptions(OPTIONS);
    const answers = Array.from({ length: 10 }, () => authenticator.get(options));
    const results = await Promise.all(answers.map((credential) => api(LOGIN, { body: { credential } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) expect([401, 429]).toContain(r.status);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
  });
});
