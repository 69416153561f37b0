import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto";
import { db } from "@/lib/db";
import { setLocked } from "@/lib/users";
import { api, baseUrl, createTestUser, expectEnvelope, mailTo, signedIn, sleep, uniqueEmail } from "../helpers";

// docs/api.md §4 #22 (reset link) and its page's submission, POST /v1/auth/reset-password (ours).

const linkIn = (text: string) => /https?:\/\/[^\s"'<>]+/.exec(text)![0].replace(/&amp;/g, "&");
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

async function requestLink(email: string) {
  const since = new Date(Date.now() - 1);
  const r = await api("/v1/auth/forgot-password", { body: { email } });
  expect(r.status).toBe(200);
  return linkIn((await mailTo(email.toLowerCase(), "password-reset-link", since)).text);
}

const linkKey = (email: string) => `password-reset-link-mail:${email.toLowerCase()}`;
const resetWith = (token: string, newPassword: string) => api("/v1/auth/reset-password", { body: { token, newPassword } });

describe("POST /v1/auth/forgot-password (#22)", () => {
  it("mails a single-use link to the portal's reset page; only the token's hash is stored", async () => {
    const user = await createTestUser();
    const r = await api("/v1/auth/forgot-password", { body: { email: user.email } });
    expect(r.status).toBe(200);
    expect(r.text).toBe("null");
    const link = linkIn((await mailTo(user.email, "password-reset-link")).text);
    expect(link.startsWith(`${baseUrl()}/reset-password?token=`)).toBe(true);
    const token = tokenOf(link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.passwordResetLink.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(row.userId).toBe(user.id);
    expect(row.tokenHash).not.toBe(token);
    const ttl = row.expiresAt.getTime() - row.createdAt.getTime();
    expect(ttl).toBeGreaterThan(59 * 60_000);
    expect(ttl).toBeLessThanOrEqual(60 * 60_000 + 1000);
  });

  it("answers an unknown address the same and sends nothing", async () => {
    const known = await createTestUser();
    const unknown = uniqueEmail("nobody");
    const a = await api("/v1/auth/forgot-password", { body: { email: known.email } });
    const b = await api("/v1/auth/forgot-password", { body: { email: unknown } });
    expect([b.status, b.text]).toEqual([a.status, a.text]);
    await mailTo(known.email, "password-reset-link");
    await sleep(300);
    expect(await db.mailMessage.count({ where: { toAddress: unknown } })).toBe(0);
  });

  it("throttles one link per 60 s per address (known or not), separately from the reset code", async () => {
    const user = await createTestUser();
    const unknown = uniqueEmail("nobody");
    for (const email of [user.email, unknown]) {
      expect((await api("/user/password/reset/send", { body: { email } })).status).toBe(200); // the code's slot
      expect((await api("/v1/auth/forgot-password", { body: { email } })).status).toBe(200);
      const again = await api("/v1/auth/forgot-password", { body: { email } });
      expectEnvelope(again, 429, "TOO_MANY_RESET_MAIL_ATTEMPTS");
      expect(again.json.retryAfter).toBeGreaterThanOrEqual(58);
      expect(again.headers.get("retry-after")).toBe(String(again.json.retryAfter));
      await db.throttle.update({ where: { key: linkKey(email) }, data: { blockedUntil: new Date(Date.now() - 1000) } });
      expect((await api("/v1/auth/forgot-password", { body: { email } })).status).toBe(200);
    }
  });

  it("refuses a disposable provider (403) and an unknown origin (500) without using the slot", async () => {
    const disposable = `someone-${randomUUID().slice(0, 8)}@mailinator.com`;
    expectEnvelope(await api("/v1/auth/forgot-password", { body: { email: disposable } }), 403, "FORBIDDEN_MAIL_PROVIDER");
    expect(await db.throttle.findUnique({ where: { key: linkKey(disposable) } })).toBeNull();
    const user = await createTestUser();
    expectEnvelope(
      await api("/v1/auth/forgot-password?origin=nowhere", { body: { email: user.email } }),
      500,
      "UNABLE_TO_FIND_MAIL_TEMPLATE",
    );
    expect(await db.throttle.findUnique({ where: { key: linkKey(user.email) } })).toBeNull();
    expect((await api("/v1/auth/forgot-password", { body: { email: user.email } })).status).toBe(200);
  });

  it.each([
    ["an address over 100 characters", { email: `${"a".repeat(90)}@example.com` }, "email must be at most 100 characters"],
    ["an address that is not one", { email: "a@bc" }, "email must be a valid email address"],
    ["a missing email", {}, "email is required"],
  ])("answers 400 naming the field for %s", async (_, body, message) => {
    expectEnvelope(await api("/v1/auth/forgot-password", { body }), 400, message);
  });

  it("is served under /api too", async () => {
    expect((await api("/api/v1/auth/forgot-password", { body: { email: uniqueEmail("nobody") } })).status).toBe(200);
  });
});

describe("POST /v1/auth/reset-password (the link page's submission)", () => {
  it("sets the password, uses the link up, ends every session, records and tells", async () => {
    const user = await createTestUser();
    const a = await signedIn(user);
    const b = await signedIn(user);
    const first = tokenOf(await requestLink(user.email));
    await db.throttle.update({ where: { key: linkKey(user.email) }, data: { blockedUntil: null } });
    const token = tokenOf(await requestLink(user.email));
    const since = new Date();
    const r = await resetWith(token, "Brand-New-Pass-7");
    expect(r.status).toBe(200);
    expect(r.text).toBe("null");
    for (const refreshToken of [a.refreshToken, b.refreshToken])
      expectEnvelope(await api("/auth/accesstoken", { token: refreshToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken/validate", { token: b.accessToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/login", { body: { username: user.email, password: user.password } }), 401, "PASSWORD_INCORRECT");
    expect((await api("/auth/login", { body: { username: user.email, password: "Brand-New-Pass-7" } })).status).toBe(200);
    expectEnvelope(await resetWith(token, "Other-New-Pass-8"), 409, "LINK_ALREADY_USED");
    expectEnvelope(await resetWith(first, "Other-New-Pass-8"), 409, "LINK_ALREADY_USED"); // the older link died too
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "password.reset" } })).toBe(1);
    await mailTo(user.email, "password-reset", since);
  });

  it("tells an unknown link from an expired one", async () => {
    const user = await createTestUser();
    const token = tokenOf(await requestLink(user.email));
    expectEnvelope(await resetWith("A".repeat(43), "Brand-New-Pass-7"), 404, "LINK_NOT_FOUND");
    await db.passwordResetLink.update({ where: { tokenHash: sha256(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectEnvelope(await resetWith(token, "Brand-New-Pass-7"), 401, "LINK_EXPIRED");
  });

  it("applies the password policy (400 naming newPassword) without using the link up", async () => {
    const email = `Mail-${randomUUID().slice(0, 8)}-q1@example.com`;
    const user = await createTestUser({ email });
    const token = tokenOf(await requestLink(user.email));
    expectEnvelope(
      await resetWith(token, "nouppercase1"),
      400,
      "newPassword must contain a lowercase letter, an uppercase letter and a digit",
    );
    expectEnvelope(await resetWith(token, "Ab1"), 400, "newPassword must be at least 8 characters");
    expectEnvelope(
      await resetWith(token, "Password1"),
      400,
      "newPassword is too common: choose one that is not on lists of leaked passwords",
    );
    expectEnvelope(await resetWith(token, email), 400, "newPassword must not be your email address");
    expectEnvelope(await api("/v1/auth/reset-password", { body: { token } }), 400, "newPassword is required");
    expectEnvelope(
      await api("/v1/auth/reset-password", { body: { token: "not a token!", newPassword: "Brand-New-Pass-7" } }),
      400,
      "token is not a valid link token",
    );
    expectEnvelope(
      await api("/v1/auth/reset-password", { body: { token: "x".repeat(129), newPassword: "Brand-New-Pass-7" } }),
      400,
      "token must be at most 128 characters",
    );
    expect((await resetWith(token, "Brand-New-Pass-7")).status).toBe(200);
  });

  it("refuses a locked account with 403 ACCOUNT_LOCKED: nothing changes and the link stays usable (§8)", async () => {
    const user = await createTestUser();
    await setLocked(user.id, true);
    const token = tokenOf(await requestLink(user.email));
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expectEnvelope(await resetWith(token, "Brand-New-Pass-7"), 403, "ACCOUNT_LOCKED");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before.passwordHash);
    expect((await db.passwordResetLink.findUniqueOrThrow({ where: { tokenHash: sha256(token) } })).usedAt).toBeNull();
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "password.reset" } })).toBe(0);
    expect(await db.mailMessage.count({ where: { toAddress: user.email, template: "password-reset" } })).toBe(0);
    await setLocked(user.id, false);
    expect((await resetWith(token, "Brand-New-Pass-7")).status).toBe(200);
  });

  it("refuses the current password as the new one (400 naming newPassword): no session ends, nothing is mailed, the link stays usable (§8)", async () => {
    const user = await createTestUser();
    const { refreshToken } = await signedIn(user);
    const token = tokenOf(await requestLink(user.email));
    expectEnvelope(await resetWith(token, user.password), 400, "newPassword must not be your current password");
    expect((await api("/auth/accesstoken", { token: refreshToken })).status).toBe(200);
    expect((await db.passwordResetLink.findUniqueOrThrow({ where: { tokenHash: sha256(token) } })).usedAt).toBeNull();
    await sleep(300);
    expect(await db.mailMessage.count({ where: { toAddress: user.email, template: "password-reset" } })).toBe(0);
    expect((await resetWith(token, "Brand-New-Pass-7")).status).toBe(200);
  });

  it("lets only one of several concurrent submissions of a link through", async () => {
    const user = await createTestUser();
    const token = tokenOf(await requestLink(user.email));
    const results = await Promise.all(["First-New-Pass-1", "Second-New-Pass-2", "Third-New-Pass-3"].map((p) => resetWith(token, p)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "password.reset" } })).toBe(1);
  });
});

