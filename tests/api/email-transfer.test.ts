import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto";
import { db } from "@/lib/db";
import { addressCheckBudget } from "@/lib/email-transfer";
import { issueSudoToken } from "@/lib/tokens/jwt";
import { api, baseUrl, codeIn, createTestUser, expectEnvelope, mailTo, markTotpActive, partialTokenFor, signedIn } from "../helpers";

// docs/api.md §4 #20–#21 and the undo link (ours): the whole move of an account to a new address.

const linkIn = (text: string) => /https?:\/\/[^\s"'<>]+/.exec(text)![0].replace(/&amp;/g, "&");
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;
/** Addresses without digits, so the only 6-digit word in a transfer mail is the code. */
const letters = () =>
  randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 10) + "x";
const newAddress = () => `moved-${letters()}@example.org`;

const initiate = (token: string | null, email: unknown, query = "") => api(`/user/email/initiate${query}`, { token, body: { email } });
const complete = (token: string | null, otp: unknown) => api("/user/email", { method: "PUT", token, body: { otp } });
const undo = (token: unknown) => api("/v1/auth/undo-email-change", { body: { token } });
const transferKey = (userId: number) => `email-transfer-mail:${userId}`;

async function startTransfer(accessToken: string, to: string) {
  const since = new Date(Date.now() - 1);
  const r = await initiate(accessToken, to);
  expect(r.status).toBe(200);
  return codeIn((await mailTo(to, "email-transfer-code", since)).text);
}

async function moveAccount(user: { id: number; email: string }, accessToken: string, to = newAddress()) {
  const otp = await startTransfer(accessToken, to);
  const since = new Date(Date.now() - 1);
  expect((await complete(accessToken, otp)).status).toBe(200);
  const undoLink = linkIn((await mailTo(user.email, "email-change-undo", since)).text);
  return { to, undoLink, undoToken: tokenOf(undoLink) };
}

describe("the whole transfer", () => {
  it("initiate → code to the new address → complete → sign in with the new one → undo from the old one's mail", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    const to = newAddress();

    const r = await initiate(accessToken, to.toUpperCase());
    expect(r.status).toBe(200);
    expect(r.text).toBe("null");
    const codeMail = await mailTo(to, "email-transfer-code");
    expect(codeMail.userId).toBe(user.id);
    const otp = codeIn(codeMail.text);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email); // not yet

    const done = await complete(accessToken, otp);
    expect(done.status).toBe(200);
    expect(done.text).toBe("null");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(to);
    expect((await api("/auth/login", { body: { username: to, password: user.password } })).status).toBe(200);
    expectEnvelope(await api("/auth/login", { body: { username: user.email, password: user.password } }), 401, "PASSWORD_INCORRECT");
    expectEnvelope(await complete(accessToken, otp), 401, "OTP_INVALID_EXPIRED"); // used up

    const notice = await mailTo(user.email, "email-change-undo");
    const link = linkIn(notice.text);
    expect(link.startsWith(`${baseUrl()}/undo-email-change?token=`)).toBe(true);
    const token = tokenOf(link);
    const row = await db.emailChangeUndo.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect([row.oldEmail, row.newEmail]).toEqual([user.email, to]);
    const ttl = row.expiresAt.getTime() - row.createdAt.getTime();
    expect(ttl).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(7 * 24 * 3600_000 + 1000);

    // the page shows what will happen and only acts on confirmation
    const page = await (await fetch(link)).text();
    expect(page).toMatch(/data-testid="undo-link-state" data-state="valid"/);
    expect(page).toContain(user.email);
    expect(page).toContain(to);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(to);

    const live = await signedIn({ email: to, password: user.password });
    const since = new Date();
    const undone = await undo(token);
    expect(undone.status).toBe(200);
    expect(undone.text).toBe("null");
    const restored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(restored.email).toBe(user.email);
    expect(restored.passwordHash).toBeNull();
    expectEnvelope(await api("/auth/accesstoken", { token: live.refreshToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken/validate", { token: accessToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/login", { body: { username: user.email, password: user.password } }), 500, "NO_PASSWORD_INFO");
    expectEnvelope(await api("/auth/login", { body: { username: to, password: user.password } }), 401, "PASSWORD_INCORRECT");
    expectEnvelope(await undo(token), 409, "LINK_ALREADY_USED");

    // a reset link went to the restored address, saying why (issue 14 bug 6: not "nothing changes"); it sets a new password
    const resetMail = await mailTo(user.email, "email-change-undone-reset", since);
    expect(resetMail.text).toContain("its password was removed");
    expect(resetMail.text).not.toMatch(/nothing changes/i);
    const resetLink = linkIn(resetMail.text);
    expect((await api("/v1/auth/reset-password", { body: { token: tokenOf(resetLink), newPassword: "Back-Home-Pass-9" } })).status).toBe(
      200,
    );
    expect((await api("/auth/login", { body: { username: user.email, password: "Back-Home-Pass-9" } })).status).toBe(200);

    const kinds = (await db.securityEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["email.transfer_started", "email.transfer_completed", "email.transfer_undone"]));
  });

  it("leaves the 2FA email-code address alone, and takes a sudo token when 2FA is active", async () => {
    const user = await createTestUser();
    const { refreshToken, accessToken } = await signedIn(user);
    const session = await db.session.findUniqueOrThrow({ where: { refreshTokenHash: sha256(refreshToken) } });
    await db.emailOtpFactor.create({ data: { userId: user.id, email: user.email, activatedAt: new Date() } });
    expectEnvelope(await initiate(accessToken, newAddress()), 401, "INVALID_TOKEN"); // S/A¬2FA
    const sudo = await issueSudoToken(user.id, session.id);
    const { to } = await moveAccount(user, sudo);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(to);
    expect((await db.emailOtpFactor.findUniqueOrThrow({ where: { userId: user.id } })).email).toBe(user.email);
  });

  it("kills reset codes and links that went to the old address", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    await api("/v1/auth/forgot-password", { body: { email: user.email } });
    const resetToken = tokenOf(linkIn((await mailTo(user.email, "password-reset-link")).text));
    await moveAccount(user, accessToken);
    expectEnvelope(
      await api("/v1/auth/reset-password", { body: { token: resetToken, newPassword: "Brand-New-Pass-7" } }),
      409,
      "LINK_ALREADY_USED",
    );
  });
});

