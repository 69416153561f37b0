import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registry, type RegisteredEndpoint } from "../api";
import { contractNumbers, endpointsByTag, renderEndpointTables, renderErrorCodeTable } from "./markdown";
import { errorCatalogue } from "../errors";

// docs/api.md's endpoint tables are generated from the declarations (`npm run docs:api`): a
// declaration changed without regenerating them fails here, and so in CI.

const API_DOC = path.resolve(__dirname, "../../docs/api.md");
const doc = readFileSync(API_DOC, "utf8");

describe("docs/api.md", () => {
  it("has the endpoint tables the declarations give (else run `npm run docs:api`)", () => {
    const generated = renderEndpointTables(doc, registry);
    expect(generated, "docs/api.md has drifted from the endpoint declarations: run `npm run docs:api` and commit the result").toBe(doc);
  });

  it("has the error codes the catalogue gives (else run `npm run docs:api`)", () => {
    expect(renderErrorCodeTable(doc), "docs/api.md's error codes differ from lib/errors/catalogue.ts: run `npm run docs:api`").toBe(doc);
    for (const [code, { status, description }] of Object.entries(errorCatalogue))
      expect(doc).toContain(`| ${status} | \`${code}\` | ${description.replace(/\|/g, "\\|")} |`);
  });

  it("lists every published operation once, and no internal one", () => {
    const rows = doc.split("\n").filter((line) => /^\| (\d+ \| |– \| )?(GET|POST|PUT|DELETE) \| /.test(line));
    expect(rows.length).toBe(registry.filter((r) => !r.endpoint.internal).length);
    for (const { endpoint } of registry.filter((r) => r.endpoint.internal)) {
      expect(
        rows.some((row) => row.includes(`\`${endpoint.path}\``)),
        endpoint.path,
      ).toBe(false);
    }
  });

  it("keeps sections §1–§8 with the numbers code comments cite", () => {
    const headings = doc
      .split("\n")
      .filter((line) => /^#{2,3} \d/.test(line))
      .map((line) => line.replace(/^#+ /, ""));
    for (const [number, topic] of [
      ["1.", "Conventions"],
      ["2.", "Tokens"],
      ["2.1", "Login with 2FA"],
      ["3.", "Authentication endpoints"],
      ["4.", "User endpoints"],
      ["5.", "Limits and lifetimes"],
      ["6.", "Security events and notices"],
      ["7.", "Clarifications"],
      ["8.", "Safety rules"],
    ]) {
      expect(
        headings.some((h) => h.startsWith(`${number} ${topic}`)),
        `§${number} ${topic}`,
      ).toBe(true);
    }
  });
});

describe("the table generator (lib/openapi/markdown.ts)", () => {
  it("numbers the 22 operations of §4 #1–#22, each once, all of them declared", () => {
    const names = new Set(registry.map((r) => r.name));
    expect(Object.keys(contractNumbers).filter((name) => !names.has(name))).toEqual([]);
    expect(Object.values(contractNumbers).sort((a, b) => a - b)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });

  it("gives other tables when a declaration changes", () => {
    const changed: RegisteredEndpoint[] = registry.map((r) =>
      r.name === "login" ? { ...r, endpoint: { ...r.endpoint, summary: "Sign in (changed)" } } : r,
    );
    const regenerated = renderEndpointTables(doc, changed);
    expect(regenerated).not.toBe(doc);
    expect(regenerated).toContain("| Sign in (changed) |");
  });

  it("refuses a document without a block for some tag, or with a block for a tag nobody has", () => {
    const tags = [...endpointsByTag(registry).keys()];
    const blocks = (list: string[]) => list.map((tag) => `<!-- endpoints:begin tag="${tag}" -->\n<!-- endpoints:end -->\n`).join("");
    expect(() => renderEndpointTables(blocks(tags), registry)).not.toThrow();
    expect(() => renderEndpointTables(blocks(tags.slice(1)), registry)).toThrow(/no block for the tag/);
    expect(() => renderEndpointTables(blocks([...tags, "Nobody"]), registry)).toThrow(/no published endpoint has the tag "Nobody"/);
    expect(() => renderEndpointTables(blocks([...tags, tags[0]]), registry)).toThrow(/two blocks/);
  });
});
