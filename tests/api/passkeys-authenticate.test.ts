import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, baseUrl, expectEnvelope } from "../helpers";
import { SoftAuthenticator } from "./passkey-authenticator";
import { addPasskey, authenticatorOnApp, passkeyEvents, passkeyThrottleKey, passkeyUser, requestOptions } from "./passkey-helpers";
import { endWait, expectThrottled, expectTokenRule, expectWaitStarted } from "./two-factor-helpers";

// docs/api.md §9: a passkey as the second factor (as §4 #4), the sign-counter rule, single-use
// challenges under concurrency, and the passkey's own §5 throttle.

const OPTIONS = "/user/2fa/passkey/authenticate/options" as const;
const AUTHENTICATE = "/user/2fa/passkey/authenticate";

async function withPasskey() {
  const u = await passkeyUser();
  const { passkey } = await addPasskey(u.authenticator, u.tokens);
  return { ...u, passkey };
}

describe("POST /user/2fa/passkey/authenticate/options", () => {
  it("answers request options with allowCredentials = the account's passkeys and a challenge bound to it", async () => {
    const { user, tokens, authenticator } = await withPasskey();
    await addPasskey(authenticatorOnApp(), tokens, { optionsToken: tokens.sudo });
    const options = await requestOptions(OPTIONS, tokens.partial);
    expect(options.rpId).toBe(new URL(baseUrl()).hostname);
    expect(options.allowCredentials!.map((c) => c.id)).toEqual(
      (await db.passkey.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } })).map((p) => p.credentialId),
    );
    expect(options.allowCredentials![0].id).toBe(authenticator.credentials[0].id);
    expect(Buffer.from(options.challenge, "base64url")).toHaveLength(32);
    const row = await db.passkeyChallenge.findFirstOrThrow({ where: { userId: user.id, purpose: "2fa" } });
    expect(row.usedAt).toBeNull();
    await expectTokenRule({ path: OPTIONS, method: "POST", body: {} }, tokens, ["access", "sudo", "partial"]);
  });

  it("answers 409 PASSKEY_UNINITIALIZED without a passkey", async () => {
    const { tokens } = await passkeyUser();
    expectEnvelope(await api(OPTIONS, { method: "POST", token: tokens.access }), 409, "PASSKEY_UNINITIALIZED");
    expectEnvelope(
      await api(AUTHENTICATE, { body: { credential: sampleCredential() }, token: tokens.access }),
      409,
      "PASSKEY_UNINITIALIZED",
    );
    expectEnvelope(await api("/user/2fa/passkey/next-guess", { token: tokens.partial }), 409, "PASSKEY_UNINITIALIZED");
  });
});

