import { compileErrors, dereference, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { registry, type RegisteredEndpoint } from "../api";
import { statusOf } from "../errors";
import { defineEndpoint, type AnyEndpoint } from "../http/endpoint";
import { acceptedKinds, type TokenRule } from "../tokens/authorize";
import { buildOpenApiDocument, openApiDocument, openApiJson, type OpenApiDocument } from ".";

// The generated document, without a server: valid OpenAPI 3.1, complete, and true to the declarations.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const methods = ["get", "post", "put", "delete"] as const;
const published = registry.filter((r) => !r.endpoint.internal);
const opOf = (doc: OpenApiDocument, e: AnyEndpoint): Json => doc.paths[e.path]?.[e.method.toLowerCase()];

async function expectValid(doc: OpenApiDocument) {
  const result = await validate(structuredClone(doc) as never);
  if (!result.valid) throw new Error(compileErrors(result));
  expect(result.valid).toBe(true);
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("is valid OpenAPI 3.1 (validated by @readme/openapi-parser)", async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    await expectValid(doc);
  });

  it("is generated once and kept in memory", () => {
    expect(openApiDocument()).toBe(doc);
    expect(openApiJson()).toBe(openApiJson());
    expect(JSON.parse(openApiJson())).toEqual(doc);
  });

  it("has exactly the non-internal endpoints of the registry", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(published.map((r) => `${r.endpoint.method} ${r.endpoint.path}`).sort());
    for (const r of registry.filter((r) => r.endpoint.internal)) expect(opOf(doc, r.endpoint)).toBeUndefined();
    const ids = documented.length;
    expect(new Set(published.map((r) => r.name)).size).toBe(ids);
  });

  it("names both path forms once, and marks operations served only under /api", () => {
    expect(doc.servers.map((s) => s.url)).toEqual(["/", "/api"]);
    expect(doc.info.description).toMatch(/\/api\/auth\/login/);
    expect(opOf(doc, published.find((r) => r.endpoint.path === "/openapi.json")!.endpoint).servers).toEqual([
      { url: "/api", description: expect.any(String) },
    ]);
    expect(opOf(doc, published.find((r) => r.endpoint.path === "/auth/login")!.endpoint).servers).toBeUndefined();
  });

  it("describes the flows a client implements", () => {
    const text = String(doc.info.description);
    for (const needle of ["2FA_REQUIRED", "partialToken", "/auth/refreshtoken", "sudo", "Eniris", "jwks.json", "kid", "/auth/logout"]) {
      expect(text).toContain(needle);
    }
  });

  it("declares the four token kinds as bearer schemes and maps every rule to the kinds it accepts", () => {
    for (const kind of ["refresh", "access", "sudo", "partial"]) {
      expect(doc.components.securitySchemes).toHaveProperty(
        kind,
        expect.objectContaining({ type: "http", scheme: "bearer", description: expect.any(String) }),
      );
    }
    for (const { endpoint } of published) {
      const op = opOf(doc, endpoint);
      const schemes = (op.security as Record<string, string[]>[]).flatMap((alternative) => Object.keys(alternative));
      if (endpoint.auth === "none") {
        expect(op.security, endpoint.path).toEqual([]);
        continue;
      }
      const kinds = schemes.filter((s) => s !== "refreshCookie");
      expect(kinds.sort(), `${endpoint.method} ${endpoint.path}`).toEqual([...acceptedKinds[endpoint.auth as TokenRule]].sort());
      expect(schemes.includes("refreshCookie")).toBe(!!endpoint.refreshFromCookie);
      expect(op.description).toContain("**Token**");
    }
  });

  it("explains S/A¬2FA where an access token only serves without 2FA", () => {
    const rule = published.filter((r) => r.endpoint.auth === "sudo-or-access-without-2fa");
    expect(rule.length).toBeGreaterThan(0);
    for (const { endpoint } of rule) {
      const op = opOf(doc, endpoint);
      expect(op["x-token-rule"]).toBe("S/A¬2FA");
      expect(op.description).toMatch(/access token while the account has no active second factor/);
    }
  });

  it("lists every declared error code under its status, and the ones the wrapper adds", () => {
    for (const { endpoint } of published) {
      const op = opOf(doc, endpoint);
      const where = `${endpoint.method} ${endpoint.path}`;
      const codesOf = (status: number): string[] => {
        const response = op.responses[String(status)];
        expect(response, `${where} ${status}`).toBeDefined();
        const schema = response.content["application/json"].schema;
        const variants: Json[] = schema.oneOf ?? [schema];
        return variants.flatMap((v) => (v.$ref?.endsWith("/TwoFactorRequired") ? ["2FA_REQUIRED"] : (v.properties.message.enum ?? [])));
      };
      // declarations list codes (never a 400's); each one's status is the catalogue's
      for (const code of endpoint.errors ?? []) expect(codesOf(statusOf(code)), where).toContain(code);
      if (endpoint.auth !== "none") expect(codesOf(401), where).toEqual(expect.arrayContaining(["NO_TOKEN_PROVIDED", "INVALID_TOKEN"]));
      if (endpoint.body) {
        expect(op.responses["400"], where).toBeDefined();
        expect(codesOf(413), where).toEqual(["PAYLOAD_TOO_LARGE"]);
      }
      if (endpoint.query || endpoint.params) expect(op.responses["400"], where).toBeDefined();
      if (!endpoint.query && !endpoint.params && !endpoint.body) expect(op.responses["400"], where).toBeUndefined();
      expect(codesOf(500), where).toContain("INTERNAL_SERVER_ERROR");
      const r429 = op.responses["429"];
      if ((endpoint.errors ?? []).some((c) => statusOf(c) === 429)) {
        expect(r429.headers["Retry-After"], where).toEqual({ $ref: "#/components/headers/RetryAfter" });
        expect(r429.content["application/json"].schema.required, where).toContain("retryAfter");
      } else expect(r429, where).toBeUndefined();
    }
  });

  it("documents every success response, text/plain for bare tokens", () => {
    for (const { endpoint } of published) {
      const op = opOf(doc, endpoint);
      const status = String(endpoint.success.status ?? 200);
      const response = op.responses[status];
      expect(response?.description, `${endpoint.path} ${status}`).toBeTruthy();
      if (status === "204") expect(response.content).toBeUndefined();
      else if (endpoint.success.type === "text") expect(Object.keys(response.content)).toEqual(["text/plain"]);
      else expect(Object.keys(response.content)).toEqual(["application/json"]);
    }
  });

  it("carries the schemas' limits, in the form the client sends (before transforms)", () => {
    const login = opOf(doc, published.find((r) => r.endpoint.path === "/auth/login")!.endpoint);
    const body = login.requestBody.content["application/json"].schema;
    expect(login.requestBody.required).toBe(true);
    expect(body.required).toEqual(["username", "password"]);
    expect(body.properties.password).toMatchObject({ type: "string", maxLength: 256 });
    expect(body.additionalProperties).toBeUndefined(); // unknown fields are ignored, not refused
    const cookie = login.parameters.find((p: Json) => p.name === "cookie");
    expect(cookie).toMatchObject({
      in: "query",
      required: false,
      schema: { type: "string", enum: expect.arrayContaining(["true", "false"]) },
    });
    for (const { endpoint } of published) {
      const op = opOf(doc, endpoint);
      for (const name of endpoint.path.match(/\{(\w+)\}/g) ?? []) {
        expect(op.parameters.some((p: Json) => p.in === "path" && `{${p.name}}` === name && p.required === true)).toBe(true);
      }
      if (endpoint.emptyBodyIsObject) expect(op.requestBody.required).toBe(false);
    }
  });

  it("gives examples that match their own schemas", async () => {
    const resolved = (await dereference(structuredClone(doc) as never)) as Json;
    let checked = 0;
    for (const item of Object.values(resolved.paths) as Json[]) {
      for (const method of methods) {
        for (const response of Object.values(item[method]?.responses ?? {}) as Json[]) {
          const media = response.content?.["application/json"];
          if (!media?.examples) continue;
          const schema = z.fromJSONSchema(media.schema);
          for (const [name, example] of Object.entries(media.examples) as [string, Json][]) {
            expect(schema.safeParse(example.value).success, `${name}: ${JSON.stringify(example.value)}`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe("buildOpenApiDocument", () => {
  const fake = (name: string, endpoint: AnyEndpoint, internal = false): RegisteredEndpoint => ({
    name,
    module: "fake",
    endpoint: { ...endpoint, internal },
  });
  const body = z.object({
    when: z
      .string()
      .max(10)
      .transform((s) => new Date(s)),
    item: z.object({ n: z.number().int() }).meta({ id: "Item" }),
  });
  const registryOf = [
    fake(
      "createThing",
      defineEndpoint({
        method: "POST",
        path: "/things/{thingId}",
        auth: "sudo",
        body,
        summary: "Create a thing",
        tags: ["Things"],
        success: { schema: z.object({ item: body.shape.item, created: z.boolean() }), description: "Created." },
        // any 409 and 429 of the catalogue: declarations list its codes only
        errors: ["LAST_ADMIN", "TOO_MANY_TOTP_CHECKS"],
        async handle() {
          return null;
        },
      }),
    ),
    fake(
      "secret",
      defineEndpoint({
        method: "GET",
        path: "/internal",
        auth: "none",
        summary: "x",
        tags: ["x"],
        success: { description: "x" },
        async handle() {},
      }),
      true,
    ),
  ];
  const doc = buildOpenApiDocument(registryOf, { version: "9.9.9" });

  it("handles transforms, named sub-schemas, undeclared path parameters and internal endpoints", async () => {
    await expectValid(doc);
    expect(Object.keys(doc.paths)).toEqual(["/things/{thingId}"]);
    const op: Json = doc.paths["/things/{thingId}"].post;
    expect(op.servers).toEqual([{ url: "/api", description: expect.any(String) }]); // not rewritten without /api
    expect(op.parameters).toEqual([{ name: "thingId", in: "path", required: true, schema: { type: "string" } }]);
    expect(op.requestBody.content["application/json"].schema.properties.when).toEqual({ type: "string", maxLength: 10 });
    expect(op.requestBody.content["application/json"].schema.properties.item).toEqual({ $ref: "#/components/schemas/Item" });
    expect(doc.components.schemas).toHaveProperty("Item");
    // 403: a body endpoint refuses a cross-site body that skipped the CORS preflight
    expect(Object.keys(op.responses)).toEqual(["200", "400", "401", "403", "409", "413", "429", "500"]);
    expect(op.security).toEqual([{ sudo: [] }]);
    expect(doc.info.version).toBe("9.9.9");
  });
});
