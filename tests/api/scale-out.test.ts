import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEnv } from "../setup/env";
import { startServer, type RunningServer } from "../setup/server";
import { db } from "@/lib/db";
import { api, baseUrl, burst, createTestUser, expectEnvelope, permittedChecks, signedIn } from "../helpers";
import { awayFromStepBoundary, enableTotpViaApi, totpAt, userWithTokens } from "./two-factor-helpers";

// Issue 8 "scale-out": a second instance on the same database (PostgreSQL in CI's second pass,
// SQLite in the first). Requests alternate between the two; throttles, single-use codes and
// session revocation must hold across both, because all their state lives in the database.
let second: RunningServer;
const instances = () => [baseUrl(), second.url];
const alternate = <T>(n: number, make: (base: string, i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => make(instances()[i % 2], i)));

beforeAll(async () => {
  const port = Number(testEnv().TEST_PORT) + 1;
  second = await startServer(port, { ...testEnv(), LOG_LEVEL: "warn" });
});
afterAll(() => second?.stop());

describe("two instances on one database", () => {
  it("share the password throttle: 20 wrong passwords across both → no more checked than allowed", async () => {
    const user = await createTestUser();
    const wrong = { username: user.email, password: "Wrong-password-1" };
    const { results, ms } = await burst(20, (i) => api("/auth/login", { baseUrl: instances()[i % 2], body: wrong }));
    const checked = results.filter((r) => r.status === 401).length;
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(permittedChecks(ms));

    // deterministic: at 9 failures the next one opens a 32 s wait, so exactly one more is checked
    const other = await createTestUser();
    await db.throttle.create({ data: { key: `password:${other.id}`, failures: 9 } });
    const second = await burst(20, (i) => api("/auth/login", { baseUrl: instances()[i % 2], body: { ...wrong, username: other.email } }));
    expect(second.results.filter((r) => r.status === 401)).toHaveLength(1);
  });

  it("accept a TOTP code once: the same code 10× across both → exactly one success", async () => {
    const { user, tokens } = await userWithTokens();
    const { secret } = await enableTotpViaApi(user.id, tokens);
    await awayFromStepBoundary();
    const code = await totpAt(secret, 1); // a step not used by enable
    const results = await alternate(10, (base) =>
      api("/user/2fa/totp/authenticate", { baseUrl: base, body: { totp: code }, token: tokens.access }),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it("accept a recovery code once: the same code 10× across both → exactly one success", async () => {
    const { user, tokens } = await userWithTokens();
    const { recoveryCodes } = await enableTotpViaApi(user.id, tokens);
    const results = await alternate(10, (base) =>
      api("/user/2fa/recovery-code/authenticate", { baseUrl: base, body: { recoveryCode: recoveryCodes[0] }, token: tokens.access }),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it("end a session everywhere at once: logout on one, its access token fails on the other", async () => {
    const user = await createTestUser();
    const { refreshToken } = await signedIn(user);
    const access = await api("/auth/accesstoken", { baseUrl: second.url, token: refreshToken });
    expect(access.status).toBe(200);
    expect((await api("/auth/accesstoken/validate", { baseUrl: baseUrl(), token: access.text })).json).toEqual({ userId: user.id });
    expect((await api("/auth/logout", { baseUrl: baseUrl(), method: "POST", token: refreshToken })).status).toBe(204);
    expectEnvelope(await api("/auth/accesstoken/validate", { baseUrl: second.url, token: access.text }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken", { baseUrl: second.url, token: refreshToken }), 401, "INVALID_TOKEN");
  });
});
