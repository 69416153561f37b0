import { dereference } from "@readme/openapi-parser";
import { decodeJwt } from "jose";
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { api, createTestUser, markTotpActive, sleep, type ApiResponse } from "../helpers";

// A client that knows nothing but the published document: each flow finds its operations, their
// paths, methods, token schemes and schemas in GET /api/openapi.json, calls them, and checks the
// answers against the documented schemas. One flow per token kind.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
interface Found {
  path: string;
  method: string;
  op: Json;
  schemes: string[];
}

let doc: Json;
let operations: Found[];

beforeAll(async () => {
  const r = await api("/api/openapi.json");
  expect(r.status).toBe(200);
  doc = await dereference(r.json);
  operations = Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      path,
      method: method.toUpperCase(),
      op,
      schemes: (op.security as Record<string, string[]>[]).flatMap((alternative) => Object.keys(alternative)),
    })),
  );
});

/** The one operation matching the description a client would search by. */
function find(what: string, predicate: (o: Found) => boolean): Found {
  const matches = operations.filter(predicate);
  if (matches.length !== 1)
    throw new Error(`${what}: ${matches.length} operations match (${matches.map((m) => `${m.method} ${m.path}`).join(", ")})`);
  return matches[0];
}

const successOf = (o: Found) => {
  const [status, response] = Object.entries(o.op.responses as Record<string, Json>).find(([s]) => s.startsWith("2"))!;
  return { status: Number(status), content: response.content ?? {} };
};
const jsonSchemaOf = (o: Found, status?: number): Json =>
  (status ? o.op.responses[String(status)] : successOf(o)).content?.["application/json"]?.schema;
const returnsText = (o: Found) => "text/plain" in successOf(o).content;
const returnsProperty = (o: Found, name: string) => JSON.stringify(jsonSchemaOf(o) ?? {}).includes(`"${name}"`);
const bodyProperties = (o: Found): string[] => Object.keys(o.op.requestBody?.content?.["application/json"]?.schema?.properties ?? {});
const only = (o: Found, ...schemes: string[]) =>
  o.schemes
    .filter((s) => s !== "refreshCookie")
    .sort()
    .join() === [...schemes].sort().join();

/** Calls a documented operation with the server form the document lists first for it. */
function call(o: Found, opts: { token?: string; body?: unknown } = {}) {
  const server = (o.op.servers ?? doc.servers)[0].url.replace(/\/$/, "");
  return api(server + o.path, { method: o.method, token: opts.token, body: opts.body });
}

/** The answer matches the schema the document gives for its status. */
function expectDocumented(o: Found, r: ApiResponse) {
  const response = o.op.responses[String(r.status)];
  expect(response, `${o.method} ${o.path} answered an undocumented ${r.status}: ${r.text}`).toBeDefined();
  const schema = response.content?.["application/json"]?.schema;
  if (schema) {
    const parsed = z.fromJSONSchema(schema).safeParse(r.json);
    expect(parsed.success, `${o.method} ${o.path} ${r.status} does not match its schema: ${r.text}`).toBe(true);
  }
  if (response.content?.["text/plain"]) expect(r.headers.get("content-type")).toMatch(/^text\/plain/);
}

const loginOp = () =>
  find(
    "login",
    (o) =>
      o.method === "POST" &&
      o.schemes.length === 0 &&
      ["username", "password"].every((p) => bodyProperties(o).includes(p)) &&
      returnsText(o),
  );
const accessTokenOp = () =>
  find(
    "access token from a refresh token",
    (o) => o.method === "GET" && only(o, "refresh") && returnsText(o) && /access token/i.test(o.op.summary),
  );

const validateOp = () =>
  find(
    "validate an access token",
    (o) => o.method === "GET" && only(o, "access", "sudo") && !o.op.parameters && jsonSchemaOf(o)?.required?.join() === "userId",
  );

async function loginThroughDocument(user: { email: string; password: string }) {
  const login = loginOp();
  const r = await call(login, { body: { username: user.email, password: user.password } });
  expectDocumented(login, r);
  return r;
}

