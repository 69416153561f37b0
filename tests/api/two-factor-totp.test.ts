import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveMailConfiguration } from "@/lib/mail";
import { api, expectEnvelope } from "../helpers";
import {
  awayFromStepBoundary,
  currentStep,
  enableTotpViaApi,
  endWait,
  events,
  expectThrottled,
  expectTokenRule,
  expectWaitStarted,
  lastMail,
  secretFromUrl,
  totpAt,
  usableTotp,
  userWithTokens,
  wrongTotp,
} from "./two-factor-helpers";

// docs/api.md §4 #2–#6 and §5 "TOTP".

describe("POST /user/2fa/totp/setup (#2)", () => {
  it("answers the otpauth URL with a pending 160-bit secret, stored encrypted", async () => {
    const { user, tokens } = await userWithTokens();
    const r = await api("/user/2fa/totp/setup", { method: "POST", token: tokens.access });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const issuer = encodeURIComponent(resolveMailConfiguration().displayName);
    const email = encodeURIComponent(user.email);
    expect(r.json.url).toMatch(
      new RegExp(`^otpauth://totp/${issuer}:${email}\\?secret=[A-Z2-7]{32}&issuer=${issuer}&algorithm=SHA1&digits=6&period=30$`),
    );
    const secret = secretFromUrl(r.json.url);
    const factor = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(factor.activatedAt).toBeNull();
    expect(factor.secretEnc).toBeNull();
    expect(factor.pendingSecretEnc).toBeTruthy();
    expect(factor.pendingSecretEnc).not.toContain(secret);
    // pending is not active: login needs no second factor yet
    expect((await api("/user/2fa", { token: tokens.access })).json).toEqual({ enabled: false });
  });

  it("accepts an empty body, {} and /api; a new setup replaces the pending secret", async () => {
    const { tokens } = await userWithTokens();
    const a = await api("/api/user/2fa/totp/setup", { method: "POST", token: tokens.access });
    const b = await api("/user/2fa/totp/setup", { body: {}, token: tokens.access });
    const c = await api("/user/2fa/totp/setup", { body: { extra: 1 }, token: tokens.access });
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(new Set([a, b, c].map((r) => secretFromUrl(r.json.url))).size).toBe(3);
  });

  it("names the brand of a known origin as issuer and falls back to the default for an unknown one", async () => {
    const { tokens } = await userWithTokens();
    const known = await api("/user/2fa/totp/setup?origin=gatehouse", { method: "POST", token: tokens.access });
    expect(new URL(known.json.url).searchParams.get("issuer")).toBe(resolveMailConfiguration("gatehouse").displayName);
    const unknown = await api("/user/2fa/totp/setup?origin=no-such-brand-x", { method: "POST", token: tokens.access });
    expect(new URL(unknown.json.url).searchParams.get("issuer")).toBe(resolveMailConfiguration().displayName);
  });

  it("is S/A¬2FA: access without 2FA, sudo always; access with 2FA, refresh and partial never", async () => {
    const { user, tokens } = await userWithTokens();
    await expectTokenRule({ path: "/user/2fa/totp/setup", method: "POST" }, tokens, ["access", "sudo"]);
    await enableTotpViaApi(user.id, tokens);
    await expectTokenRule({ path: "/user/2fa/totp/setup", method: "POST" }, tokens, ["sudo"]);
  });

  it("answers 400 for a body that is not JSON or not an object, and for a bad mail query", async () => {
    const { tokens } = await userWithTokens();
    expectEnvelope(await api("/user/2fa/totp/setup", { body: "{", token: tokens.access }), 400, "body is not valid JSON");
    expectEnvelope(await api("/user/2fa/totp/setup", { body: "[]", token: tokens.access }), 400, "body must be of type object");
    expectEnvelope(
      await api("/user/2fa/totp/setup?language=eng", { body: {}, token: tokens.access }),
      400,
      "language must be exactly 2 characters (ISO 639-1)",
    );
  });
});

