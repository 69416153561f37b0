import { describe, expect, it } from "vitest";
import { createGatehouseClient, settle } from "@/lib/api-client";
import { baseUrl, createTestUser, markTotpActive, recordSecrets } from "../helpers";

// lib/api-client from Node, as a third party uses it, against the real server: the README's
// example (login → access token → GET /user/2fa), a second factor owed, and typed failures.

const gatehouse = (token?: string) => createGatehouseClient({ baseUrl: `${baseUrl()}/api`, token });

describe("the typed client (lib/api-client) against the server", () => {
  it("signs in, gets an access token and reads the 2FA status", async () => {
    const user = await createTestUser();
    const login = await gatehouse().POST("/auth/login", { body: { username: user.email, password: user.password } });
    const refreshToken = login.data!;
    expect(refreshToken).toMatch(/^[\w-]{43}$/);
    const access = await gatehouse(refreshToken).GET("/auth/accesstoken");
    const accessToken = access.data!;
    recordSecrets({ token: refreshToken }, { token: accessToken });
    expect(accessToken.split(".")).toHaveLength(3);
    const status = await settle(gatehouse(accessToken).GET("/user/2fa"));
    expect(status).toEqual({ ok: true, data: { enabled: false } });
    expect(await settle(gatehouse(accessToken).DELETE("/user/sessions"))).toEqual({ ok: true, data: null });
  });

  it("answers a second factor owed with the partial token and the methods", async () => {
    const user = await createTestUser();
    await markTotpActive(user.id);
    const login = await settle(gatehouse().POST("/auth/login", { body: { username: user.email, password: user.password } }));
    if (login.ok) throw new Error("expected 2FA_REQUIRED");
    recordSecrets({ partialToken: login.error.partialToken });
    expect(login.error).toMatchObject({ status: 401, code: "2FA_REQUIRED", methods: ["totp"], partialToken: expect.any(String) });
  });

  it("answers failures with the catalogue's code, and a 400 with its field", async () => {
    const user = await createTestUser();
    const wrong = await settle(gatehouse().POST("/auth/login", { body: { username: user.email, password: "Wrong-password-1" } }));
    expect(wrong).toEqual({ ok: false, error: { status: 401, code: "PASSWORD_INCORRECT", message: "PASSWORD_INCORRECT" } });
    const missing = await settle(gatehouse().POST("/auth/login", { body: { username: user.email } as never }));
    expect(missing).toEqual({ ok: false, error: { status: 400, code: "BAD_REQUEST", message: "password is required", field: "password" } });
    const noToken = await settle(gatehouse().GET("/user/2fa"));
    expect(noToken).toMatchObject({ ok: false, error: { status: 401, code: "NO_TOKEN_PROVIDED" } });
  });
});
