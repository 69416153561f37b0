import { describe, expect, it } from "vitest";
import { createGatehouseClient, settle } from ".";

// The client's conventions, against a stand-in server: the bearer token, text/plain token
// answers as strings, `null` and 204 answers, and every failure as one typed envelope.

type Reply = { status: number; body?: string; type?: string };

/** A fetch that answers `reply` and remembers what it was asked. */
function stub(reply: Reply | Error) {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request);
    if (reply instanceof Error) throw reply;
    const headers: Record<string, string> =
      reply.body === undefined
        ? {}
        : { "Content-Type": reply.type ?? "application/json", "Content-Length": String(new TextEncoder().encode(reply.body).length) };
    return new Response(reply.body ?? null, { status: reply.status, headers });
  };
  return { fetch, seen };
}

const BASE = "https://gatehouse.example.com/api";

describe("createGatehouseClient", () => {
  it("sends the token as a bearer token, to the path under baseUrl, and reads JSON answers", async () => {
    const { fetch, seen } = stub({ status: 200, body: JSON.stringify({ enabled: false }) });
    const api = createGatehouseClient({ baseUrl: BASE, token: "eyJ.access", fetch });
    const result = await settle(api.GET("/user/2fa"));
    expect(result).toEqual({ ok: true, data: { enabled: false } });
    expect(seen[0].url).toBe(`${BASE}/user/2fa`);
    expect(seen[0].headers.get("Authorization")).toBe("Bearer eyJ.access");
  });

  it("hands a text/plain token answer over as the string, also without parseAs", async () => {
    const { fetch, seen } = stub({ status: 200, body: "r3fr3sh-t0ken", type: "text/plain; charset=utf-8" });
    const api = createGatehouseClient({ baseUrl: BASE, fetch });
    const login = await api.POST("/auth/login", { body: { username: "a@example.com", password: "Sturdy-Lantern-42" } });
    expect(login.data).toBe("r3fr3sh-t0ken");
    expect(seen[0].headers.get("Authorization")).toBeNull();
    expect(seen[0].headers.get("Content-Type")).toBe("application/json");
    expect(await seen[0].text()).toBe(JSON.stringify({ username: "a@example.com", password: "Sturdy-Lantern-42" }));
    const asText = await api.GET("/auth/accesstoken", { parseAs: "text" });
    expect(asText.data).toBe("r3fr3sh-t0ken");
  });

  it("answers null for a `null` body and for a 204", async () => {
    const nullAnswer = createGatehouseClient({ baseUrl: BASE, token: "t", fetch: stub({ status: 200, body: "null" }).fetch });
    expect(await settle(nullAnswer.DELETE("/user/sessions"))).toEqual({ ok: true, data: null });
    const noContent = createGatehouseClient({ baseUrl: BASE, token: "t", fetch: stub({ status: 204 }).fetch });
    expect(await settle(noContent.POST("/auth/logout"))).toEqual({ ok: true, data: null });
  });

  it("encodes path parameters", async () => {
    const { fetch, seen } = stub({ status: 200, body: "null" });
    await createGatehouseClient({ baseUrl: BASE, token: "t", fetch }).DELETE("/user/sessions/{id}", { params: { path: { id: "a/b c" } } });
    expect(seen[0].url).toBe(`${BASE}/user/sessions/a%2Fb%20c`);
  });
});

describe("settle", () => {
  const failing = (reply: Reply | Error) =>
    settle(createGatehouseClient({ baseUrl: BASE, token: "t", fetch: stub(reply).fetch }).GET("/user/2fa/totp/next-guess"));

  it("reads the envelope's message as the catalogue's code", async () => {
    const result = await failing({
      status: 409,
      body: JSON.stringify({ statusCode: 409, error: "Conflict", message: "TOTP_UNINITIALIZED" }),
    });
    expect(result).toEqual({ ok: false, error: { status: 409, code: "TOTP_UNINITIALIZED", message: "TOTP_UNINITIALIZED" } });
  });

  it("keeps retryAfter, and a 2FA_REQUIRED's partial token and methods", async () => {
    const throttled = await failing({
      status: 429,
      body: JSON.stringify({ statusCode: 429, error: "Too many requests", message: "TOO_MANY_TOTP_CHECKS", retryAfter: 4 }),
    });
    expect(throttled).toMatchObject({ ok: false, error: { code: "TOO_MANY_TOTP_CHECKS", retryAfter: 4 } });
    const owed = await failing({
      status: 401,
      body: JSON.stringify({ statusCode: 401, error: "Unauthorized", message: "2FA_REQUIRED", partialToken: "p", methods: ["totp"] }),
    });
    expect(owed).toMatchObject({ ok: false, error: { code: "2FA_REQUIRED", partialToken: "p", methods: ["totp"] } });
  });

  it("answers a 400 as BAD_REQUEST with the sentence and the field", async () => {
    const result = await failing({
      status: 400,
      body: JSON.stringify({ statusCode: 400, error: "Bad Request", message: "newPassword is too common", field: "newPassword" }),
    });
    expect(result).toEqual({
      ok: false,
      error: { status: 400, code: "BAD_REQUEST", message: "newPassword is too common", field: "newPassword" },
    });
  });

  it("answers UNKNOWN_ERROR for an answer that is not the envelope, or a code the catalogue lacks", async () => {
    expect(await failing({ status: 502, body: "<html>Bad gateway</html>", type: "text/html" })).toMatchObject({
      ok: false,
      error: { status: 502, code: "UNKNOWN_ERROR" },
    });
    expect(await failing({ status: 409, body: JSON.stringify({ statusCode: 409, message: "SOMETHING_NEW" }) })).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_ERROR", message: "SOMETHING_NEW" },
    });
  });

  it("answers NETWORK_ERROR, never a throw, when no answer came", async () => {
    expect(await failing(new TypeError("fetch failed"))).toEqual({
      ok: false,
      error: { status: 0, code: "NETWORK_ERROR", message: "NETWORK_ERROR" },
    });
  });
});