describe("POST /user/2fa/totp/enable (#3)", () => {
  it("activates the pending secret with a right code and answers 10 recovery codes; event and notice", async () => {
    const { user, tokens } = await userWithTokens();
    const setup = await api("/user/2fa/totp/setup", { method: "POST", token: tokens.access });
    const secret = secretFromUrl(setup.json.url);
    await awayFromStepBoundary();
    const r = await api("/user/2fa/totp/enable", { body: { totp: await totpAt(secret) }, token: tokens.access });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(r.json)).toEqual(["recoveryCodes"]);
    expect(r.json.recoveryCodes).toHaveLength(10);
    for (const code of r.json.recoveryCodes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(new Set(r.json.recoveryCodes).size).toBe(10);

    const factor = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(factor.activatedAt).not.toBeNull();
    expect(factor.pendingSecretEnc).toBeNull();
    expect(factor.lastUsedStep).toBeGreaterThanOrEqual(currentStep() - 1);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(row.codeHash).toMatch(/^\$argon2id\$/);

    expect(await events(user.id, "totp.enabled")).toHaveLength(1);
    const notice = await lastMail(user.email, "2fa-method-added");
    expect(notice).not.toBeNull();
    expect(notice!.text).toMatch(/totp|authenticator/i);
    const status = await api("/user/2fa", { token: tokens.access });
    expect(status.json.enabled).toBe(true);
    expect(status.json.totp.completedAt).toBe(factor.activatedAt!.toISOString());
  });

  it("answers TOTP_INCORRECT for a wrong code and TOTP_UNINITIALIZED without a pending secret", async () => {
    const { tokens } = await userWithTokens();
    expectEnvelope(await api("/user/2fa/totp/enable", { body: { totp: "123456" }, token: tokens.access }), 409, "TOTP_UNINITIALIZED");
    const setup = await api("/user/2fa/totp/setup", { method: "POST", token: tokens.access });
    const secret = secretFromUrl(setup.json.url);
    expectEnvelope(
      await api("/user/2fa/totp/enable", { body: { totp: await wrongTotp(secret) }, token: tokens.access }),
      401,
      "TOTP_INCORRECT",
    );
    expectEnvelope(await api("/user/2fa/totp/enable", { body: { totp: "abcdef" }, token: tokens.access }), 401, "TOTP_INCORRECT");
    // once activated there is no pending secret left
    await awayFromStepBoundary();
    expect((await api("/user/2fa/totp/enable", { body: { totp: await totpAt(secret) }, token: tokens.access })).status).toBe(200);
    expectEnvelope(
      await api("/user/2fa/totp/enable", { body: { totp: await totpAt(secret, 1) }, token: tokens.access }),
      409,
      "TOTP_UNINITIALIZED",
    );
  });

  it("throttles wrong codes (429 TOO_MANY_TOTP_CHECKS with retryAfter) and answers TOTP_CORRUPT for an undecryptable secret", async () => {
    const { user, tokens } = await userWithTokens();
    const setup = await api("/user/2fa/totp/setup", { method: "POST", token: tokens.access });
    const wrong = await wrongTotp(secretFromUrl(setup.json.url));
    for (let i = 0; i < 5; i++)
      expectEnvelope(await api("/user/2fa/totp/enable", { body: { totp: wrong }, token: tokens.access }), 401, "TOTP_INCORRECT");
    await expectWaitStarted(`totp:${user.id}`, 5, 1);
    const r = await api("/user/2fa/totp/enable", { body: { totp: wrong }, token: tokens.access });
    await expectThrottled(r, "TOO_MANY_TOTP_CHECKS", `totp:${user.id}`, 5);
    expect(await events(user.id, "throttle.triggered")).toHaveLength(1);

    await db.totpFactor.update({ where: { userId: user.id }, data: { pendingSecretEnc: "v1.AAAA.BBBB.CCCC" } });
    expectEnvelope(await api("/user/2fa/totp/enable", { body: { totp: "123456" }, token: tokens.access }), 500, "TOTP_CORRUPT");
  });

  it("takes access or sudo tokens only", async () => {
    const { tokens } = await userWithTokens();
    await expectTokenRule({ path: "/user/2fa/totp/enable", method: "POST", body: { totp: "123456" } }, tokens, ["access", "sudo"]);
  });

  it.each([
    ["not JSON", "{totp", "body is not valid JSON"],
    ["an empty body", "", "body is required: send a JSON object"],
    ["a missing field", "{}", "totp is required"],
    ["a number", JSON.stringify({ totp: 123456 }), "totp must be of type string"],
    ["5 characters", JSON.stringify({ totp: "12345" }), "totp must be exactly 6 characters"],
    ["7 characters", JSON.stringify({ totp: "1234567" }), "totp must be exactly 6 characters"],
  ])("answers 400 for %s", async (_, body, message) => {
    const { tokens } = await userWithTokens();
    expectEnvelope(
      await api("/user/2fa/totp/enable", { body, token: tokens.access, headers: { "Content-Type": "application/json" } }),
      400,
      message,
    );
  });
});

