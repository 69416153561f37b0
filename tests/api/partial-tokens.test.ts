import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setLocked } from "@/lib/users";
import { api, codeIn, expectEnvelope, mailTo } from "../helpers";
import { expectPartialTokenDead, loginOwingSecondFactor, type OwedLogin } from "./two-factor-helpers";

// docs/api.md §8 "Partial tokens": a partial token (a login that still owes its second factor) dies with
// everything that ends the account's sessions. The administrator's actions (revoke sessions,
// reset 2FA, lock) are tested in admin.test.ts, beside the other admin tests.

const NEW = "Brand-New-Pass-7";
const linkIn = (text: string) => /https?:\/\/[^\s"'<>]+/.exec(text)![0].replace(/&amp;/g, "&");
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

/** The password step of a new login: its partial token. */
async function partialTokenOf(user: { email: string }, password: string) {
  const r = await api("/auth/login", { body: { username: user.email, password } });
  expectEnvelope(r, 401, "2FA_REQUIRED");
  return r.json.partialToken as string;
}

/** A new login still completes with the old token's recovery code: the factors were never the reason. */
async function expectNewLoginCompletes(owed: OwedLogin, password: string) {
  const partial = await partialTokenOf(owed.user, password);
  const r = await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: owed.recoveryCodes[0] }, token: partial });
  expect(r.status, r.text).toBe(200);
}

describe("a partial token dies with everything that ends the account's sessions (§8)", () => {
  it("a password change", async () => {
    const owed = await loginOwingSecondFactor();
    const r = await api("/user/password/old-password", {
      method: "PUT",
      token: owed.tokens.sudo,
      body: { oldPassword: owed.user.password, newPassword: NEW },
    });
    expect(r.status, r.text).toBe(200);
    await expectPartialTokenDead(owed);
    await expectNewLoginCompletes(owed, NEW);
  });

  it("a password reset by emailed code", async () => {
    const owed = await loginOwingSecondFactor();
    const since = new Date(Date.now() - 1);
    expect((await api("/user/password/reset/send", { body: { email: owed.user.email } })).status).toBe(200);
    const otp = codeIn((await mailTo(owed.user.email, "password-reset-code", since)).text);
    const r = await api("/user/password/otp", { method: "PUT", body: { userEmail: owed.user.email, otp, newPassword: NEW } });
    expect(r.status, r.text).toBe(200);
    await expectPartialTokenDead(owed);
    await expectNewLoginCompletes(owed, NEW);
  });

  it("a password reset by link", async () => {
    const owed = await loginOwingSecondFactor();
    const since = new Date(Date.now() - 1);
    expect((await api("/v1/auth/forgot-password", { body: { email: owed.user.email } })).status).toBe(200);
    const token = tokenOf(linkIn((await mailTo(owed.user.email, "password-reset-link", since)).text));
    const r = await api("/v1/auth/reset-password", { body: { token, newPassword: NEW } });
    expect(r.status, r.text).toBe(200);
    await expectPartialTokenDead(owed);
    await expectNewLoginCompletes(owed, NEW);
  });

  it("a lock by the operator's command line, and stays dead once the account is unlocked", async () => {
    const owed = await loginOwingSecondFactor();
    await setLocked(owed.user.id, true);
    await expectPartialTokenDead(owed);
    await setLocked(owed.user.id, false);
    await expectPartialTokenDead(owed);
    await expectNewLoginCompletes(owed, owed.user.password);
  });

  it("the person ending every other session", async () => {
    const owed = await loginOwingSecondFactor();
    expect((await api("/user/sessions", { method: "DELETE", token: owed.tokens.access })).status).toBe(200);
    await expectPartialTokenDead(owed);
    await expectNewLoginCompletes(owed, owed.user.password);
  });

  it("the undo of an email-address move", async () => {
    const owed = await loginOwingSecondFactor();
    const to = `moved-${randomUUID()
      .replace(/[^a-f]/g, "")
      .slice(0, 10)}x@example.org`; // no digits: the mail's only 6-digit word is the code
    let since = new Date(Date.now() - 1);
    expect((await api("/user/email/initiate", { token: owed.tokens.sudo, body: { email: to } })).status).toBe(200);
    const otp = codeIn((await mailTo(to, "email-transfer-code", since)).text);
    since = new Date(Date.now() - 1);
    expect((await api("/user/email", { method: "PUT", token: owed.tokens.access, body: { otp } })).status).toBe(200);
    const undoToken = tokenOf(linkIn((await mailTo(owed.user.email, "email-change-undo", since)).text));
    expect((await api("/v1/auth/undo-email-change", { body: { token: undoToken } })).status).toBe(200);
    await expectPartialTokenDead(owed);
  });

  it("while a logout of one session leaves it alone", async () => {
    const owed = await loginOwingSecondFactor();
    expect((await api("/auth/logout", { method: "POST", token: owed.tokens.refresh })).status).toBe(204);
    const r = await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: owed.recoveryCodes[0] }, token: owed.partial });
    expect(r.status, r.text).toBe(200);
  });
});