describe("the /reset-password page", () => {
  const page = async (query: string) => {
    const response = await fetch(`${baseUrl()}/reset-password${query}`);
    return { status: response.status, html: await response.text() };
  };
  const stateOf = (html: string) => /data-testid="reset-link-state" data-state="(\w+)"/.exec(html)?.[1];

  it("shows the form for a usable link and tells expired, used and unknown links apart", async () => {
    const user = await createTestUser();
    const token = tokenOf(await requestLink(user.email));
    const valid = await page(`?token=${token}`);
    expect(valid.status).toBe(200);
    expect(stateOf(valid.html)).toBe("valid");
    expect(valid.html).toContain('type="password"');
    expect(valid.html).toContain("8 to 256 characters"); // the policy, shown live
    expect(valid.html).toMatch(/<meta name="referrer" content="no-referrer"/);

    expect(stateOf((await page("?token=unknownunknownunknown")).html)).toBe("unknown");
    expect(stateOf((await page("")).html)).toBe("unknown");
    await db.passwordResetLink.update({ where: { tokenHash: sha256(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(stateOf((await page(`?token=${token}`)).html)).toBe("expired");
    await db.passwordResetLink.update({ where: { tokenHash: sha256(token) }, data: { usedAt: new Date() } });
    expect(stateOf((await page(`?token=${token}`)).html)).toBe("used");
  });
});

describe("the OpenAPI document", () => {
  it("declares 403 ACCOUNT_LOCKED on both ways to complete a reset", async () => {
    const doc = (await api("/api/openapi.json")).json;
    for (const [path, method] of [
      ["/user/password/otp", "put"],
      ["/v1/auth/reset-password", "post"],
    ]) {
      expect(JSON.stringify(doc.paths[path][method].responses["403"] ?? null), `${method} ${path}`).toContain("ACCOUNT_LOCKED");
    }
  });
});