describe("POST /user/2fa/totp/authenticate (#4)", () => {
  it("answers a sudo token for the same session with an access token; a step is accepted once", async () => {
    const { user, tokens, sessionId } = await userWithTokens();
    const { secret } = await enableTotpViaApi(user.id, tokens);
    const code = await usableTotp(user.id, secret);
    const r = await api("/user/2fa/totp/authenticate", { body: { totp: code }, token: tokens.access });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(r.json)).toEqual(["sudoToken"]);
    const payload = JSON.parse(Buffer.from(r.json.sudoToken.split(".")[1], "base64url").toString());
    expect(payload).toMatchObject({ kind: "sudo", sid: sessionId, sub: String(user.id) });
    // the sudo token works on an S endpoint
    expect((await api("/user/2fa/recovery-code/reset", { method: "POST", token: r.json.sudoToken })).status).toBe(200);
    // replay of the same code (same time step) fails
    expectEnvelope(await api("/user/2fa/totp/authenticate", { body: { totp: code }, token: tokens.access }), 401, "TOTP_INCORRECT");
  });

  it("accepts ±1 step, not ±2, and never an earlier step than one already used", async () => {
    const { user, tokens } = await userWithTokens();
    const { secret } = await enableTotpViaApi(user.id, tokens);
    await db.totpFactor.update({ where: { userId: user.id }, data: { lastUsedStep: 0 } });
    await awayFromStepBoundary();
    const [minus2, minus1, plus1, plus2] = await Promise.all([-2, -1, 1, 2].map((o) => totpAt(secret, o)));
    const auth = (totp: string) => api("/user/2fa/totp/authenticate", { body: { totp }, token: tokens.access });
    expectEnvelope(await auth(minus2), 401, "TOTP_INCORRECT");
    expectEnvelope(await auth(plus2), 401, "TOTP_INCORRECT");
    expect((await auth(minus1)).status).toBe(200);
    expect((await auth(plus1)).status).toBe(200);
    // step +1 is used: the current step (earlier) is refused now
    expectEnvelope(await auth(await totpAt(secret, 0)), 401, "TOTP_INCORRECT");
  });

  it("answers TOTP_UNINITIALIZED without an active TOTP (a pending one does not count)", async () => {
    const { tokens } = await userWithTokens();
    expectEnvelope(await api("/user/2fa/totp/authenticate", { body: { totp: "123456" }, token: tokens.access }), 409, "TOTP_UNINITIALIZED");
    const setup = await api("/user/2fa/totp/setup", { method: "POST", token: tokens.access });
    const pending = secretFromUrl(setup.json.url);
    expectEnvelope(
      await api("/user/2fa/totp/authenticate", { body: { totp: await totpAt(pending) }, token: tokens.access }),
      409,
      "TOTP_UNINITIALIZED",
    );
  });

  it("keeps the active secret working while a new one is pending, and switches on enable", async () => {
    const { user, tokens } = await userWithTokens();
    const { secret: oldSecret } = await enableTotpViaApi(user.id, tokens);
    const setup = await api("/user/2fa/totp/setup", { method: "POST", token: tokens.sudo });
    expect(setup.status).toBe(200);
    const newSecret = secretFromUrl(setup.json.url);
    expect(
      (await api("/user/2fa/totp/authenticate", { body: { totp: await usableTotp(user.id, oldSecret) }, token: tokens.access })).status,
    ).toBe(200);
    await awayFromStepBoundary();
    const enable = await api("/user/2fa/totp/enable", { body: { totp: await totpAt(newSecret) }, token: tokens.access });
    expect(enable.status).toBe(200);
    await db.totpFactor.update({ where: { userId: user.id }, data: { lastUsedStep: 0 } });
    await awayFromStepBoundary();
    expectEnvelope(
      await api("/user/2fa/totp/authenticate", { body: { totp: await totpAt(oldSecret) }, token: tokens.access }),
      401,
      "TOTP_INCORRECT",
    );
    expect((await api("/user/2fa/totp/authenticate", { body: { totp: await totpAt(newSecret) }, token: tokens.access })).status).toBe(200);
  });

  it("accepts the same valid code exactly once under 10 concurrent requests", async () => {
    const { user, tokens } = await userWithTokens();
    const { secret } = await enableTotpViaApi(user.id, tokens);
    const code = await usableTotp(user.id, secret);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api("/user/2fa/totp/authenticate", { body: { totp: code }, token: tokens.partial })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) expect([401, 429]).toContain(r.status);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2); // the original + exactly one new login
  });

  it("checks exactly 5 of 20 concurrent wrong codes, the rest wait (429) without counting", async () => {
    const { user, tokens } = await userWithTokens();
    const { secret } = await enableTotpViaApi(user.id, tokens);
    const wrong = await wrongTotp(secret);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api("/user/2fa/totp/authenticate", { body: { totp: wrong }, token: tokens.partial })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    for (const r of results) expectEnvelope(r, r.status, r.status === 401 ? "TOTP_INCORRECT" : "TOO_MANY_TOTP_CHECKS");
    expect((await db.throttle.findUniqueOrThrow({ where: { key: `totp:${user.id}` } })).failures).toBe(5);
  });

  it("doubles the wait, a right code after the wait resets it, and the counter is separate from the password's", async () => {
    const { user, tokens } = await userWithTokens();
    const { secret } = await enableTotpViaApi(user.id, tokens);
    await db.throttle.upsert({
      where: { key: `totp:${user.id}` },
      create: { key: `totp:${user.id}`, failures: 7 },
      update: { failures: 7, blockedUntil: null },
    });
    expectEnvelope(
      await api("/user/2fa/totp/authenticate", { body: { totp: await wrongTotp(secret) }, token: tokens.access }),
      401,
      "TOTP_INCORRECT",
    );
    const waiting = await api("/user/2fa/totp/authenticate", { body: { totp: await usableTotp(user.id, secret) }, token: tokens.access });
    expectEnvelope(waiting, 429, "TOO_MANY_TOTP_CHECKS");
    expect(waiting.json.retryAfter).toBeGreaterThanOrEqual(6); // failure 8 → 2^3 s (minus the time the test took)
    expect(waiting.json.retryAfter).toBeLessThanOrEqual(8);
    await expectWaitStarted(`totp:${user.id}`, 8, 8);
    const next = await api("/user/2fa/totp/next-guess", { token: tokens.partial });
    expect(next.json.duration).toBeGreaterThanOrEqual(25);
    expect(next.json.duration).toBeLessThanOrEqual(30);
    // the password throttle is untouched: login still works
    expectEnvelope(await api("/auth/login", { body: { username: user.email, password: user.password } }), 401, "2FA_REQUIRED");

    await endWait(`totp:${user.id}`);
    expect(
      (await api("/user/2fa/totp/authenticate", { body: { totp: await usableTotp(user.id, secret) }, token: tokens.access })).status,
    ).toBe(200);
    expect((await db.throttle.findUniqueOrThrow({ where: { key: `totp:${user.id}` } })).failures).toBe(0);
    expect((await api("/user/2fa/totp/next-guess", { token: tokens.access })).json).toEqual({ duration: 0 });
  });

  it("answers TOTP_CORRUPT for an undecryptable active secret", async () => {
    const { user, tokens } = await userWithTokens();
    await enableTotpViaApi(user.id, tokens);
    await db.totpFactor.update({ where: { userId: user.id }, data: { secretEnc: "v1.AAAA.BBBB.CCCC" } });
    expectEnvelope(await api("/user/2fa/totp/authenticate", { body: { totp: "123456" }, token: tokens.access }), 500, "TOTP_CORRUPT");
  });

  it("takes access, sudo and partial tokens, never refresh", async () => {
    const { tokens } = await userWithTokens();
    await expectTokenRule({ path: "/user/2fa/totp/authenticate", method: "POST", body: { totp: "123456" } }, tokens, [
      "access",
      "sudo",
      "partial",
    ]);
  });

  it.each([
    ["a missing field", { other: 1 }, "totp is required"],
    ["null", { totp: null }, "totp must be of type string"],
    ["an overlong code", { totp: "1234567" }, "totp must be exactly 6 characters"],
  ])("answers 400 for %s", async (_, body, message) => {
    const { tokens } = await userWithTokens();
    expectEnvelope(await api("/user/2fa/totp/authenticate", { body, token: tokens.partial }), 400, message);
  });
});

