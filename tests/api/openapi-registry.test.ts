import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registry } from "@/lib/api";
import { API_PREFIX, NATIVE_SEGMENTS } from "@/lib/http/api-paths.mjs";
import { openApiDocument } from "@/lib/openapi";
import { api } from "../helpers";

// Every route the app serves is declared in the registry (and, unless internal, documented), and
// every documented operation is served — checked on disk and over HTTP.

// The natively served segments have folders of their own (app/auth, …); the rest is under app/api.
const APP_DIR = path.resolve(__dirname, "../../app");
const API_ROOTS = [API_PREFIX, ...NATIVE_SEGMENTS].map((name) => path.join(APP_DIR, name));
/** Route files that are not endpoint declarations: the JSON 404 catch-alls and next-auth. */
const NOT_ENDPOINTS = ["[...path]/route.ts", "session/[...nextauth]/route.ts"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/user/sessions/[id]/route.ts → /user/sessions/{id}; app/api/well-known/… → /.well-known/…. */
function publicPath(file: string): string {
  const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep);
  if (segments[0] === "api") segments.shift();
  return "/" + segments.map((s) => (s === "well-known" ? ".well-known" : s.replace(/^\[(\w+)\]$/, "{$1}"))).join("/");
}

const files = API_ROOTS.flatMap((root) =>
  routeFiles(root).map((file) => ({ file, rel: path.relative(root, file).split(path.sep).join("/") })),
).filter(({ rel }) => !NOT_ENDPOINTS.includes(rel));

describe("the endpoint registry (lib/api/index.ts)", () => {
  it("has an endpoint for every route file on disk, and a route file for every endpoint", () => {
    const served = new Set(files.map(({ file }) => publicPath(file)));
    const registered = new Set(registry.map((r) => r.endpoint.path));
    const unregistered = [...served].filter((p) => !registered.has(p));
    expect(unregistered, "route files whose endpoints are missing from lib/api/index.ts (import their module there)").toEqual([]);
    expect(
      [...registered].filter((p) => !served.has(p)),
      "registered endpoints without a route file",
    ).toEqual([]);
    expect(files.length).toBeGreaterThan(30);
  });

  it("holds the very declarations each route file serves, at the route file's path", async () => {
    for (const { file, rel } of files) {
      const source = readFileSync(file, "utf8");
      const served = /serve\(([^)]*)\)/
        .exec(source)?.[1]
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      expect(served?.length, `${rel} does not export serve(...) of endpoint declarations`).toBeGreaterThan(0);
      for (const name of served!) {
        const from = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*"@/lib/api/([\\w-]+)"`).exec(source)?.[1];
        expect(from, `${rel}: where does ${name} come from? (import it from a lib/api module)`).toBeTruthy();
        const exports = (await import(/* @vite-ignore */ `@/lib/api/${from}`)) as Record<string, unknown>;
        const entry = registry.find((r) => r.endpoint === exports[name]);
        expect(entry, `${rel}: ${name} from lib/api/${from} is not in the registry`).toBeDefined();
        expect(entry!.endpoint.path, `${rel}: ${name} declares another path`).toBe(publicPath(file));
      }
    }
  });

  it("declares each method and path once", () => {
    const keys = registry.map((r) => `${r.endpoint.method} ${r.endpoint.path}`);
    expect(keys.length).toBe(new Set(keys).size);
  });
});

describe("GET /api/openapi.json", () => {
  it("serves the document generated from the registry, as JSON", async () => {
    const r = await api("/api/openapi.json");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    expect(r.json).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("documents every non-internal endpoint and none of the internal ones", async () => {
    const doc = (await api("/api/openapi.json")).json;
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([p, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const expected = registry.filter((r) => !r.endpoint.internal).map((r) => `${r.endpoint.method} ${r.endpoint.path}`);
    expect(documented.sort()).toEqual(expected.sort());
    for (const r of registry.filter((r) => r.endpoint.internal))
      expect(doc.paths[r.endpoint.path]?.[r.endpoint.method.toLowerCase()]).toBeUndefined();
  });

  it("documents only operations the server serves, in every path form it lists", async () => {
    const doc = (await api("/api/openapi.json")).json;
    let requests = 0;
    for (const [template, item] of Object.entries(
      doc.paths as Record<string, Record<string, { servers?: { url: string }[]; responses: object }>>,
    )) {
      for (const [method, op] of Object.entries(item)) {
        const servers = (op.servers ?? doc.servers).map((s: { url: string }) => s.url.replace(/\/$/, ""));
        for (const prefix of servers) {
          const url = prefix + template.replace(/\{\w+\}/g, "does-not-exist");
          const r = await api(url, { method: method.toUpperCase() });
          requests++;
          const where = `${method.toUpperCase()} ${url} → ${r.status} ${r.text.slice(0, 120)}`;
          // the JSON catch-all, or Next's HTML 404 page: the operation is not routed
          const unrouted = r.status === 404 && (r.json?.message === "NOT_FOUND" || !r.headers.get("content-type")?.includes("json"));
          expect(unrouted && !("404" in op.responses), where).toBe(false);
          expect(r.status, where).not.toBe(405);
          expect(r.headers.get("x-request-id"), where).toBeTruthy(); // answered by the endpoint wrapper
        }
      }
    }
    expect(requests).toBeGreaterThan(60);
  });
});
