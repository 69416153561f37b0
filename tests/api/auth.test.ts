import { createRemoteJWKSet, jwtVerify, decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { unknownAddressKey } from "@/lib/auth/password-throttle";
import { db } from "@/lib/db";
import { issueSudoToken } from "@/lib/tokens/jwt";
import {
  api,
  burst,
  createTestUser,
  expectEnvelope,
  login,
  markTotpActive,
  partialTokenFor,
  permittedChecks,
  signedIn,
  sleep,
  baseUrl,
  uniqueEmail,
  type ApiResponse,
} from "../helpers";

// docs/api.md §3: the six /auth endpoints, their errors, token kinds and malformed input.

describe("POST /auth/login", () => {
  it("answers the bare refresh token as text/plain, no-store, with a request id", async () => {
    const user = await createTestUser();
    const r = await api("/auth/login", { body: { username: user.email, password: user.password } });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.text).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url, no quotes
  });

  it("serves the same endpoint under /api and compares emails case-insensitively", async () => {
    const user = await createTestUser();
    const r = await api("/api/auth/login", { body: { username: user.email.toUpperCase(), password: user.password } });
    expect(r.status).toBe(200);
  });

  it("answers PASSWORD_INCORRECT for a wrong password and for an unknown account alike", async () => {
    const user = await createTestUser();
    expectEnvelope(await api("/auth/login", { body: { username: user.email, password: "Wrong-password-1" } }), 401, "PASSWORD_INCORRECT");
    expectEnvelope(
      await api("/auth/login", { body: { username: "nobody-here@example.com", password: "Wrong-password-1" } }),
      401,
      "PASSWORD_INCORRECT",
    );
  });

  it("answers ACCOUNT_LOCKED for a locked account with the right password", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { lockedAt: new Date() } });
    expectEnvelope(await api("/auth/login", { body: { username: user.email, password: user.password } }), 403, "ACCOUNT_LOCKED");
    expectEnvelope(await api("/auth/login", { body: { username: user.email, password: "Wrong-password-1" } }), 401, "PASSWORD_INCORRECT");
  });

  it("answers NO_PASSWORD_INFO for an account without a password", async () => {
    const user = await createTestUser({ password: null });
    expectEnvelope(await api("/auth/login", { body: { username: user.email, password: "Anything-1" } }), 500, "NO_PASSWORD_INFO");
  });

  it("answers 2FA_REQUIRED with a partial token and the active methods (docs/api.md §2.1)", async () => {
    const user = await createTestUser();
    await markTotpActive(user.id);
    const r = await api("/auth/login", { body: { username: user.email, password: user.password } });
    expectEnvelope(r, 401, "2FA_REQUIRED");
    expect(r.json.methods).toEqual(["totp"]);
    expect(decodeJwt(r.json.partialToken).kind).toBe("partial");
    // a partial token is not an access token
    expectEnvelope(await api("/auth/accesstoken/validate", { token: r.json.partialToken }), 401, "INVALID_TOKEN");
  });

  it("sets the refresh token as an HttpOnly cookie with ?cookie=true", async () => {
    const user = await createTestUser();
    const r = await api("/auth/login?cookie=true", { body: { username: user.email, password: user.password } });
    expect(r.status).toBe(200);
    const cookie = r.headers.get("set-cookie")!;
    expect(cookie).toContain(`gatehouse_refresh=${r.text}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const viaCookie = await api("/auth/refreshtoken/validate", { headers: { Cookie: `gatehouse_refresh=${r.text}` } });
    expect(viaCookie.json).toEqual({ userId: user.id });
  });

  it.each([
    ["not JSON", "{username:", "body is not valid JSON"],
    ["an array", "[]", "body must be of type object"],
    ["a missing field", JSON.stringify({ username: "a@example.com" }), "password is required"],
    ["a wrong type", JSON.stringify({ username: 5, password: "x" }), "username must be of type string"],
    [
      "an overlong password",
      JSON.stringify({ username: "a@example.com", password: "x".repeat(257) }),
      "password must be at most 256 characters",
    ],
    ["an empty body", "", "body is required: send a JSON object"],
  ])("answers 400 naming the field for %s", async (_, body, message) => {
    const r = await api("/auth/login", { body, headers: { "Content-Type": "application/json" } });
    expectEnvelope(r, 400, message);
  });

  it("answers 413 in the envelope for a body over 64 KiB", async () => {
    const r = await api("/auth/login", { body: { username: "a@example.com", password: "x".repeat(70_000) } });
    expectEnvelope(r, 413, "PAYLOAD_TOO_LARGE");
  });

  it("answers 400 for a bad cookie flag", async () => {
    const user = await createTestUser();
    expectEnvelope(
      await api("/auth/login?cookie=maybe", { body: { username: user.email, password: user.password } }),
      400,
      "cookie must be true or false",
    );
  });
});

describe("password throttle (docs/api.md §5)", () => {
  it("lets 5 failures through, then waits without checking, and a success resets it", async () => {
    const user = await createTestUser();
    const wrong = { username: user.email, password: "Wrong-password-1" };
    for (let i = 0; i < 5; i++) expectEnvelope(await api("/auth/login", { body: wrong }), 401, "PASSWORD_INCORRECT");
    const throttled = await api("/auth/login", { body: { username: user.email, password: user.password } });
    expectEnvelope(throttled, 429, "TOO_MANY_FAILED_PASSWORD_CHECKS");
    expect(throttled.json.retryAfter).toBe(1);
    expect(throttled.headers.get("retry-after")).toBe("1");
    const row = await db.throttle.findUnique({ where: { key: `password:${user.id}` } });
    expect(row?.failures).toBe(5); // the throttled attempt did not count or lengthen the wait

    await db.throttle.update({ where: { key: `password:${user.id}` }, data: { blockedUntil: new Date(Date.now() - 1) } });
    expect((await api("/auth/login", { body: { username: user.email, password: user.password } })).status).toBe(200);
    expect((await db.throttle.findUnique({ where: { key: `password:${user.id}` } }))?.failures).toBe(0);
  });

  it("doubles the wait after each further failure", async () => {
    const user = await createTestUser();
    await db.throttle.create({ data: { key: `password:${user.id}`, failures: 7 } });
    expectEnvelope(await api("/auth/login", { body: { username: user.email, password: "Wrong-password-1" } }), 401, "PASSWORD_INCORRECT");
    const r = await api("/auth/login", { body: { username: user.email, password: "Wrong-password-1" } });
    expectEnvelope(r, 429, "TOO_MANY_FAILED_PASSWORD_CHECKS");
    expect(r.json.retryAfter).toBe(8); // failure 8 → 2^(8−5) s
  });

  it("checks no more than the throttle allows when 20 wrong passwords arrive at once", async () => {
    const user = await createTestUser();
    const { results, ms } = await burst(20, () => api("/auth/login", { body: { username: user.email, password: "Wrong-password-1" } }));
    const checked = results.filter((r) => r.status === 401).length;
    // 5 free failures, then a 1 s wait: a slower burst may legitimately see that wait end
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(permittedChecks(ms));
    expect(results.filter((r) => r.status === 429)).toHaveLength(20 - checked);
    expect((await db.throttle.findUnique({ where: { key: `password:${user.id}` } }))?.failures).toBe(checked);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "login.failure" } })).toBe(checked);
  });

  it("lets exactly one of 20 concurrent wrong passwords through when the next wait is long", async () => {
    const user = await createTestUser();
    await db.throttle.create({ data: { key: `password:${user.id}`, failures: 9 } }); // failure 10 → 32 s wait
    const { results } = await burst(20, () => api("/auth/login", { body: { username: user.email, password: "Wrong-password-1" } }));
    expect(results.filter((r) => r.status === 401)).toHaveLength(1);
    expect(results.filter((r) => r.status === 429)).toHaveLength(19);
  });
});

describe("unknown accounts are throttled like known ones (§8)", () => {
  // every spelling the login accepts for one address: the counter follows the normalised address
  const spellings = (email: string) => [email, email.toUpperCase(), `  ${email} `];
  /** What a client can see of an answer, but for what differs per request anyway. */
  const visible = (r: ApiResponse) => ({
    status: r.status,
    body: r.json,
    headers: [...r.headers.entries()].filter(([name]) => !["date", "x-request-id"].includes(name)).sort(),
  });

  it("answers the same statuses, bodies and headers (Retry-After included) for an address with and without an account", async () => {
    const known = await createTestUser();
    const unknown = uniqueEmail("nobody");
    const attempt = async (email: string, i: number) =>
      visible(await api("/auth/login", { body: { username: spellings(email)[i % 3], password: "Wrong-password-1" } }));
    const seen: Record<"known" | "unknown", ReturnType<typeof visible>[]> = { known: [], unknown: [] };
    // side by side, so both see the same clock: 5 free failures, a 1 s wait, failure 6, a 2 s wait
    const steps = [0, 1, 2, 3, 4, 5, "sleep", 6, 7] as const;
    for (const step of steps) {
      if (step === "sleep") {
        await sleep(1100);
        continue;
      }
      seen.known.push(await attempt(known.email, step));
      seen.unknown.push(await attempt(unknown, step));
    }
    expect(seen.unknown).toEqual(seen.known);
    expect(seen.unknown.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429, 401, 429]);
    expect(seen.unknown.map((r) => r.body.message)).toEqual([
      ...Array(5).fill("PASSWORD_INCORRECT"),
      "TOO_MANY_FAILED_PASSWORD_CHECKS",
      "PASSWORD_INCORRECT",
      "TOO_MANY_FAILED_PASSWORD_CHECKS",
    ]);
    expect(
      seen.unknown.filter((r) => r.status === 429).map((r) => [r.body.retryAfter, Object.fromEntries(r.headers)["retry-after"]]),
    ).toEqual([
      [1, "1"],
      [2, "2"],
    ]);
  });

  it("checks no more than the throttle allows when 20 wrong passwords for an unknown address arrive at once", async () => {
    const unknown = uniqueEmail("nobody");
    const { results, ms } = await burst(20, () => api("/auth/login", { body: { username: unknown, password: "Wrong-password-1" } }));
    const checked = results.filter((r) => r.status === 401).length;
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(permittedChecks(ms));
    expect(results.filter((r) => r.status === 429)).toHaveLength(20 - checked);
  });

  it("keys the counter by the address, yet keeps no address in the table", async () => {
    const unknown = uniqueEmail("nobody");
    expectEnvelope(
      await api("/auth/login", { body: { username: ` ${unknown.toUpperCase()}`, password: "Wrong-password-1" } }),
      401,
      "PASSWORD_INCORRECT",
    );
    const key = unknownAddressKey(unknown);
    expect((await db.throttle.findUniqueOrThrow({ where: { key } })).failures).toBe(1);
    expect(key).not.toContain(unknown.split("@")[0]);
  });

  it("forgets a counter after a day without attempts, with an account or without", async () => {
    const known = await createTestUser();
    const unknown = uniqueEmail("nobody");
    const dayAgo = new Date(Date.now() - 24 * 3600_000 - 60_000);
    for (const key of [`password:${known.id}`, unknownAddressKey(unknown)])
      await db.throttle.create({ data: { key, failures: 9, updatedAt: dayAgo } });
    for (const email of [known.email, unknown]) {
      for (let i = 0; i < 5; i++)
        expectEnvelope(await api("/auth/login", { body: { username: email, password: "Wrong-password-1" } }), 401, "PASSWORD_INCORRECT");
      expectEnvelope(
        await api("/auth/login", { body: { username: email, password: "Wrong-password-1" } }),
        429,
        "TOO_MANY_FAILED_PASSWORD_CHECKS",
      );
    }
  });
});

describe("refresh-token endpoints", () => {
  it("issues an access token that validates and verifies offline against the JWKS", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    expect((await api("/auth/accesstoken/validate", { token: accessToken })).json).toEqual({ userId: user.id });
    const jwks = createRemoteJWKSet(new URL(`${baseUrl()}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(accessToken, jwks, { audience: "gatehouse", issuer: baseUrl() });
    expect(payload.sub).toBe(String(user.id));
    expect(payload.kind).toBe("access");
    expect(protectedHeader.alg).toBe("ES256");
    expect(payload.exp! - payload.iat!).toBe(300);
    expect((await api("/api/.well-known/jwks.json")).json.keys.length).toBeGreaterThan(0);
  });

  it("validates the refresh token and rotates it: the old one stops working", async () => {
    const user = await createTestUser();
    const refresh = await login(user);
    expect((await api("/auth/refreshtoken/validate", { token: refresh })).json).toEqual({ userId: user.id });
    const rotated = await api("/auth/refreshtoken", { token: refresh });
    expect(rotated.status).toBe(200);
    expect(rotated.text).not.toBe(refresh);
    expectEnvelope(await api("/auth/refreshtoken/validate", { token: refresh }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken", { token: refresh }), 401, "INVALID_TOKEN");
    expect((await api("/auth/accesstoken", { token: rotated.text })).status).toBe(200);
  });

  it("rotates a refresh token only once when two rotations race", async () => {
    const user = await createTestUser();
    const refresh = await login(user);
    const results = await Promise.all([1, 2, 3].map(() => api("/auth/refreshtoken", { token: refresh })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it("logs out with 204; the session's refresh, access and sudo tokens stop working at once", async () => {
    const user = await createTestUser();
    const { refreshToken, accessToken } = await signedIn(user);
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    const sudo = await issueSudoToken(user.id, session.id);
    const r = await api("/auth/logout", { method: "POST", token: refreshToken });
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
    expectEnvelope(await api("/auth/accesstoken/validate", { token: accessToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken/validate", { token: sudo }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/logout", { method: "POST", token: refreshToken }), 401, "INVALID_TOKEN");
  });

  it("refuses an expired session", async () => {
    const user = await createTestUser();
    const refresh = await login(user);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectEnvelope(await api("/auth/accesstoken", { token: refresh }), 401, "INVALID_TOKEN");
  });
});

describe("token kinds are never accepted in another's place", () => {
  const endpoints = [
    { path: "/auth/accesstoken", method: "GET", accepts: ["refresh"] },
    { path: "/auth/refreshtoken", method: "GET", accepts: ["refresh"] },
    { path: "/auth/refreshtoken/validate", method: "GET", accepts: ["refresh"] },
    { path: "/auth/logout", method: "POST", accepts: ["refresh"] },
    { path: "/auth/accesstoken/validate", method: "GET", accepts: ["access", "sudo"] },
  ];

  it.each(endpoints)("$method $path", async ({ path, method, accepts }) => {
    const user = await createTestUser();
    const { refreshToken, accessToken } = await signedIn(user);
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
    const tokens: Record<string, string> = {
      refresh: refreshToken,
      access: accessToken,
      sudo: await issueSudoToken(user.id, session.id),
      partial: await partialTokenFor(user.id),
    };
    for (const [kind, token] of Object.entries(tokens)) {
      if (accepts.includes(kind)) continue;
      expectEnvelope(await api(path, { method, token }), 401, "INVALID_TOKEN");
    }
    expectEnvelope(await api(path, { method }), 401, "NO_TOKEN_PROVIDED");
    expectEnvelope(await api(path, { method, headers: { Authorization: "Bearer " } }), 401, "NO_TOKEN_PROVIDED");
    expectEnvelope(await api(path, { method, token: "garbage" }), 401, "INVALID_TOKEN");
    expectEnvelope(await api(path, { method, token: "a.b.c" }), 401, "INVALID_TOKEN");
  });

  it("refuses a JWT signed by a key that is not Gatehouse's", async () => {
    const { SignJWT, generateKeyPair } = await import("jose");
    const { privateKey } = await generateKeyPair("ES256");
    const forged = await new SignJWT({ kind: "access", sid: "x" })
      .setProtectedHeader({ alg: "ES256", kid: "forged", typ: "gatehouse-access+jwt" })
      .setSubject("1")
      .setIssuer(baseUrl())
      .setAudience("gatehouse")
      .setExpirationTime("5m")
      .sign(privateKey);
    expectEnvelope(await api("/auth/accesstoken/validate", { token: forged }), 401, "INVALID_TOKEN");
  });
});

describe("routing", () => {
  it("answers unknown API paths with a JSON 404 in both path forms", async () => {
    expectEnvelope(await api("/api/nope"), 404, "NOT_FOUND");
    expectEnvelope(await api("/auth/nope"), 404, "NOT_FOUND");
    expectEnvelope(await api("/user/nope", { method: "POST", body: {} }), 404, "NOT_FOUND");
  });

  it("answers a wrong method with 405 in the envelope", async () => {
    const r = await api("/auth/login");
    expectEnvelope(r, 405, "METHOD_NOT_ALLOWED");
    expect(r.headers.get("allow")).toBe("POST");
  });
});

describe("NUL characters", () => {
  it("are refused with 400 naming the field, on every database", async () => {
    expectEnvelope(
      await api("/auth/login", { body: { username: "a\u0000@example.com", password: "x" } }),
      400,
      "username must not contain NUL characters",
    );
  });
});