describe("GET /user/2fa/totp/next-guess (#5)", () => {
  it("answers { duration: 0 } when a check may run, and TOTP_UNINITIALIZED without TOTP", async () => {
    const { user, tokens } = await userWithTokens();
    expectEnvelope(await api("/user/2fa/totp/next-guess", { token: tokens.access }), 409, "TOTP_UNINITIALIZED");
    await enableTotpViaApi(user.id, tokens);
    const r = await api("/user/2fa/totp/next-guess", { token: tokens.partial });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ duration: 0 });
  });

  it("takes access, sudo and partial tokens", async () => {
    const { user, tokens } = await userWithTokens();
    await enableTotpViaApi(user.id, tokens);
    await expectTokenRule({ path: "/user/2fa/totp/next-guess", method: "GET" }, tokens, ["access", "sudo", "partial"]);
  });
});

describe("DELETE /user/2fa/totp (#6)", () => {
  it("switches TOTP off with a sudo token; the last method takes the recovery codes; the sudo token stays valid", async () => {
    const { user, tokens } = await userWithTokens();
    await enableTotpViaApi(user.id, tokens);
    const r = await api("/user/2fa/totp", { method: "DELETE", token: tokens.sudo });
    expect(r.status).toBe(200);
    expect(r.json).toBeNull();
    expect(r.text).toBe("null");
    expect(await db.totpFactor.findUnique({ where: { userId: user.id } })).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await events(user.id, "totp.disabled")).toHaveLength(1);
    expect(await lastMail(user.email, "2fa-method-removed")).not.toBeNull();
    expect((await api("/user/2fa", { token: tokens.access })).json).toEqual({ enabled: false });
    // docs/api.md §7: the sudo token still works, so the 409 is reachable
    expectEnvelope(await api("/user/2fa/totp", { method: "DELETE", token: tokens.sudo }), 409, "TOTP_ALREADY_INACTIVE");
    // login no longer asks for a second factor
    expect((await api("/auth/login", { body: { username: user.email, password: user.password } })).status).toBe(200);
  });

  it("takes sudo tokens only", async () => {
    const { user, tokens } = await userWithTokens();
    await enableTotpViaApi(user.id, tokens);
    await expectTokenRule({ path: "/user/2fa/totp", method: "DELETE" }, tokens, ["sudo"]);
  });
});
