import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, expectEnvelope, uniqueEmail } from "../helpers";
import {
  enableEmailOtpViaApi,
  enableTotpViaApi,
  events,
  expectTokenRule,
  lastCode,
  usableTotp,
  userWithTokens,
  type Kind,
} from "./two-factor-helpers";

// docs/api.md §2.1 (login with 2FA) and §4 #1 (GET /user/2fa), end to end over HTTP.

async function passwordStep(user: { email: string; password: string }, methods: string[]) {
  const r = await api("/auth/login", { body: { username: user.email, password: user.password } });
  expectEnvelope(r, 401, "2FA_REQUIRED");
  expect(r.json.methods).toEqual(methods);
  expect(decodeJwt(r.json.partialToken).kind).toBe("partial");
  return r.json.partialToken as string;
}

/** The tokens of a completed login work: refresh → access token, access validates, sudo serves an S endpoint. */
async function expectWorkingLogin(userId: number, tokens: { accessToken: string; refreshToken: string; sudoToken: string }) {
  expect(Object.keys(tokens).sort()).toEqual(["accessToken", "refreshToken", "sudoToken"]);
  const access = await api("/auth/accesstoken", { token: tokens.refreshToken });
  expect(access.status).toBe(200);
  expect((await api("/auth/accesstoken/validate", { token: access.text })).json).toEqual({ userId });
  expect((await api("/auth/accesstoken/validate", { token: tokens.accessToken })).json).toEqual({ userId });
  expect((await api("/auth/refreshtoken/validate", { token: tokens.refreshToken })).json).toEqual({ userId });
  expect(decodeJwt(tokens.sudoToken)).toMatchObject({ kind: "sudo", sid: decodeJwt(tokens.accessToken).sid });
  expect((await api("/user/2fa/recovery-code/reset", { method: "POST", token: tokens.sudoToken })).status).toBe(200);
}

describe("login with a second factor (docs/api.md §2.1)", () => {
  it("TOTP: password → 2FA_REQUIRED → authenticate with the partial token → a working session", async () => {
    const { user, tokens } = await userWithTokens();
    const { secret } = await enableTotpViaApi(user.id, tokens);
    const partial = await passwordStep(user, ["totp", "recoveryCode"]);
    // the partial token is not an access token, and not accepted where A or S is required
    expectEnvelope(await api("/auth/accesstoken/validate", { token: partial }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/user/2fa/totp", { method: "DELETE", token: partial }), 401, "INVALID_TOKEN");
    const status = await api("/user/2fa", { token: partial });
    expect(status.json.totp).toBeDefined();

    const r = await api("/user/2fa/totp/authenticate", { body: { totp: await usableTotp(user.id, secret) }, token: partial });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    await expectWorkingLogin(user.id, r.json);
    const success = await events(user.id, "login.success");
    expect(success.map((e) => JSON.parse(e.detail ?? "{}").method)).toContain("totp");
  });

  it("email OTP: password → 2FA_REQUIRED → challenge → authenticate → a working session", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    await enableEmailOtpViaApi(user.id, tokens, address);
    const partial = await passwordStep(user, ["emailOtp", "recoveryCode"]);
    expect((await api("/user/2fa/email-otp/next-email", { token: partial })).json).toEqual({ duration: 0 });
    expect((await api("/user/2fa/email-otp/challenge", { method: "POST", token: partial })).status).toBe(200);
    const r = await api("/user/2fa/email-otp/authenticate", { body: { otp: await lastCode(address) }, token: partial });
    expect(r.status, r.text).toBe(200);
    await expectWorkingLogin(user.id, r.json);
    expect((await events(user.id, "login.success")).map((e) => JSON.parse(e.detail ?? "{}").method)).toContain("emailOtp");
  });

  it("recovery code: password → 2FA_REQUIRED → authenticate → a working session; the code is used up", async () => {
    const { user, tokens } = await userWithTokens();
    const { recoveryCodes } = await enableTotpViaApi(user.id, tokens);
    const partial = await passwordStep(user, ["totp", "recoveryCode"]);
    const r = await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: recoveryCodes[9] }, token: partial });
    expect(r.status, r.text).toBe(200);
    await expectWorkingLogin(user.id, r.json);
    expectEnvelope(
      await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: recoveryCodes[9] }, token: partial }),
      401,
      "RECOVERY_CODE_INCORRECT",
    );
  });

  it("lists both factors, and leaves recoveryCode out once every code is used", async () => {
    const { user, tokens } = await userWithTokens();
    await enableTotpViaApi(user.id, tokens);
    await enableEmailOtpViaApi(user.id, tokens, uniqueEmail("otp"), tokens.sudo);
    await passwordStep(user, ["totp", "emailOtp", "recoveryCode"]);
    await db.recoveryCode.updateMany({ where: { userId: user.id }, data: { usedAt: new Date() } });
    await passwordStep(user, ["totp", "emailOtp"]);
  });

  it("refuses a partial token of a locked account", async () => {
    const { user, tokens } = await userWithTokens();
    const { recoveryCodes } = await enableTotpViaApi(user.id, tokens);
    const partial = await passwordStep(user, ["totp", "recoveryCode"]);
    await db.user.update({ where: { id: user.id }, data: { lockedAt: new Date() } });
    expectEnvelope(
      await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: recoveryCodes[0] }, token: partial }),
      401,
      "INVALID_TOKEN",
    );
  });
});

describe("GET /user/2fa (#1)", () => {
  it("answers { enabled: false } without 2FA", async () => {
    const { tokens } = await userWithTokens();
    const r = await api("/user/2fa", { token: tokens.access });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ enabled: false });
    expect((await api("/api/user/2fa", { token: tokens.access })).json).toEqual({ enabled: false });
  });

  it("lists every active method with its completion time and the remaining recovery codes", async () => {
    const { user, tokens } = await userWithTokens();
    const address = uniqueEmail("otp");
    await enableTotpViaApi(user.id, tokens);
    await enableEmailOtpViaApi(user.id, tokens, address, tokens.sudo);
    await db.recoveryCode.updateMany({
      where: { userId: user.id, id: { in: (await db.recoveryCode.findMany({ where: { userId: user.id }, take: 3 })).map((c) => c.id) } },
      data: { usedAt: new Date() },
    });
    const totp = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    const email = await db.emailOtpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    const codes = await db.recoveryCode.findFirstOrThrow({ where: { userId: user.id } });
    const r = await api("/user/2fa", { token: tokens.partial });
    expect(r.json).toEqual({
      enabled: true,
      totp: { completedAt: totp.activatedAt!.toISOString() },
      emailOtp: { email: address, completedAt: email.activatedAt!.toISOString() },
      recoveryCodes: { completedAt: codes.createdAt.toISOString(), remaining: 7 },
    });
  });

  it("takes access, sudo and partial tokens, never refresh", async () => {
    const { tokens } = await userWithTokens();
    await expectTokenRule({ path: "/user/2fa", method: "GET" }, tokens, ["access", "sudo", "partial"] as Kind[]);
  });

  it("answers 405 in the envelope for a wrong method", async () => {
    const { tokens } = await userWithTokens();
    const r = await api("/user/2fa", { method: "POST", body: {}, token: tokens.access });
    expectEnvelope(r, 405, "METHOD_NOT_ALLOWED");
    expect(r.headers.get("allow")).toBe("GET");
  });
});