describe("POST /user/2fa/passkey/authenticate", () => {
  it("with a partial token completes the login: a new session and three tokens (as §4 #4)", async () => {
    const { user, authenticator, passkey } = await withPasskey();
    const login = await api("/auth/login", { body: { username: user.email, password: user.password } });
    expectEnvelope(login, 401, "2FA_REQUIRED");
    expect(login.json.methods).toContain("passkey");
    const partial = login.json.partialToken as string;
    const options = await requestOptions(OPTIONS, partial);
    const r = await api(AUTHENTICATE, { body: { credential: authenticator.get(options) }, token: partial });
    expect(r.status, r.text).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(["accessToken", "refreshToken", "sudoToken"]);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect((await api("/auth/accesstoken/validate", { token: r.json.accessToken })).json).toEqual({ userId: user.id });
    expect((await api("/auth/refreshtoken/validate", { token: r.json.refreshToken })).json).toEqual({ userId: user.id });
    const [success] = await db.securityEvent.findMany({
      where: { userId: user.id, kind: "login.success" },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    expect(JSON.parse(success.detail!)).toMatchObject({ method: "passkey" });
    const stored = await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } });
    expect(stored.counter).toBe(1n);
    expect(stored.lastUsedAt).not.toBeNull();
    expect((await api("/user/2fa/passkeys", { token: r.json.accessToken })).json[0].lastUsedAt).toBe(stored.lastUsedAt!.toISOString());
  });

  it("with an access token answers a sudo token for the same session; user verification is not needed", async () => {
    const { tokens, authenticator, sessionId } = await withPasskey();
    const options = await requestOptions(OPTIONS, tokens.access);
    expect(options.userVerification).toBe("preferred");
    const r = await api(AUTHENTICATE, { body: { credential: authenticator.get(options, { uv: false }) }, token: tokens.access });
    expect(r.status, r.text).toBe(200);
    expect(Object.keys(r.json)).toEqual(["sudoToken"]);
    // the sudo token serves an S endpoint of the same session
    expect((await api("/user/2fa/recovery-code/reset", { body: {}, token: r.json.sudoToken })).status).toBe(200);
    expect(sessionId).toBeTruthy();
    await expectTokenRule({ path: AUTHENTICATE, method: "POST", body: {} }, tokens, ["access", "sudo", "partial"]);
  });

  it("answers 401 PASSKEY_INVALID for a wrong origin, RP id, signature, type, challenge, user presence or credential", async () => {
    const { user, tokens, authenticator } = await withPasskey();
    const other = await withPasskey();
    const stranger = authenticatorOnApp();
    stranger.create({ challenge: "x", rp: { name: "x" }, user: { id: "AAAA", name: "x" } }); // a key nobody registered
    const cases: [string, (o: Awaited<ReturnType<typeof requestOptions>>) => Promise<unknown> | unknown][] = [
      ["another origin", (o) => authenticator.get(o, { origin: "https://evil.example" })],
      ["another RP id", (o) => authenticator.get(o, { rpId: "evil.example" })],
      ["a bad signature", (o) => authenticator.get(o, { badSignature: true })],
      ["a create-type answer", (o) => authenticator.get(o, { type: "webauthn.create" })],
      ["no user presence", (o) => authenticator.get(o, { up: false })],
      ["a challenge never issued", (o) => authenticator.get(o, { challenge: Buffer.alloc(32, 9).toString("base64url") })],
      [
        "another account's challenge",
        async () => authenticator.get(await requestOptions(OPTIONS, other.tokens.access), { credential: authenticator.credentials[0] }),
      ],
      ["an unknown credential", (o) => stranger.get(o, { credential: stranger.credentials[0] })],
      ["another account's passkey", (o) => other.authenticator.get(o, { credential: other.authenticator.credentials[0] })],
      [
        "a registration challenge",
        async () => {
          const reg = await api("/user/2fa/passkey/register/options", { body: {}, token: tokens.sudo });
          return authenticator.get({ challenge: reg.json.challenge, rpId: reg.json.rp.id });
        },
      ],
    ];
    for (const [what, make] of cases) {
      const options = await requestOptions(OPTIONS, tokens.access);
      const credential = await make(options);
      const r = await api(AUTHENTICATE, { body: { credential }, token: tokens.access });
      expect([r.status, r.json?.message], what).toEqual([401, "PASSKEY_INVALID"]);
      expectEnvelope(r, 401, "PASSKEY_INVALID");
      await endWait(passkeyThrottleKey(user.id));
    }
    // each failure counted toward the passkey's counter, none toward the other factors'
    expect((await db.throttle.findUniqueOrThrow({ where: { key: passkeyThrottleKey(user.id) } })).failures).toBe(cases.length);
    expect(await db.throttle.count({ where: { key: `totp:${user.id}` } })).toBe(0);
    expect(await passkeyEvents(user.id, "passkey.possible_clone")).toHaveLength(0);
  });

  it("uses a challenge once: a replayed answer is refused", async () => {
    const { tokens, authenticator } = await withPasskey();
    const credential = authenticator.get(await requestOptions(OPTIONS, tokens.access));
    expect((await api(AUTHENTICATE, { body: { credential }, token: tokens.access })).status).toBe(200);
    expectEnvelope(await api(AUTHENTICATE, { body: { credential }, token: tokens.access }), 401, "PASSKEY_INVALID");
  });

  it("refuses an expired challenge", async () => {
    const { user, tokens, authenticator } = await withPasskey();
    const options = await requestOptions(OPTIONS, tokens.access);
    await db.passkeyChallenge.updateMany({ where: { userId: user.id, purpose: "2fa" }, data: { expiresAt: new Date(Date.now() - 1) } });
    expectEnvelope(
      await api(AUTHENTICATE, { body: { credential: authenticator.get(options) }, token: tokens.access }),
      401,
      "PASSKEY_INVALID",
    );
  });

  it("accepts one of 10 concurrent uses of one challenge, with 10 different valid answers", async () => {
    const { user, authenticator } = await withPasskey();
    const login = await api("/auth/login", { body: { username: user.email, password: user.password } });
    const partial = login.json.partialToken as string;
    const options = await requestOptions(OPTIONS, partial);
    // each answer signed with a counter of its own, so only the challenge can decide
    const answers = Array.from({ length: 10 }, () => authenticator.get(options));
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });
    const results = await Promise.all(answers.map((credential) => api(AUTHENTICATE, { body: { credential }, token: partial })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expectEnvelope(r, r.status, r.status === 401 ? "PASSKEY_INVALID" : "TOO_MANY_PASSKEY_CHECKS");
    }
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore + 1);
  });

  it("refuses a sign counter that did not grow and records a possible cloned passkey", async () => {
    const { user, tokens, authenticator, passkey } = await withPasskey();
    const ok = await api(AUTHENTICATE, {
      body: { credential: authenticator.get(await requestOptions(OPTIONS, tokens.access), { counter: 5 }) },
      token: tokens.access,
    });
    expect(ok.status).toBe(200);
    for (const counter of [5, 3]) {
      const clone = authenticator.get(await requestOptions(OPTIONS, tokens.access), { counter });
      expectEnvelope(await api(AUTHENTICATE, { body: { credential: clone }, token: tokens.access }), 401, "PASSKEY_INVALID");
    }
    const events = await passkeyEvents(user.id, "passkey.possible_clone");
    expect(events.map((e) => JSON.parse(e.detail!))).toEqual([
      expect.objectContaining({ passkeyId: passkey.id, storedCounter: 5, receivedCounter: 5 }),
      expect.objectContaining({ passkeyId: passkey.id, storedCounter: 5, receivedCounter: 3 }),
    ]);
    expect((await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).counter).toBe(5n);
    // the real authenticator, further on, still works
    const next = authenticator.get(await requestOptions(OPTIONS, tokens.access), { counter: 6 });
    expect((await api(AUTHENTICATE, { body: { credential: next }, token: tokens.access })).status).toBe(200);
  });

  it("accepts an authenticator that keeps no counter (always 0)", async () => {
    const u = await passkeyUser();
    const noCounter = new SoftAuthenticator(baseUrl(), 0);
    const { passkey } = await addPasskey(noCounter, u.tokens);
    for (let i = 0; i < 2; i++) {
      const r = await api(AUTHENTICATE, {
        body: { credential: noCounter.get(await requestOptions(OPTIONS, u.tokens.access)) },
        token: u.tokens.access,
      });
      expect(r.status, r.text).toBe(200);
    }
    expect((await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).counter).toBe(0n);
    expect(await passkeyEvents(u.user.id, "passkey.possible_clone")).toHaveLength(0);
  });

  it("throttles failures per account (§5): 429 TOO_MANY_PASSKEY_CHECKS during the wait, next-guess tells it, a success resets", async () => {
    const { user, tokens, authenticator } = await withPasskey();
    const key = passkeyThrottleKey(user.id);
    await db.throttle.upsert({ where: { key }, create: { key, failures: 4 }, update: { failures: 4, blockedUntil: null } });
    const wrong = async () => authenticator.get(await requestOptions(OPTIONS, tokens.access), { badSignature: true });
    expectEnvelope(await api(AUTHENTICATE, { body: { credential: await wrong() }, token: tokens.access }), 401, "PASSKEY_INVALID");
    await expectWaitStarted(key, 5, 1);
    const throttled = await api(AUTHENTICATE, {
      body: { credential: authenticator.get(await requestOptions(OPTIONS, tokens.access)) },
      token: tokens.access,
    });
    await expectThrottled(throttled, "TOO_MANY_PASSKEY_CHECKS", key, 5);
    const next = await api("/user/2fa/passkey/next-guess", { token: tokens.partial });
    expect(next.status).toBe(200);
    expect(next.json.duration).toBeGreaterThanOrEqual(25);
    expect((await passkeyEvents(user.id, "throttle.triggered")).map((e) => JSON.parse(e.detail!))).toEqual([
      { factor: "passkey", failures: 5, during: "step-up" },
    ]);
    // the password is not throttled by it
    expectEnvelope(await api("/auth/login", { body: { username: user.email, password: user.password } }), 401, "2FA_REQUIRED");
    await endWait(key);
    const r = await api(AUTHENTICATE, {
      body: { credential: authenticator.get(await requestOptions(OPTIONS, tokens.access)) },
      token: tokens.access,
    });
    expect(r.status, r.text).toBe(200);
    expect((await db.throttle.findUniqueOrThrow({ where: { key } })).failures).toBe(0);
    expect((await api("/user/2fa/passkey/next-guess", { token: tokens.access })).json).toEqual({ duration: 0 });
    await expectTokenRule({ path: "/user/2fa/passkey/next-guess", method: "GET" }, tokens, ["access", "sudo", "partial"]);
  });

  it("answers 400 for malformed assertions: bad base64url, missing fields, huge fields", async () => {
    const { tokens, authenticator } = await withPasskey();
    const good = authenticator.get(await requestOptions(OPTIONS, tokens.access)) as Record<string, unknown> & {
      response: Record<string, unknown>;
    };
    const bad: [unknown, string][] = [
      [{}, "credential"],
      [{ credential: [] }, "credential"],
      [{ credential: { ...good, response: { ...good.response, signature: "not base64!" } } }, "credential.response.signature"],
      [{ credential: { ...good, response: { ...good.response, signature: undefined } } }, "credential.response.signature"],
      [
        { credential: { ...good, response: { ...good.response, authenticatorData: "A".repeat(5000) } } },
        "credential.response.authenticatorData",
      ],
      [{ credential: { ...good, response: { ...good.response, userHandle: "A".repeat(200) } } }, "credential.response.userHandle"],
      [{ credential: { ...good, rawId: 12 } }, "credential.rawId"],
    ];
    for (const [body, field] of bad) {
      const r = await api(AUTHENTICATE, { body, token: tokens.access });
      expect([r.status, r.json?.field], JSON.stringify(body).slice(0, 120)).toEqual([400, field]);
      expectEnvelope(r, 400, r.json.message);
    }
    // rawId differing from id, or clientDataJSON that is no JSON: answers that do not check out
    expectEnvelope(
      await api(AUTHENTICATE, { body: { credential: { ...good, rawId: "AAAA" } }, token: tokens.access }),
      401,
      "PASSKEY_INVALID",
    );
    const noJson = { ...good, response: { ...good.response, clientDataJSON: "AAAA" } };
    expectEnvelope(await api(AUTHENTICATE, { body: { credential: noJson }, token: tokens.access }), 401, "PASSKEY_INVALID");
  });
});

/** A well-formed assertion nobody signed, for calls refused before any check. */
function sampleCredential() {
  const b = (s: string) => Buffer.from(s).toString("base64url");
  return {
    id: "AAAA",
    rawId: "AAAA",
    type: "public-key",
    response: { clientDataJSON: b("{}"), authenticatorData: b("x"), signature: b("y") },
    clientExtensionResults: {},
  };
}