describe("POST /user/email/initiate (#20)", () => {
  it("refuses a disposable provider (403) and an address in use, also its own (409), before using the slot", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const { accessToken } = await signedIn(user);
    expectEnvelope(await initiate(accessToken, `x-${letters()}@mailinator.com`), 403, "FORBIDDEN_MAIL_PROVIDER");
    expectEnvelope(await initiate(accessToken, other.email.toUpperCase()), 409, "NEW_EMAIL_ALREADY_IN_USE");
    expectEnvelope(await initiate(accessToken, user.email), 409, "NEW_EMAIL_ALREADY_IN_USE");
    expectEnvelope(await initiate(accessToken, newAddress(), "?origin=nowhere"), 500, "UNABLE_TO_FIND_MAIL_TEMPLATE");
    expect(await db.throttle.findUnique({ where: { key: transferKey(user.id) } })).toBeNull();
    expect(await db.mailMessage.count({ where: { userId: user.id, template: "email-transfer-code" } })).toBe(0);
  });

  it("sends one transfer mail per 60 s per account", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    expect((await initiate(accessToken, newAddress())).status).toBe(200);
    const again = await initiate(accessToken, newAddress()); // another address: still the same account
    expectEnvelope(again, 429, "TOO_MANY_TRANSFER_ATTEMPTS");
    expect(again.json.retryAfter).toBeGreaterThanOrEqual(58);
    expect(again.json.retryAfter).toBeLessThanOrEqual(60);
    expect(again.headers.get("retry-after")).toBe(String(again.json.retryAfter));
    await db.throttle.update({ where: { key: transferKey(user.id) }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    const second = newAddress();
    const otp = await startTransfer(accessToken, second);
    expect((await complete(accessToken, otp)).status).toBe(200); // the newer code wins, for the newer address
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(second);
  });

  it("answers 409 at most 3 times in 10 minutes, then 429 for taken and free addresses alike until the oldest 409 leaves the window (§8)", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const { accessToken } = await signedIn(user);
    for (const taken of [other.email, user.email, other.email.toUpperCase()])
      expectEnvelope(await initiate(accessToken, taken), 409, "NEW_EMAIL_ALREADY_IN_USE");
    expect(await db.throttle.findUnique({ where: { key: transferKey(user.id) } })).toBeNull(); // no 409 used the mail slot
    const probes = () => db.securityEvent.findMany({ where: { userId: user.id, kind: "email.transfer_address_taken" } });
    expect((await probes()).map((e) => JSON.parse(e.detail!).newEmail).sort()).toEqual([other.email, other.email, user.email].sort());

    for (const address of [other.email, newAddress()]) {
      const refused = await initiate(accessToken, address);
      expectEnvelope(refused, 429, "TOO_MANY_TRANSFER_ATTEMPTS");
      expect(refused.json.retryAfter).toBeGreaterThanOrEqual(598);
      expect(refused.json.retryAfter).toBeLessThanOrEqual(600);
      expect(refused.headers.get("retry-after")).toBe(String(refused.json.retryAfter));
    }
    expect(await probes()).toHaveLength(3); // a refused initiate checked nothing
    expect(await db.mailMessage.count({ where: { userId: user.id, template: "email-transfer-code" } })).toBe(0);

    // the three leave the window 100, 300 and 500 s from now: the wait is until the first of them
    const slots = await db.throttle.findMany({
      where: { key: { in: addressCheckBudget(user.id).keys } },
      orderBy: { blockedUntil: "asc" },
    });
    expect(slots).toHaveLength(3);
    for (const [i, slot] of slots.entries())
      await db.throttle.update({ where: { key: slot.key }, data: { blockedUntil: new Date(Date.now() + (100 + 200 * i) * 1000) } });
    const waiting = await initiate(accessToken, newAddress());
    expectEnvelope(waiting, 429, "TOO_MANY_TRANSFER_ATTEMPTS");
    expect(waiting.json.retryAfter).toBeGreaterThanOrEqual(99);
    expect(waiting.json.retryAfter).toBeLessThanOrEqual(100);

    // once the oldest has left, one more check is possible, and a free address gets its mail
    await db.throttle.update({ where: { key: slots[0].key }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    expect((await initiate(accessToken, newAddress())).status).toBe(200);
    expectEnvelope(await initiate(accessToken, other.email), 409, "NEW_EMAIL_ALREADY_IN_USE"); // the mail slot is taken now: a 409 does not need it
    const next = await initiate(accessToken, newAddress());
    expectEnvelope(next, 429, "TOO_MANY_TRANSFER_ATTEMPTS");
    expect(next.json.retryAfter).toBeGreaterThanOrEqual(298);
    expect(next.json.retryAfter).toBeLessThanOrEqual(300);
    expect(await probes()).toHaveLength(4);
  });

  it("holds the 409 budget under concurrency: of 10 initiates at once with taken addresses, 3 answer 409", async () => {
    const user = await createTestUser();
    const taken = await Promise.all([1, 2].map(() => createTestUser()));
    const { accessToken } = await signedIn(user);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => initiate(accessToken, taken[i % 2].email)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(3).fill(409), ...Array(7).fill(429)]);
    for (const r of results) expectEnvelope(r, r.status, r.status === 409 ? "NEW_EMAIL_ALREADY_IN_USE" : "TOO_MANY_TRANSFER_ATTEMPTS");
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "email.transfer_address_taken" } })).toBe(3);
  });

  it("refuses the wrong token kinds", async () => {
    const user = await createTestUser();
    const { refreshToken } = await signedIn(user);
    expectEnvelope(await initiate(refreshToken, newAddress()), 401, "INVALID_TOKEN");
    expectEnvelope(await initiate(await partialTokenFor(user.id), newAddress()), 401, "INVALID_TOKEN");
    expectEnvelope(await initiate(null, newAddress()), 401, "NO_TOKEN_PROVIDED");
  });

  it.each([
    ["a missing email", undefined, "email is required"],
    ["an invalid email", "nope", "email must be a valid email address"],
    ["an overlong email", `${"a".repeat(250)}@example.com`, "email must be at most 256 characters"],
  ])("answers 400 naming the field for %s", async (_, email, message) => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    expectEnvelope(await initiate(accessToken, email), 400, message);
  });
});

