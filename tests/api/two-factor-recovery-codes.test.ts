import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, expectEnvelope, uniqueEmail } from "../helpers";
import {
  enableEmailOtpViaApi,
  enableTotpViaApi,
  endWait,
  events,
  expectThrottled,
  expectTokenRule,
  expectWaitStarted,
  lastMail,
  userWithTokens,
} from "./two-factor-helpers";

// docs/api.md §4 #13–#15 and §5 "Recovery codes".

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** A well-formed code that is (with 2^-80 odds) not one of the user's. */
const strangerCode = () => Array.from({ length: 16 }, (_, i) => alphabet[(i * 7 + 3) % 32]).join("");

describe("POST /user/2fa/recovery-code/authenticate (#13)", () => {
  it("accepts any code of the set, in any order and any case, each once; the answer is a sudo token", async () => {
    const { user, tokens, sessionId } = await userWithTokens();
    const { recoveryCodes } = await enableTotpViaApi(user.id, tokens);
    const auth = (recoveryCode: string) => api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode }, token: tokens.access });

    const r = await auth(recoveryCodes[7].toLowerCase());
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(["sudoToken"]);
    expect(JSON.parse(Buffer.from(r.json.sudoToken.split(".")[1], "base64url").toString())).toMatchObject({ kind: "sudo", sid: sessionId });
    expect((await auth(recoveryCodes[2])).status).toBe(200);
    expectEnvelope(await auth(recoveryCodes[7]), 401, "RECOVERY_CODE_INCORRECT");

    const used = await events(user.id, "recovery_code.used");
    expect(used).toHaveLength(2);
    expect(JSON.parse(used.at(-1)!.detail!)).toHaveProperty("remaining");
    const status = await api("/user/2fa", { token: tokens.access });
    expect(status.json.recoveryCodes.remaining).toBe(8);
  });

  it("answers RECOVERY_CODE_INCORRECT for a stranger's code, throttles with its own counter (429)", async () => {
    const { user, tokens } = await userWithTokens();
    const { recoveryCodes } = await enableTotpViaApi(user.id, tokens);
    const wrong = strangerCode();
    for (let i = 0; i < 5; i++) {
      expectEnvelope(
        await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: wrong }, token: tokens.partial }),
        401,
        "RECOVERY_CODE_INCORRECT",
      );
    }
    const key = `recovery-code:${user.id}`;
    await expectWaitStarted(key, 5, 1);
    const r = await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: recoveryCodes[0] }, token: tokens.partial });
    await expectThrottled(r, "TOO_MANY_RECOVERY_CODE_CHECKS", key, 5);
    expect(await events(user.id, "throttle.triggered")).toHaveLength(1);
    const wait = await api("/user/2fa/recovery-code/next-guess", { token: tokens.partial });
    expect(wait.json.duration).toBeGreaterThanOrEqual(25);
    expect(wait.json.duration).toBeLessThanOrEqual(30);
    // other factors are not locked out
    const totpThrottle = await db.throttle.findUnique({ where: { key: `totp:${user.id}` } });
    expect(totpThrottle?.failures ?? 0).toBe(0);
    expect(totpThrottle?.blockedUntil ?? null).toBeNull();
    await endWait(`recovery-code:${user.id}`);
    expect(
      (await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: recoveryCodes[0] }, token: tokens.partial })).status,
    ).toBe(200);
    expect((await db.throttle.findUniqueOrThrow({ where: { key: `recovery-code:${user.id}` } })).failures).toBe(0);
  });

  it("accepts one code exactly once under 10 concurrent requests", async () => {
    const { user, tokens } = await userWithTokens();
    const { recoveryCodes } = await enableTotpViaApi(user.id, tokens);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: recoveryCodes[4] }, token: tokens.partial }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) expect([401, 429]).toContain(r.status);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
  });

  it("answers RECOVERY_CODES_UNINITIALIZED without 2FA and once every code is used", async () => {
    const { user, tokens } = await userWithTokens();
    expectEnvelope(
      await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: strangerCode() }, token: tokens.access }),
      409,
      "RECOVERY_CODES_UNINITIALIZED",
    );
    expectEnvelope(await api("/user/2fa/recovery-code/next-guess", { token: tokens.access }), 409, "RECOVERY_CODES_UNINITIALIZED");
    await enableTotpViaApi(user.id, tokens);
    await db.recoveryCode.updateMany({ where: { userId: user.id }, data: { usedAt: new Date() } });
    expectEnvelope(
      await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: strangerCode() }, token: tokens.partial }),
      409,
      "RECOVERY_CODES_UNINITIALIZED",
    );
    const status = await api("/user/2fa", { token: tokens.access });
    expect(status.json.enabled).toBe(true);
    expect(status.json.recoveryCodes).toBeUndefined();
  });

  it("takes access, sudo and partial tokens, never refresh", async () => {
    const { user, tokens } = await userWithTokens();
    await enableTotpViaApi(user.id, tokens);
    await expectTokenRule(
      { path: "/user/2fa/recovery-code/authenticate", method: "POST", body: { recoveryCode: strangerCode() } },
      tokens,
      ["access", "sudo", "partial"],
    );
  });

  it.each([
    ["15 characters", { recoveryCode: "A".repeat(15) }, "recoveryCode must be exactly 16 characters"],
    ["17 characters", { recoveryCode: "A".repeat(17) }, "recoveryCode must be exactly 16 characters"],
    ["the displayed form with separators", { recoveryCode: "ABCD-EFGH-JKMN-PQRS" }, "recoveryCode must be exactly 16 characters"],
    ["a number", { recoveryCode: 1234567890123456 }, "recoveryCode must be of type string"],
    ["a missing field", { code: "x" }, "recoveryCode is required"],
  ])("answers 400 for %s", async (_, body, message) => {
    const { tokens } = await userWithTokens();
    expectEnvelope(await api("/user/2fa/recovery-code/authenticate", { body, token: tokens.partial }), 400, message);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const { tokens } = await userWithTokens();
    expectEnvelope(
      await api("/user/2fa/recovery-code/authenticate", { body: "recoveryCode=x", token: tokens.partial }),
      400,
      "body is not valid JSON",
    );
  });
});

