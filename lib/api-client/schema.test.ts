import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { generateSchemaTypes } from "../../scripts/lib/api-types";
import { openApiDocument } from "../openapi";

// lib/api-client/schema.ts is generated from the OpenAPI document (`npm run api:types`): a
// declaration, schema or error code changed without regenerating it fails here, and so in CI.

// next-auth (behind the portal endpoint) does not load outside Next; nothing here calls it.
vi.mock("@/lib/browser-session", () => ({ currentPortalSession: async () => null }));

const SCHEMA = path.resolve(__dirname, "schema.ts");

describe("lib/api-client/schema.ts", () => {
  it("is what openapi-typescript makes of the served document (else run `npm run api:types`)", async () => {
    const generated = await generateSchemaTypes(openApiDocument());
    expect(
      generated === readFileSync(SCHEMA, "utf8"),
      "lib/api-client/schema.ts differs from the OpenAPI document: run `npm run api:types` and commit it",
    ).toBe(true);
  });

  it("types every published operation, and no internal one", async () => {
    const text = readFileSync(SCHEMA, "utf8");
    for (const [route, item] of Object.entries(openApiDocument().paths)) {
      expect(text, route).toContain(`    "${route}": {`);
      for (const op of Object.values(item)) expect(text, op.operationId).toContain(`operations["${op.operationId}"]`);
    }
    expect(text).not.toContain('"/portal/token"');
  });
});