describe("PUT /user/email (#21)", () => {
  it("answers OTP_INVALID_EXPIRED without a pending transfer, for a wrong code and for an expired one", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    expectEnvelope(await complete(accessToken, "123456"), 401, "OTP_INVALID_EXPIRED");
    const otp = await startTransfer(accessToken, newAddress());
    expectEnvelope(await complete(accessToken, otp === "000000" ? "111111" : "000000"), 401, "OTP_INVALID_EXPIRED");
    await db.emailCode.updateMany({
      where: { userId: user.id, purpose: "email-transfer" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expectEnvelope(await complete(accessToken, otp), 401, "OTP_INVALID_EXPIRED");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("answers NEW_EMAIL_ALREADY_IN_USE when another account took the address meanwhile", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    const to = newAddress();
    const otp = await startTransfer(accessToken, to);
    await createTestUser({ email: to });
    expectEnvelope(await complete(accessToken, otp), 409, "NEW_EMAIL_ALREADY_IN_USE");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await db.emailChangeUndo.count({ where: { userId: user.id } })).toBe(0);
  });

  it("moves the account once when the same code is sent twice at once", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    const otp = await startTransfer(accessToken, newAddress());
    const results = await Promise.all([1, 2, 3].map(() => complete(accessToken, otp)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
    expect(await db.emailChangeUndo.count({ where: { userId: user.id } })).toBe(1);
  });

  it("takes an access or sudo token, never a refresh or partial one, and validates the code's shape", async () => {
    const user = await createTestUser();
    const { refreshToken, accessToken } = await signedIn(user);
    expectEnvelope(await complete(refreshToken, "123456"), 401, "INVALID_TOKEN");
    expectEnvelope(await complete(await partialTokenFor(user.id), "123456"), 401, "INVALID_TOKEN");
    expectEnvelope(await complete(null, "123456"), 401, "NO_TOKEN_PROVIDED");
    expectEnvelope(await complete(accessToken, "1234567"), 400, "otp must be exactly 6 characters");
    expectEnvelope(await complete(accessToken, undefined), 400, "otp is required");
    // with 2FA active an access token still serves (A), as does a sudo token
    await markTotpActive(user.id);
    const session = await db.session.findUniqueOrThrow({ where: { refreshTokenHash: sha256(refreshToken) } });
    const otp = await startTransfer(await issueSudoToken(user.id, session.id), newAddress());
    expect((await complete(accessToken, otp)).status).toBe(200);
  });
});

describe("POST /v1/auth/undo-email-change (ours)", () => {
  it("tells an unknown link from an expired one, and validates the token's shape", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    const { undoToken } = await moveAccount(user, accessToken);
    expectEnvelope(await undo("A".repeat(43)), 404, "LINK_NOT_FOUND");
    expectEnvelope(await undo("not a token"), 400, "token is not a valid link token");
    expectEnvelope(await undo(undefined), 400, "token is required");
    await db.emailChangeUndo.update({ where: { tokenHash: sha256(undoToken) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectEnvelope(await undo(undoToken), 401, "LINK_EXPIRED");
    const page = await (await fetch(`${baseUrl()}/undo-email-change?token=${undoToken}`)).text();
    expect(page).toMatch(/data-testid="undo-link-state" data-state="expired"/);
  });

  it("answers OLD_EMAIL_ALREADY_IN_USE when another account has the old address by now, and changes nothing", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    const { to, undoToken } = await moveAccount(user, accessToken);
    await createTestUser({ email: user.email });
    expectEnvelope(await undo(undoToken), 409, "OLD_EMAIL_ALREADY_IN_USE");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(to);
    expect(row.passwordHash).not.toBeNull();
    expect((await api("/auth/accesstoken/validate", { token: accessToken })).status).toBe(200);
    expect((await db.emailChangeUndo.findUniqueOrThrow({ where: { tokenHash: sha256(undoToken) } })).usedAt).toBeNull();
  });

  it("walks a chain of moves back: the first owner's link wins and later links die", async () => {
    const user = await createTestUser();
    const first = await signedIn(user);
    const a = user.email;
    const toB = await moveAccount(user, first.accessToken);
    await db.throttle.deleteMany({ where: { key: transferKey(user.id) } });
    const toC = await moveAccount({ id: user.id, email: toB.to }, first.accessToken);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(toC.to);

    expect((await undo(toB.undoToken)).status).toBe(200); // the first owner's link (sent to A)
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(a);
    expectEnvelope(await undo(toC.undoToken), 409, "LINK_ALREADY_USED"); // the later move's link (sent to B) died
  });

  it("keeps an earlier move's link usable after a later move's link was used", async () => {
    const user = await createTestUser();
    const first = await signedIn(user);
    const a = user.email;
    const toB = await moveAccount(user, first.accessToken);
    await db.throttle.deleteMany({ where: { key: transferKey(user.id) } });
    const toC = await moveAccount({ id: user.id, email: toB.to }, first.accessToken);
    expect((await undo(toC.undoToken)).status).toBe(200); // back to B
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(toB.to);
    expect((await undo(toB.undoToken)).status).toBe(200); // and A can still take it home
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(a);
  });
});
