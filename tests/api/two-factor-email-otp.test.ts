import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, expectEnvelope, uniqueEmail } from "../helpers";
import {
  codeMailKey,
  enableEmailOtpViaApi,
  enableTotpViaApi,
  endWait,
  events,
  expectThrottled,
  expectTokenRule,
  expectWaitStarted,
  lastCode,
  lastMail,
  mailCount,
  userWithTokens,
} from "./two-factor-helpers";

// docs/api.md §4 #7–#12, §5 "Code mails" and "Email codes".

const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("POST /user/2fa/email-otp/setup (#7)", () => {
  it("mails a 6-digit code to the address, which stays pending until enable", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    const r = await api("/user/2fa/email-otp/setup", { body: { email: address.toUpperCase() }, token: tokens.access });
    expect(r.status).toBe(200);
    expect(r.text).toBe("null");
    expect(await lastCode(address)).toMatch(/^\d{6}$/);
    expect((await lastMail(address))!.userId).toBe(user.id);
    const factor = await db.emailOtpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(factor).toMatchObject({ email: null, pendingEmail: address, activatedAt: null });
    const code = await db.emailCode.findFirstOrThrow({ where: { userId: user.id, purpose: "2fa-setup" } });
    expect(code.codeHash).not.toContain(await lastCode(address)); // stored hashed
    expect((await api("/user/2fa", { token: tokens.access })).json).toEqual({ enabled: false });
  });

  it("allows one code mail per 60 s per account (TOO_MANY_OTP_EMAILS, retryAfter); next-email reports the wait", async () => {
    const { user, tokens } = await userWithTokens();
    const first = uniqueEmail("otp");
    expect((await api("/user/2fa/email-otp/setup", { body: { email: first }, token: tokens.access })).status).toBe(200);
    const again = await api("/user/2fa/email-otp/setup", { body: { email: uniqueEmail("otp") }, token: tokens.access });
    expectEnvelope(again, 429, "TOO_MANY_OTP_EMAILS");
    expect(again.json.retryAfter).toBeGreaterThanOrEqual(50);
    expect(again.json.retryAfter).toBeLessThanOrEqual(60);
    expect(again.headers.get("retry-after")).toBe(String(again.json.retryAfter));
    const wait = await api("/user/2fa/email-otp/next-email", { token: tokens.access });
    expect(wait.json.duration).toBeGreaterThanOrEqual(50);
    expect(wait.json.duration).toBeLessThanOrEqual(60);
    expect(await mailCount(first)).toBe(1);

    await endWait(codeMailKey(user.id));
    expect((await api("/user/2fa/email-otp/next-email", { token: tokens.partial })).json).toEqual({ duration: 0 });
    const second = uniqueEmail("otp");
    expect((await api("/user/2fa/email-otp/setup", { body: { email: second }, token: tokens.access })).status).toBe(200);
    expect((await db.emailOtpFactor.findUniqueOrThrow({ where: { userId: user.id } })).pendingEmail).toBe(second);
    // the newer code replaced the older one
    expectEnvelope(
      await api("/user/2fa/email-otp/enable", { body: { otp: await lastCode(first) }, token: tokens.access }),
      401,
      "OTP_INVALID_EXPIRED",
    );
  });

  it("answers 500 UNABLE_TO_FIND_MAIL_TEMPLATE for an unknown origin: nothing sent, no slot used", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    const r = await api("/user/2fa/email-otp/setup?origin=no-such-brand-x", { body: { email: address }, token: tokens.access });
    expectEnvelope(r, 500, "UNABLE_TO_FIND_MAIL_TEMPLATE");
    expect(await mailCount(address)).toBe(0);
    expect(await db.emailOtpFactor.findUnique({ where: { userId: user.id } })).toBeNull();
    const slot = await db.throttle.findUnique({ where: { key: codeMailKey(user.id) } });
    expect(slot?.blockedUntil ?? null).toBeNull();
    expect(
      (await api("/user/2fa/email-otp/setup?origin=gatehouse&language=nl", { body: { email: address }, token: tokens.access })).status,
    ).toBe(200);
    expect((await lastMail(address))!.language).toBe("nl");
  });

  it("answers 403 FORBIDDEN_MAIL_PROVIDER for a disposable address", async () => {
    const { tokens } = await userWithTokens();
    expectEnvelope(
      await api("/user/2fa/email-otp/setup", { body: { email: "someone@mailinator.com" }, token: tokens.access }),
      403,
      "FORBIDDEN_MAIL_PROVIDER",
    );
  });

  it("is S/A¬2FA: access without 2FA, sudo always; access with 2FA, refresh and partial never", async () => {
    const { user, tokens } = await userWithTokens();
    const body = { email: uniqueEmail("otp") };
    await expectTokenRule({ path: "/user/2fa/email-otp/setup", method: "POST", body }, tokens, ["access", "sudo"]);
    await enableTotpViaApi(user.id, tokens);
    await expectTokenRule({ path: "/user/2fa/email-otp/setup", method: "POST", body }, tokens, ["sudo"]);
  });

  it.each([
    ["not JSON", "email=x", "body is not valid JSON"],
    ["an empty body", "", "body is required: send a JSON object"],
    ["a missing field", "{}", "email is required"],
    ["a number", JSON.stringify({ email: 5 }), "email must be of type string"],
    ["an invalid address", JSON.stringify({ email: "not-an-address" }), "email must be a valid email address"],
    ["an overlong address", JSON.stringify({ email: `${"a".repeat(250)}@example.com` }), "email must be at most 256 characters"],
  ])("answers 400 for %s", async (_, body, message) => {
    const { tokens } = await userWithTokens();
    expectEnvelope(
      await api("/user/2fa/email-otp/setup", { body, token: tokens.access, headers: { "Content-Type": "application/json" } }),
      400,
      message,
    );
  });
});

