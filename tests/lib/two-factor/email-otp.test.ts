import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { noMeta } from "@/lib/events";
import * as mail from "@/lib/mail";
import { createUser } from "@/lib/users";
import { challengeEmailOtp, codeMailKey, setupEmailOtp } from "@/lib/two-factor/email-otp";

// When the transport fails, nothing unseen may count: the 60 s slot is released and the earlier
// code (if any) is restored (docs/api.md §5; lib/email-codes withdrawEmailCode).

vi.mock("@/lib/mail", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/mail")>();
  return { ...actual, sendMail: vi.fn(actual.sendMail) };
});

const newUser = () => createUser({ email: `otp-unit-${randomUUID().slice(0, 8)}@example.com`, password: "Sturdy-Lantern-42" });
const failOnce = () =>
  vi.mocked(mail.sendMail).mockImplementationOnce(async () => {
    throw new ApiError(500, "MAIL_DELIVERY_FAILED");
  });

afterEach(() => vi.mocked(mail.sendMail).mockClear());

describe("email OTP code mails when the transport fails", () => {
  it("setup: releases the slot, leaves no code and no pending address", async () => {
    const user = await newUser();
    failOnce();
    await expect(setupEmailOtp(user.id, "someone@example.com", { meta: noMeta })).rejects.toMatchObject({
      status: 500,
      code: "MAIL_DELIVERY_FAILED",
    });
    const slot = await db.throttle.findUnique({ where: { key: codeMailKey(user.id) } });
    expect(slot?.blockedUntil ?? null).toBeNull();
    expect(await db.emailCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.emailOtpFactor.findUnique({ where: { userId: user.id } })).toBeNull();
    // the next attempt may go at once
    await setupEmailOtp(user.id, "someone@example.com", { meta: noMeta });
    expect(await db.emailCode.count({ where: { userId: user.id, purpose: "2fa-setup" } })).toBe(1);
  });

  it("challenge: restores the earlier code so the one never seen does not count", async () => {
    const user = await newUser();
    await db.emailOtpFactor.create({ data: { userId: user.id, email: "active@example.com", activatedAt: new Date() } });
    await challengeEmailOtp(user.id, { meta: noMeta });
    const before = await db.emailCode.findFirstOrThrow({ where: { userId: user.id, purpose: "2fa-login" } });
    await db.throttle.update({ where: { key: codeMailKey(user.id) }, data: { blockedUntil: null } });
    failOnce();
    await expect(challengeEmailOtp(user.id, { meta: noMeta })).rejects.toBeInstanceOf(ApiError);
    const after = await db.emailCode.findFirstOrThrow({ where: { userId: user.id, purpose: "2fa-login" } });
    expect(after.codeHash).toBe(before.codeHash);
    expect(after.expiresAt.getTime()).toBe(before.expiresAt.getTime());
    expect((await db.throttle.findUniqueOrThrow({ where: { key: codeMailKey(user.id) } })).blockedUntil).toBeNull();
  });

  it("an unknown origin sends nothing and claims no slot", async () => {
    const user = await newUser();
    await expect(
      setupEmailOtp(user.id, "someone@example.com", { meta: noMeta, mail: { origin: "no-such-brand-x" } }),
    ).rejects.toMatchObject({
      status: 500,
      code: "UNABLE_TO_FIND_MAIL_TEMPLATE",
    });
    expect(mail.sendMail).not.toHaveBeenCalled();
    expect(await db.throttle.findUnique({ where: { key: codeMailKey(user.id) } })).toBeNull();
  });
});
