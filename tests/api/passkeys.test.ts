import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listMailConfigurations } from "@/lib/mail";
import { api, baseUrl, expectEnvelope, mailTo } from "../helpers";
import { SoftAuthenticator } from "./passkey-authenticator";
import { addPasskey, authenticatorOnApp, passkeyEvents, passkeyUser, registerWith, registrationOptions } from "./passkey-helpers";
import { enableTotpViaApi, expectTokenRule, mailCount } from "./two-factor-helpers";

// docs/api.md §9: registration, the list, renaming and removing, and what a passkey changes in
// the account's 2FA state. The 2FA step is tests/api/passkeys-authenticate.test.ts, the
// passwordless sign-in tests/api/passkeys-sign-in.test.ts.

const rpId = () => new URL(baseUrl()).hostname;
const challengeRow = (userId: number, purpose: string) =>
  db.passkeyChallenge.findFirstOrThrow({ where: { userId, purpose }, orderBy: { createdAt: "desc" } });

describe("POST /user/2fa/passkey/register/options", () => {
  it("answers creation options: RP, user handle, ES256/EdDSA/RS256, none attestation, preferred resident key and UV", async () => {
    const { user, tokens } = await passkeyUser();
    const r = await api("/user/2fa/passkey/register/options", { method: "POST", token: tokens.access });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const o = r.json;
    expect(o.rp).toEqual({ id: rpId(), name: "Gatehouse" });
    expect(o.user).toMatchObject({ name: user.email, displayName: user.email });
    expect(Buffer.from(o.user.id, "base64url")).toHaveLength(32);
    expect(Buffer.from(o.user.id, "base64url").toString("utf8")).not.toBe(String(user.id)); // opaque, not the account id
    expect(o.pubKeyCredParams.map((p: { alg: number }) => p.alg)).toEqual([-7, -8, -257]);
    expect(o.attestation).toBe("none");
    expect(o.authenticatorSelection).toMatchObject({ residentKey: "preferred", userVerification: "preferred" });
    expect(o.excludeCredentials).toEqual([]);
    expect(o.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(o.challenge, "base64url")).toHaveLength(32);
    // stored as a hash only, bound to the account, for 5 minutes
    const row = await challengeRow(user.id, "register");
    expect(row.id).not.toContain(o.challenge);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(299_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThan(301_000);
    // a second call, a second challenge; the same user handle
    const again = (await api("/api/user/2fa/passkey/register/options", { body: {}, token: tokens.access })).json;
    expect(again.challenge).not.toBe(o.challenge);
    expect(again.user.id).toBe(o.user.id);
  });

  it("lists the account's passkeys in excludeCredentials", async () => {
    const { tokens, authenticator } = await passkeyUser();
    await addPasskey(authenticator, tokens);
    const options = await registrationOptions(tokens.sudo);
    expect(options.excludeCredentials).toEqual([
      { id: authenticator.credentials[0].id, type: "public-key", transports: ["internal", "hybrid"] },
    ]);
  });

  it("is S/A¬2FA: access without 2FA, sudo always; access once a passkey is active, refresh and partial never", async () => {
    const { tokens, authenticator } = await passkeyUser();
    await expectTokenRule({ path: "/user/2fa/passkey/register/options", method: "POST", body: {} }, tokens, ["access", "sudo"]);
    await addPasskey(authenticator, tokens);
    await expectTokenRule({ path: "/user/2fa/passkey/register/options", method: "POST", body: {} }, tokens, ["sudo"]);
  });
});

describe("POST /user/2fa/passkey/register", () => {
  it("adds the passkey; the first second factor brings 10 recovery codes, an event and a notice", async () => {
    const { user, tokens, authenticator } = await passkeyUser();
    const r = await registerWith(authenticator, tokens, { name: "Work laptop" });
    expect(r.status, r.text).toBe(200);
    expect(r.json.passkey).toEqual({ id: expect.any(String), name: "Work laptop", createdAt: expect.any(String), lastUsedAt: null });
    expect(r.json.recoveryCodes).toHaveLength(10);
    for (const code of r.json.recoveryCodes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    const stored = await db.passkey.findUniqueOrThrow({ where: { id: r.json.passkey.id } });
    expect(stored).toMatchObject({ userId: user.id, credentialId: authenticator.credentials[0].id, counter: 0n, name: "Work laptop" });
    expect(JSON.parse(stored.transports!)).toEqual(["internal", "hybrid"]);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    const [event] = await passkeyEvents(user.id, "passkey.added");
    expect(JSON.parse(event.detail!)).toMatchObject({ passkeyId: r.json.passkey.id, name: "Work laptop", recoveryCodesIssued: true });
    const mail = await mailTo(user.email, "passkey-added");
    expect(mail.text).toContain("Work laptop");
    // the challenge is used up
    expect((await challengeRow(user.id, "register")).usedAt).not.toBeNull();
  });

  it("keeps the codes an account has: a second passkey, or a passkey beside TOTP, brings none", async () => {
    const { user, tokens, authenticator } = await passkeyUser();
    const { recoveryCodes } = await enableTotpViaApi(user.id, tokens);
    const before = await db.recoveryCode.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    const first = await addPasskey(authenticator, tokens, { optionsToken: tokens.sudo });
    expect(first.recoveryCodes).toBeUndefined();
    expect(first.passkey.name).toBe("Passkey 1");
    const second = await addPasskey(authenticatorOnApp(), tokens, { optionsToken: tokens.sudo });
    expect(second.recoveryCodes).toBeUndefined();
    expect(second.passkey.name).toBe("Passkey 2");
    expect(await db.recoveryCode.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } })).toEqual(before);
    // the old codes still work
    expect(
      (await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: recoveryCodes[0] }, token: tokens.access })).status,
    ).toBe(200);
  });

  it("answers new codes when every code of the account was used", async () => {
    const { user, tokens, authenticator } = await passkeyUser();
    await addPasskey(authenticator, tokens);
    await db.recoveryCode.updateMany({ where: { userId: user.id }, data: { usedAt: new Date() } });
    const second = await addPasskey(authenticatorOnApp(), tokens, { optionsToken: tokens.sudo });
    expect(second.recoveryCodes).toHaveLength(10);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
  });

  it("answers 409 PASSKEY_ALREADY_REGISTERED for a credential registered already, on this account or another", async () => {
    const { tokens, authenticator } = await passkeyUser();
    await addPasskey(authenticator, tokens);
    const held = authenticator.credentials[0];
    // an authenticator that ignores excludeCredentials answers with the key it already holds
    const again = authenticator.create((await registrationOptions(tokens.sudo)) as never, { reuse: held });
    expectEnvelope(
      await api("/user/2fa/passkey/register", { body: { credential: again }, token: tokens.access }),
      409,
      "PASSKEY_ALREADY_REGISTERED",
    );
    const other = await passkeyUser();
    const theirs = authenticator.create((await registrationOptions(other.tokens.access)) as never, { reuse: held });
    expectEnvelope(
      await api("/user/2fa/passkey/register", { body: { credential: theirs }, token: other.tokens.access }),
      409,
      "PASSKEY_ALREADY_REGISTERED",
    );
    expect(await db.passkey.count({ where: { credentialId: held.id } })).toBe(1);
    expect(await db.passkey.count({ where: { userId: other.user.id } })).toBe(0);
  });

  it("answers 409 PASSKEY_CHALLENGE_EXPIRED for an expired or used challenge", async () => {
    const { user, tokens, authenticator } = await passkeyUser();
    const options = await registrationOptions(tokens.access);
    await db.passkeyChallenge.updateMany({
      where: { userId: user.id, purpose: "register" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expectEnvelope(
      await api("/user/2fa/passkey/register", { body: { credential: authenticator.create(options as never) }, token: tokens.access }),
      409,
      "PASSKEY_CHALLENGE_EXPIRED",
    );
    const fresh = await registrationOptions(tokens.access);
    const credential = authenticator.create(fresh as never);
    expect((await api("/user/2fa/passkey/register", { body: { credential }, token: tokens.access })).status).toBe(200);
    expectEnvelope(
      await api("/user/2fa/passkey/register", { body: { credential }, token: tokens.access }),
      409,
      "PASSKEY_CHALLENGE_EXPIRED",
    );
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers 401 PASSKEY_INVALID for a wrong origin, RP id, challenge, type or missing user presence; nothing is stored", async () => {
    const { user, tokens } = await passkeyUser();
    const other = await passkeyUser();
    const cases: [string, (options: Record<string, unknown>) => Promise<unknown> | unknown][] = [
      ["another origin", (o) => new SoftAuthenticator("https://evil.example").create(o as never, { rpId: rpId() })],
      ["another RP id", (o) => authenticatorOnApp().create(o as never, { rpId: "evil.example" })],
      [
        "a challenge never issued",
        (o) => authenticatorOnApp().create(o as never, { challenge: Buffer.alloc(32, 7).toString("base64url") }),
      ],
      ["no user presence", (o) => authenticatorOnApp().create(o as never, { up: false })],
      ["another account's challenge", async () => authenticatorOnApp().create((await registrationOptions(other.tokens.access)) as never)],
    ];
    for (const [what, make] of cases) {
      const options = await registrationOptions(tokens.access);
      const credential = await make(options);
      const r = await api("/user/2fa/passkey/register", { body: { credential }, token: tokens.access });
      expect([r.status, r.json?.message], what).toEqual([401, "PASSKEY_INVALID"]);
    }
    // without user verification it is still a passkey: "preferred" at registration
    const options = await registrationOptions(tokens.access);
    const noUv = authenticatorOnApp().create(options as never, { uv: false });
    expect((await api("/user/2fa/passkey/register", { body: { credential: noUv }, token: tokens.access })).status).toBe(200);
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers 400 in the envelope for malformed credentials, never 500", async () => {
    const { user, tokens, authenticator } = await passkeyUser();
    const options = await registrationOptions(tokens.access);
    const good = authenticator.create(options as never) as Record<string, unknown> & { response: Record<string, unknown> };
    const bad: [string, unknown, string][] = [
      ["no credential", {}, "credential"],
      ["credential a string", { credential: "x" }, "credential"],
      ["id not base64url", { credential: { ...good, id: "a+b/c=" } }, "credential.id"],
      ["id of 4n+1 characters", { credential: { ...good, id: "AAAAA" } }, "credential.id"],
      [
        "huge attestation",
        { credential: { ...good, response: { ...good.response, attestationObject: "A".repeat(20_000) } } },
        "credential.response.attestationObject",
      ],
      ["wrong type", { credential: { ...good, type: "password" } }, "credential.type"],
      [
        "transports not an array",
        { credential: { ...good, response: { ...good.response, transports: "usb" } } },
        "credential.response.transports",
      ],
      ["name too long", { credential: good, name: "n".repeat(65) }, "name"],
      ["name with a newline", { credential: good, name: "a\nb" }, "name"],
      ["blank name", { credential: good, name: "   " }, "name"],
    ];
    for (const [what, body, field] of bad) {
      const r = await api("/user/2fa/passkey/register", { body, token: tokens.access });
      expect(r.status, `${what}: ${r.text}`).toBe(400);
      expect(r.json.field, what).toBe(field);
      expectEnvelope(r, 400, r.json.message);
    }
    // well-formed base64url that is no CBOR, no JSON: an answer that does not check out
    const garbage = { ...good, response: { ...good.response, attestationObject: "AAAA", clientDataJSON: "AAAA" } };
    expectEnvelope(
      await api("/user/2fa/passkey/register", { body: { credential: garbage }, token: tokens.access }),
      401,
      "PASSKEY_INVALID",
    );
    const noJson = { ...good, response: { ...good.response, attestationObject: "AAAA" } };
    expectEnvelope(await api("/user/2fa/passkey/register", { body: { credential: noJson }, token: tokens.access }), 401, "PASSKEY_INVALID");
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("takes an access token, not a partial or refresh token", async () => {
    const { tokens } = await passkeyUser();
    await expectTokenRule({ path: "/user/2fa/passkey/register", method: "POST", body: {} }, tokens, ["access", "sudo"]);
  });
});

describe("GET /user/2fa/passkeys, PUT and DELETE /user/2fa/passkeys/{id}", () => {
  it("lists the passkeys oldest first, for an access or a partial token", async () => {
    const { tokens, authenticator } = await passkeyUser();
    expect((await api("/user/2fa/passkeys", { token: tokens.access })).json).toEqual([]);
    const a = await addPasskey(authenticator, tokens, { name: "Phone" });
    const b = await addPasskey(authenticatorOnApp(), tokens, { name: "Key", optionsToken: tokens.sudo });
    const list = await api("/user/2fa/passkeys", { token: tokens.partial });
    expect(list.status).toBe(200);
    expect(list.json.map((p: { id: string; name: string }) => [p.id, p.name])).toEqual([
      [a.passkey.id, "Phone"],
      [b.passkey.id, "Key"],
    ]);
    expect(Object.keys(list.json[0]).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name"]);
    await expectTokenRule({ path: "/user/2fa/passkeys", method: "GET" }, tokens, ["access", "sudo", "partial"]);
  });

  it("renames with an access token: an event and a notice; 404 for another account's or an unknown id", async () => {
    const { user, tokens, authenticator } = await passkeyUser();
    const { passkey } = await addPasskey(authenticator, tokens, { name: "Old name" });
    const r = await api(`/user/2fa/passkeys/${passkey.id}?language=nl`, {
      method: "PUT",
      body: { name: "New name" },
      token: tokens.access,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toBeNull();
    expect((await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).name).toBe("New name");
    const [event] = await passkeyEvents(user.id, "passkey.renamed");
    expect(JSON.parse(event.detail!)).toEqual({ passkeyId: passkey.id, from: "Old name", to: "New name" });
    const mail = await mailTo(user.email, "passkey-renamed");
    expect(mail.language).toBe("nl");
    expect(mail.text).toContain("Old name");
    expect(mail.text).toContain("New name");
    // the same name again changes nothing and tells nobody
    expect(
      (await api(`/user/2fa/passkeys/${passkey.id}`, { method: "PUT", body: { name: "New name" }, token: tokens.access })).status,
    ).toBe(200);
    expect(await mailCount(user.email, "passkey-renamed")).toBe(1);

    const other = await passkeyUser();
    expectEnvelope(
      await api(`/user/2fa/passkeys/${passkey.id}`, { method: "PUT", body: { name: "Mine" }, token: other.tokens.access }),
      404,
      "PASSKEY_NOT_FOUND",
    );
    expectEnvelope(
      await api("/user/2fa/passkeys/no-such-id", { method: "PUT", body: { name: "x" }, token: tokens.access }),
      404,
      "PASSKEY_NOT_FOUND",
    );
    expectEnvelope(
      await api(`/user/2fa/passkeys/${passkey.id}`, { method: "PUT", body: { name: "" }, token: tokens.access }),
      400,
      "name must not be empty",
    );
    await expectTokenRule({ path: `/user/2fa/passkeys/${passkey.id}`, method: "PUT", body: { name: "x" } }, tokens, ["access", "sudo"]);
  });

  it("removes with a sudo token; the last second factor gone turns 2FA off and deletes the recovery codes", async () => {
    const { user, tokens, authenticator } = await passkeyUser();
    const a = await addPasskey(authenticator, tokens, { name: "A" });
    const b = await addPasskey(authenticatorOnApp(), tokens, { name: "B", optionsToken: tokens.sudo });
    await expectTokenRule({ path: "/user/2fa/passkeys/absent", method: "DELETE" }, tokens, ["sudo"]);
    // not the last: 2FA stays on, codes stay
    expect((await api(`/user/2fa/passkeys/${a.passkey.id}`, { method: "DELETE", token: tokens.sudo })).status).toBe(200);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    expect((await api("/user/2fa", { token: tokens.access })).json).toMatchObject({ enabled: true, passkeys: { count: 1 } });
    expect(JSON.parse((await passkeyEvents(user.id, "passkey.removed"))[0].detail!)).toMatchObject({ name: "A", twoFactorEnabled: true });
    expect((await mailTo(user.email, "passkey-removed")).text).toContain("A");
    expectEnvelope(await api(`/user/2fa/passkeys/${a.passkey.id}`, { method: "DELETE", token: tokens.sudo }), 404, "PASSKEY_NOT_FOUND");
    // the last
    expect((await api(`/user/2fa/passkeys/${b.passkey.id}`, { method: "DELETE", token: tokens.sudo })).status).toBe(200);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await api("/user/2fa", { token: tokens.access })).json).toEqual({ enabled: false });
    expect((await api("/auth/login", { body: { username: user.email, password: user.password } })).status).toBe(200);
    const events = await db.securityEvent.findMany({ where: { userId: user.id, kind: "passkey.removed" }, orderBy: { createdAt: "asc" } });
    expect(JSON.parse(events[1].detail!)).toMatchObject({ name: "B", twoFactorEnabled: false });
  });

  it("keeps 2FA and the codes when another factor is still active", async () => {
    const { user, tokens, authenticator } = await passkeyUser();
    await enableTotpViaApi(user.id, tokens);
    const { passkey } = await addPasskey(authenticator, tokens, { optionsToken: tokens.sudo });
    expect((await api(`/user/2fa/passkeys/${passkey.id}`, { method: "DELETE", token: tokens.sudo })).status).toBe(200);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    expect((await api("/user/2fa", { token: tokens.access })).json).toMatchObject({ enabled: true, totp: expect.any(Object) });
  });

  it("removing the last two passkeys at once leaves no recovery codes behind", async () => {
    const { user, tokens, authenticator } = await passkeyUser();
    const a = await addPasskey(authenticator, tokens);
    const b = await addPasskey(authenticatorOnApp(), tokens, { optionsToken: tokens.sudo });
    const results = await Promise.all(
      [a, b].map(({ passkey }) => api(`/user/2fa/passkeys/${passkey.id}`, { method: "DELETE", token: tokens.sudo })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("what a passkey changes in the account's 2FA state", () => {
  it("GET /user/2fa shows passkeys { count, completedAt }; enabled; the login owes a second factor with methods passkey and recoveryCode", async () => {
    const { user, tokens, authenticator } = await passkeyUser();
    const { passkey } = await addPasskey(authenticator, tokens);
    await addPasskey(authenticatorOnApp(), tokens, { optionsToken: tokens.sudo });
    const status = (await api("/user/2fa", { token: tokens.partial })).json;
    expect(status).toEqual({
      enabled: true,
      passkeys: { count: 2, completedAt: (await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).createdAt.toISOString() },
      recoveryCodes: { completedAt: expect.any(String), remaining: 10 },
    });
    const login = await api("/auth/login", { body: { username: user.email, password: user.password } });
    expectEnvelope(login, 401, "2FA_REQUIRED");
    expect(login.json.methods).toEqual(["passkey", "recoveryCode"]);
    // and recovery codes can be reset now (an active method exists)
    expect((await api("/user/2fa/recovery-code/reset", { body: {}, token: tokens.sudo })).status).toBe(200);
  });
});

describe("GET /.well-known/webauthn", () => {
  it("lists APP_URL's origin and every brand portal's origin, at /.well-known and /api/.well-known", async () => {
    const expected = [...new Set([new URL(baseUrl()).origin, ...listMailConfigurations().map((b) => new URL(b.portalUrl).origin)])];
    for (const path of ["/.well-known/webauthn", "/api/.well-known/webauthn"]) {
      const r = await api(path);
      expect(r.status, path).toBe(200);
      expect(r.json).toEqual({ origins: expected });
    }
    expect(expected).toContain("https://portal.sofar.example");
  });

  it("registers from a brand's portal origin too", async () => {
    const { tokens } = await passkeyUser();
    const options = await registrationOptions(tokens.access);
    const portal = new SoftAuthenticator("https://portal.sofar.example");
    const credential = portal.create(options as never);
    expect((await api("/user/2fa/passkey/register", { body: { credential }, token: tokens.access })).status).toBe(200);
  });
});