describe("a client driven by the OpenAPI document", () => {
  it("refresh: logs in and exchanges the refresh token for an access token", async () => {
    const user = await createTestUser();
    const login = await loginThroughDocument(user);
    expect(login.status).toBe(200);
    const op = accessTokenOp();
    expect(op.schemes).toContain("refresh");
    const r = await call(op, { token: login.text });
    expectDocumented(op, r);
    expect(r.status).toBe(200);
    expect(decodeJwt(r.text)).toMatchObject({ kind: "access", sub: String(user.id) });
  });

  it("access: validates an access token, and the document's 401 codes are the ones answered", async () => {
    const user = await createTestUser();
    const refresh = (await loginThroughDocument(user)).text;
    const access = (await call(accessTokenOp(), { token: refresh })).text;
    const validate = validateOp();
    const r = await call(validate, { token: access });
    expectDocumented(validate, r);
    expect(r.json).toEqual({ userId: user.id });

    for (const token of [undefined, refresh]) {
      const refused = await call(validate, { token });
      expect(refused.status).toBe(401);
      expectDocumented(validate, refused);
    }
  });

  it("partial: a login that owes a second factor, then an operation that takes the partial token", async () => {
    const user = await createTestUser();
    await markTotpActive(user.id);
    const login = await loginThroughDocument(user);
    expect(login.status).toBe(401);
    expect(login.json.message).toBe("2FA_REQUIRED");
    expect(login.json.methods).toEqual(["totp"]);

    const status = find("2FA status", (o) => o.method === "GET" && o.schemes.includes("partial") && returnsProperty(o, "enabled"));
    const r = await call(status, { token: login.json.partialToken });
    expectDocumented(status, r);
    expect(r.status).toBe(200);
    expect(r.json.enabled).toBe(true);

    // an operation whose security does not list `partial` refuses it, as documented
    const validate = validateOp();
    const refused = await call(validate, { token: login.json.partialToken });
    expectDocumented(validate, refused);
    expect(refused.json.message).toBe("INVALID_TOKEN");
  });

  it("sudo: sets up TOTP through the API, steps up with a code, and uses the sudo token where only sudo is accepted", async () => {
    const user = await createTestUser();
    const refresh = (await loginThroughDocument(user)).text;
    const access = (await call(accessTokenOp(), { token: refresh })).text;

    const setup = find("TOTP setup", (o) => o.method === "POST" && o.op["x-token-rule"] === "S/A¬2FA" && returnsProperty(o, "url"));
    const started = await call(setup, { token: access, body: {} });
    expectDocumented(setup, started);
    const secret = new URL(started.json.url).searchParams.get("secret")!;

    // stay clear of a 30 s step boundary: the next two codes belong to two consecutive steps
    const into = (Date.now() / 1000) % 30;
    if (into > 27) await sleep((30 - into + 0.3) * 1000);
    const step = Math.floor(Date.now() / 30_000);
    const codeAt = (s: number) => generate({ secret, epoch: s * 30 + 1 });

    const enable = find(
      "TOTP activation",
      (o) =>
        o.method === "POST" && bodyProperties(o).includes("totp") && !o.schemes.includes("partial") && returnsProperty(o, "recoveryCodes"),
    );
    const enabled = await call(enable, { token: access, body: { totp: await codeAt(step) } });
    expectDocumented(enable, enabled);
    expect(enabled.status).toBe(200);

    const authenticate = find(
      "TOTP authenticate",
      (o) => o.method === "POST" && bodyProperties(o).includes("totp") && o.schemes.includes("partial"),
    );
    const stepUp = await call(authenticate, { token: access, body: { totp: await codeAt(step + 1) } });
    expectDocumented(authenticate, stepUp);
    expect(stepUp.status).toBe(200);
    const sudo = stepUp.json.sudoToken as string;
    expect(decodeJwt(sudo).kind).toBe("sudo");

    const reset = find(
      "recovery code reset",
      (o) => o.method === "POST" && only(o, "sudo") && o.op["x-token-rule"] === "S" && returnsProperty(o, "recoveryCodes"),
    );
    const refused = await call(reset, { token: access, body: {} });
    expectDocumented(reset, refused);
    expect(refused.json.message).toBe("INVALID_TOKEN");
    const done = await call(reset, { token: sudo, body: {} });
    expectDocumented(reset, done);
    expect(done.status).toBe(200);
    expect(done.json.recoveryCodes).toHaveLength(10);
  });
});