describe("GET /user/2fa/recovery-code/next-guess (#14)", () => {
  it("answers { duration: 0 } and takes access, sudo and partial tokens", async () => {
    const { user, tokens } = await userWithTokens();
    await enableTotpViaApi(user.id, tokens);
    expect((await api("/user/2fa/recovery-code/next-guess", { token: tokens.partial })).json).toEqual({ duration: 0 });
    await expectTokenRule({ path: "/user/2fa/recovery-code/next-guess", method: "GET" }, tokens, ["access", "sudo", "partial"]);
  });
});

describe("POST /user/2fa/recovery-code/reset (#15)", () => {
  it("replaces the set: the new codes work, the old ones stop; event and notice", async () => {
    const { user, tokens } = await userWithTokens();
    const { recoveryCodes: old } = await enableTotpViaApi(user.id, tokens);
    const r = await api("/user/2fa/recovery-code/reset", { method: "POST", token: tokens.sudo });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const fresh: string[] = r.json.recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => old.includes(c))).toHaveLength(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    expect(await events(user.id, "recovery_codes.reset")).toHaveLength(1);
    expect(await lastMail(user.email, "recovery-codes-reset")).not.toBeNull();

    expectEnvelope(
      await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: old[0] }, token: tokens.access }),
      401,
      "RECOVERY_CODE_INCORRECT",
    );
    expect((await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: fresh[0] }, token: tokens.access })).status).toBe(
      200,
    );
    // {} and an explicit body work too
    expect((await api("/user/2fa/recovery-code/reset", { body: {}, token: tokens.sudo })).status).toBe(200);
    expectEnvelope(await api("/user/2fa/recovery-code/reset", { body: "{", token: tokens.sudo }), 400, "body is not valid JSON");
  });

  it("answers 2FA_IS_DISABLED without an active method (the sudo token outlives the last method)", async () => {
    const { user, tokens } = await userWithTokens();
    expectEnvelope(await api("/user/2fa/recovery-code/reset", { method: "POST", token: tokens.sudo }), 409, "2FA_IS_DISABLED");
    await enableEmailOtpViaApi(user.id, tokens, uniqueEmail("otp"));
    expect((await api("/user/2fa/email-otp", { method: "DELETE", token: tokens.sudo })).status).toBe(200);
    expectEnvelope(await api("/user/2fa/recovery-code/reset", { method: "POST", token: tokens.sudo }), 409, "2FA_IS_DISABLED");
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it("takes sudo tokens only", async () => {
    const { user, tokens } = await userWithTokens();
    await enableTotpViaApi(user.id, tokens);
    await expectTokenRule({ path: "/user/2fa/recovery-code/reset", method: "POST", body: {} }, tokens, ["sudo"]);
  });
});