describe("POST /user/2fa/email-otp/enable (#8)", () => {
  it("activates the pending address with its code and answers 10 recovery codes; event and notice", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    await api("/user/2fa/email-otp/setup", { body: { email: address }, token: tokens.access });
    const r = await api("/user/2fa/email-otp/enable", { body: { otp: await lastCode(address) }, token: tokens.access });
    expect(r.status).toBe(200);
    expect(r.json.recoveryCodes).toHaveLength(10);
    for (const code of r.json.recoveryCodes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    const factor = await db.emailOtpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(factor).toMatchObject({ email: address, pendingEmail: null });
    expect(factor.activatedAt).not.toBeNull();
    expect(await events(user.id, "email_otp.enabled")).toHaveLength(1);
    expect(await lastMail(user.email, "2fa-method-added")).not.toBeNull();
    const status = await api("/user/2fa", { token: tokens.partial });
    expect(status.json).toEqual({
      enabled: true,
      emailOtp: { email: address, completedAt: factor.activatedAt!.toISOString() },
      recoveryCodes: { completedAt: expect.any(String), remaining: 10 },
    });
    // the code is used up
    expectEnvelope(
      await api("/user/2fa/email-otp/enable", { body: { otp: await lastCode(address) }, token: tokens.access }),
      409,
      "EMAIL_OTP_UNINITIALIZED",
    );
  });

  it("answers EMAIL_OTP_UNINITIALIZED without a setup and OTP_INVALID_EXPIRED for a wrong or expired code", async () => {
    const { user, tokens } = await userWithTokens();
    expectEnvelope(
      await api("/user/2fa/email-otp/enable", { body: { otp: "123456" }, token: tokens.access }),
      409,
      "EMAIL_OTP_UNINITIALIZED",
    );
    const address = uniqueEmail("otp");
    await api("/user/2fa/email-otp/setup", { body: { email: address }, token: tokens.access });
    const code = await lastCode(address);
    expectEnvelope(
      await api("/user/2fa/email-otp/enable", { body: { otp: other(code) }, token: tokens.access }),
      401,
      "OTP_INVALID_EXPIRED",
    );
    expectEnvelope(await api("/user/2fa/email-otp/enable", { body: { otp: "abcdef" }, token: tokens.access }), 401, "OTP_INVALID_EXPIRED");
    await db.emailCode.updateMany({ where: { userId: user.id, purpose: "2fa-setup" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectEnvelope(await api("/user/2fa/email-otp/enable", { body: { otp: code }, token: tokens.access }), 401, "OTP_INVALID_EXPIRED");
    expect((await db.emailOtpFactor.findUniqueOrThrow({ where: { userId: user.id } })).activatedAt).toBeNull();
  });

  it("ends a code after 5 wrong tries, and the budget survives a resend", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    await api("/user/2fa/email-otp/setup", { body: { email: address }, token: tokens.access });
    const code = await lastCode(address);
    for (let i = 0; i < 5; i++)
      expectEnvelope(
        await api("/user/2fa/email-otp/enable", { body: { otp: other(code) }, token: tokens.access }),
        401,
        "OTP_INVALID_EXPIRED",
      );
    expectEnvelope(await api("/user/2fa/email-otp/enable", { body: { otp: code }, token: tokens.access }), 401, "OTP_INVALID_EXPIRED");
    await endWait(codeMailKey(user.id));
    await api("/user/2fa/email-otp/setup", { body: { email: address }, token: tokens.access });
    expectEnvelope(
      await api("/user/2fa/email-otp/enable", { body: { otp: await lastCode(address) }, token: tokens.access }),
      401,
      "OTP_INVALID_EXPIRED",
    );
  });

  it("takes access or sudo tokens only; 400 for a bad otp", async () => {
    const { tokens } = await userWithTokens();
    await expectTokenRule({ path: "/user/2fa/email-otp/enable", method: "POST", body: { otp: "123456" } }, tokens, ["access", "sudo"]);
    expectEnvelope(
      await api("/user/2fa/email-otp/enable", { body: { otp: "12345" }, token: tokens.access }),
      400,
      "otp must be exactly 6 characters",
    );
    expectEnvelope(
      await api("/user/2fa/email-otp/enable", { body: { otp: 123456 }, token: tokens.access }),
      400,
      "otp must be of type string",
    );
    expectEnvelope(await api("/user/2fa/email-otp/enable", { body: {}, token: tokens.access }), 400, "otp is required");
  });
});

describe("POST /user/2fa/email-otp/challenge (#9) and /authenticate (#10)", () => {
  it("mails a code to the active address; with an access token it earns a sudo token for the same session", async () => {
    const { user, tokens, sessionId } = await userWithTokens();
    const address = uniqueEmail("otp");
    await enableEmailOtpViaApi(user.id, tokens, address);
    const before = await mailCount(address);
    const c = await api("/user/2fa/email-otp/challenge", { method: "POST", token: tokens.access });
    expect(c.status).toBe(200);
    expect(c.text).toBe("null");
    expect(await mailCount(address)).toBe(before + 1);
    const r = await api("/user/2fa/email-otp/authenticate", { body: { otp: await lastCode(address) }, token: tokens.access });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(["sudoToken"]);
    const payload = JSON.parse(Buffer.from(r.json.sudoToken.split(".")[1], "base64url").toString());
    expect(payload).toMatchObject({ kind: "sudo", sid: sessionId });
    // single use
    expectEnvelope(
      await api("/user/2fa/email-otp/authenticate", { body: { otp: await lastCode(address) }, token: tokens.access }),
      401,
      "OTP_INVALID_EXPIRED",
    );
  });

  it("accepts {} or an empty body; shares the 60 s slot with setup; unknown origin answers 500 and uses no slot", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    await enableEmailOtpViaApi(user.id, tokens, address);
    const before = await mailCount(address);
    expectEnvelope(
      await api("/user/2fa/email-otp/challenge?origin=no-such-brand-x", { body: {}, token: tokens.partial }),
      500,
      "UNABLE_TO_FIND_MAIL_TEMPLATE",
    );
    expect(await mailCount(address)).toBe(before);
    expect((await api("/user/2fa/email-otp/next-email", { token: tokens.partial })).json).toEqual({ duration: 0 });
    expect((await api("/user/2fa/email-otp/challenge", { body: {}, token: tokens.partial })).status).toBe(200);
    const again = await api("/user/2fa/email-otp/challenge", { method: "POST", token: tokens.partial });
    expectEnvelope(again, 429, "TOO_MANY_OTP_EMAILS");
    expect(again.json.retryAfter).toBeGreaterThanOrEqual(50);
    expectEnvelope(
      await api("/user/2fa/email-otp/setup", { body: { email: uniqueEmail("otp") }, token: tokens.sudo }),
      429,
      "TOO_MANY_OTP_EMAILS",
    );
    expect(await mailCount(address)).toBe(before + 1);
    expectEnvelope(
      await api("/user/2fa/email-otp/challenge", { body: "{", token: tokens.partial, headers: { "Content-Type": "application/json" } }),
      400,
      "body is not valid JSON",
    );
  });

  it("answers EMAIL_OTP_UNINITIALIZED (challenge) and EMAIL_OTP_INACTIVE (authenticate) without an active address", async () => {
    const { tokens } = await userWithTokens();
    expectEnvelope(await api("/user/2fa/email-otp/challenge", { method: "POST", token: tokens.access }), 409, "EMAIL_OTP_UNINITIALIZED");
    expectEnvelope(
      await api("/user/2fa/email-otp/authenticate", { body: { otp: "123456" }, token: tokens.access }),
      409,
      "EMAIL_OTP_INACTIVE",
    );
    // a pending address is not active
    await api("/user/2fa/email-otp/setup", { body: { email: uniqueEmail("otp") }, token: tokens.access });
    expectEnvelope(await api("/user/2fa/email-otp/challenge", { method: "POST", token: tokens.access }), 409, "EMAIL_OTP_UNINITIALIZED");
    expectEnvelope(
      await api("/user/2fa/email-otp/authenticate", { body: { otp: "123456" }, token: tokens.access }),
      409,
      "EMAIL_OTP_INACTIVE",
    );
  });

  it("throttles wrong codes with its own counter (429 TOO_MANY_OTP_CHECKS); the code's 5-try budget ends it too", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    await enableEmailOtpViaApi(user.id, tokens, address);
    await api("/user/2fa/email-otp/challenge", { method: "POST", token: tokens.partial });
    const code = await lastCode(address);
    for (let i = 0; i < 5; i++)
      expectEnvelope(
        await api("/user/2fa/email-otp/authenticate", { body: { otp: other(code) }, token: tokens.partial }),
        401,
        "OTP_INVALID_EXPIRED",
      );
    await expectWaitStarted(`email-otp:${user.id}`, 5, 1);
    const r = await api("/user/2fa/email-otp/authenticate", { body: { otp: code }, token: tokens.partial });
    await expectThrottled(r, "TOO_MANY_OTP_CHECKS", `email-otp:${user.id}`, 5);
    expect(await events(user.id, "throttle.triggered")).toHaveLength(1);
    expect(await db.throttle.findUnique({ where: { key: `totp:${user.id}` } })).toBeNull();
    await endWait(`email-otp:${user.id}`);
    // the wait is over, but 5 wrong tries ended the code itself
    expectEnvelope(
      await api("/user/2fa/email-otp/authenticate", { body: { otp: code }, token: tokens.partial }),
      401,
      "OTP_INVALID_EXPIRED",
    );
  });

  it("checks exactly 5 of 20 concurrent wrong codes", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    await enableEmailOtpViaApi(user.id, tokens, address);
    await api("/user/2fa/email-otp/challenge", { method: "POST", token: tokens.partial });
    const wrong = other(await lastCode(address));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api("/user/2fa/email-otp/authenticate", { body: { otp: wrong }, token: tokens.partial })),
    );
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(15);
  });

  it("accepts a right code exactly once under 10 concurrent requests", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    await enableEmailOtpViaApi(user.id, tokens, address);
    await api("/user/2fa/email-otp/challenge", { method: "POST", token: tokens.partial });
    const code = await lastCode(address);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api("/user/2fa/email-otp/authenticate", { body: { otp: code }, token: tokens.partial })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it("refuses an expired login code", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    await enableEmailOtpViaApi(user.id, tokens, address);
    await api("/user/2fa/email-otp/challenge", { method: "POST", token: tokens.partial });
    await db.emailCode.updateMany({ where: { userId: user.id, purpose: "2fa-login" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectEnvelope(
      await api("/user/2fa/email-otp/authenticate", { body: { otp: await lastCode(address) }, token: tokens.partial }),
      401,
      "OTP_INVALID_EXPIRED",
    );
  });

  it("take access, sudo and partial tokens, never refresh; 400 for bad input", async () => {
    const { user, tokens } = await userWithTokens();
    await enableEmailOtpViaApi(user.id, tokens, uniqueEmail("otp"));
    await expectTokenRule({ path: "/user/2fa/email-otp/authenticate", method: "POST", body: { otp: "123456" } }, tokens, [
      "access",
      "sudo",
      "partial",
    ]);
    await expectTokenRule({ path: "/user/2fa/email-otp/challenge", method: "POST", body: {} }, tokens, ["access", "sudo", "partial"]);
    expectEnvelope(
      await api("/user/2fa/email-otp/authenticate", { body: { otp: "1234567" }, token: tokens.partial }),
      400,
      "otp must be exactly 6 characters",
    );
    expectEnvelope(
      await api("/user/2fa/email-otp/authenticate", { body: "", token: tokens.partial }),
      400,
      "body is required: send a JSON object",
    );
    expectEnvelope(
      await api("/user/2fa/email-otp/authenticate", { body: { otp: ["123456"] }, token: tokens.partial }),
      400,
      "otp must be of type string",
    );
  });
});

describe("GET /user/2fa/email-otp/next-email (#11)", () => {
  it("answers EMAIL_OTP_UNINITIALIZED when email OTP is neither active nor being set up", async () => {
    const { tokens } = await userWithTokens();
    expectEnvelope(await api("/user/2fa/email-otp/next-email", { token: tokens.access }), 409, "EMAIL_OTP_UNINITIALIZED");
  });

  it("takes access, sudo and partial tokens", async () => {
    const { user, tokens } = await userWithTokens();
    await enableEmailOtpViaApi(user.id, tokens, uniqueEmail("otp"));
    await expectTokenRule({ path: "/user/2fa/email-otp/next-email", method: "GET" }, tokens, ["access", "sudo", "partial"]);
  });
});

describe("DELETE /user/2fa/email-otp (#12)", () => {
  it("switches email OTP off with a sudo token; with TOTP still active the recovery codes stay", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    await enableEmailOtpViaApi(user.id, tokens, address);
    await enableTotpViaApi(user.id, tokens, tokens.sudo);
    const r = await api("/user/2fa/email-otp", { method: "DELETE", token: tokens.sudo });
    expect(r.status).toBe(200);
    expect(r.text).toBe("null");
    expect(await events(user.id, "email_otp.disabled")).toHaveLength(1);
    expect(await lastMail(user.email, "2fa-method-removed")).not.toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    const status = await api("/user/2fa", { token: tokens.access });
    expect(status.json.enabled).toBe(true);
    expect(status.json.emailOtp).toBeUndefined();
    expect(status.json.totp).toBeDefined();
    expectEnvelope(
      await api("/user/2fa/email-otp/authenticate", { body: { otp: "123456" }, token: tokens.partial }),
      409,
      "EMAIL_OTP_INACTIVE",
    );
    expectEnvelope(await api("/user/2fa/email-otp", { method: "DELETE", token: tokens.sudo }), 409, "EMAIL_OTP_ALREADY_INACTIVE");
  });

  it("as the last method takes the recovery codes with it", async () => {
    const { user, tokens } = await userWithTokens();
    await enableEmailOtpViaApi(user.id, tokens, uniqueEmail("otp"));
    expect((await api("/user/2fa/email-otp", { method: "DELETE", token: tokens.sudo })).status).toBe(200);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await api("/user/2fa", { token: tokens.access })).json).toEqual({ enabled: false });
  });

  it("takes sudo tokens only", async () => {
    const { user, tokens } = await userWithTokens();
    await enableEmailOtpViaApi(user.id, tokens, uniqueEmail("otp"));
    await expectTokenRule({ path: "/user/2fa/email-otp", method: "DELETE" }, tokens, ["sudo"]);
  });
});
