import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The house rules a reader relies on, checked on the import graph (madge, with the `@/` alias
// read from tsconfig.json; the generated Prisma client is left out in .madgerc):
// - no import cycle in lib/, components/ or app/;
// - components/ and lib/ never import from app/ (pages and route files sit on top);
// - the endpoint registry loads without next-auth (scripts, the OpenAPI document and the tests
//   read it outside Next).

const ROOT = path.resolve(__dirname, "..");
/** madge's JSON answer (it exits non-zero when it finds a cycle, and still prints them). */
function madge(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    [
      "node_modules/madge/bin/cli.js",
      "--json",
      "--extensions",
      "ts,tsx",
      "--ts-config",
      "tsconfig.json",
      ...args,
      "lib",
      "components",
      "app",
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (!run.stdout.trim()) throw new Error(`madge printed nothing: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
const graph: Record<string, string[]> = madge();

function reachable(from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of graph[file] ?? []) visit(next);
  };
  visit(from);
  return seen;
}

describe("the import graph", () => {
  it("has no cycle", () => {
    expect(madge("--circular")).toEqual([]);
  }, 60_000);

  it("has components/ and lib/ import nothing from app/", () => {
    const upward = Object.entries(graph).flatMap(([file, deps]) =>
      /^(components|lib)\//.test(file) ? deps.filter((d) => d.startsWith("app/")).map((d) => `${file} → ${d}`) : [],
    );
    expect(graph["components/auth/login-form.tsx"], "the graph resolves the @/ alias").toContain("components/api-client.ts");
    expect(upward).toEqual([]);
  });

  it("has the endpoint registry load without next-auth", () => {
    expect(graph["lib/api/index.ts"]?.length).toBeGreaterThan(5);
    expect([...reachable("lib/api/index.ts")].filter((f) => f.startsWith("lib/browser-session/"))).toEqual([]);
  });
});
