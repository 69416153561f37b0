import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { nextServerArgs } from "../../scripts/lib/next-server";
import { baseUrl, createTestUser, sleep } from "../helpers";

// CORS (lib/http/cors.ts, preflights in proxy.ts). Configuration is read once per process, so the
// configured cases run on servers of their own, started here from the same build and database.

interface Server {
  url: string;
  process: ChildProcess;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(corsOrigins: string): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, nextServerArgs("start", port, "127.0.0.1"), {
    env: { ...process.env, NODE_ENV: "production", APP_URL: url, CORS_ORIGINS: corsOrigins },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr!.resume();
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode != null) throw new Error(`server for CORS_ORIGINS=${corsOrigins} exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, process: child };
    if (Date.now() > deadline) throw new Error(`server for CORS_ORIGINS=${corsOrigins} did not start`);
    await sleep(200);
  }
}

async function stopServer(server: Server | undefined) {
  if (!server || server.process.exitCode != null) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGTERM");
  await Promise.race([exited, sleep(5000)]);
}

const preflight = (url: string, origin: string, method = "POST") =>
  fetch(url, {
    method: "OPTIONS",
    headers: { Origin: origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": "authorization,content-type" },
  });

const corsHeaders = (r: Response) => [...r.headers.keys()].filter((k) => k.startsWith("access-control-"));

function expectNoWildcardWithCredentials(r: Response) {
  if (r.headers.get("access-control-allow-origin") === "*") expect(r.headers.get("access-control-allow-credentials")).toBeNull();
}

const LISTED = "https://app.example.com";
const OTHER = "https://evil.example.net";
let listed: Server | undefined;
let wildcard: Server | undefined;
let user: { id: number; email: string; password: string };

beforeAll(async () => {
  user = await createTestUser();
  // mixed case and a trailing slash in the configuration still match the browser's Origin
  [listed, wildcard] = await Promise.all([
    startServer(" https://App.Example.com/ ,https://second.example.org"),
    startServer(`*,${LISTED}`),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([stopServer(listed), stopServer(wildcard)]);
});

describe("CORS by default (no CORS_ORIGINS)", () => {
  it("sends no CORS header at all, on preflights or responses", async () => {
    for (const path of ["/auth/login", "/api/auth/login", "/.well-known/jwks.json", "/api/openapi.json"]) {
      const pre = await preflight(baseUrl() + path, LISTED);
      expect(corsHeaders(pre), path).toEqual([]);
      const actual = await fetch(baseUrl() + path, { headers: { Origin: LISTED } });
      expect(corsHeaders(actual), path).toEqual([]);
    }
  });
});

describe("CORS for listed origins", () => {
  it("answers the preflight of a listed origin for both path forms", async () => {
    for (const path of ["/auth/login", "/api/auth/login", "/user/2fa/totp/setup", "/.well-known/openid-configuration"]) {
      const r = await preflight(listed!.url + path, LISTED);
      expect(r.status, path).toBe(204);
      expect(r.headers.get("access-control-allow-origin")).toBe(LISTED);
      expect(r.headers.get("access-control-allow-credentials")).toBe("true");
      expect(r.headers.get("access-control-allow-methods")).toMatch(/POST/);
      expect(r.headers.get("access-control-allow-headers")?.toLowerCase()).toBe("authorization, content-type");
      expect(Number(r.headers.get("access-control-max-age"))).toBeGreaterThan(0);
      expect(r.headers.get("vary")).toMatch(/Origin/);
    }
  });

  it("reflects a listed origin on actual answers, errors included, and exposes Retry-After and X-Request-Id", async () => {
    const ok = await fetch(`${listed!.url}/auth/login`, {
      method: "POST",
      headers: { Origin: LISTED, "Content-Type": "application/json" },
      body: JSON.stringify({ username: user.email, password: user.password }),
    });
    expect(ok.status).toBe(200);
    const failed = await fetch(`${listed!.url}/api/auth/accesstoken/validate`, {
      headers: { Origin: LISTED, Authorization: "Bearer nope" },
    });
    expect(failed.status).toBe(401);
    for (const r of [ok, failed]) {
      expect(r.headers.get("access-control-allow-origin")).toBe(LISTED);
      expect(r.headers.get("access-control-allow-credentials")).toBe("true");
      expect(r.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
      expect(r.headers.get("access-control-expose-headers")).toMatch(/X-Request-Id/);
      expect(r.headers.get("vary")).toMatch(/Origin/);
    }
  });

  it("gives an origin that is not listed nothing", async () => {
    const pre = await preflight(`${listed!.url}/auth/login`, OTHER);
    expect(corsHeaders(pre)).toEqual([]);
    const actual = await fetch(`${listed!.url}/.well-known/jwks.json`, { headers: { Origin: OTHER } });
    expect(actual.status).toBe(200);
    expect(corsHeaders(actual)).toEqual([]);
    expect(actual.headers.get("vary")).toMatch(/Origin/); // caches must not hand a listed origin's copy to it
    const sameOrigin = await fetch(`${listed!.url}/.well-known/jwks.json`);
    expect(corsHeaders(sameOrigin)).toEqual([]);
  });

  it("never opens the portal's plumbing to other origins", async () => {
    const pre = await preflight(`${listed!.url}/api/portal/token`, LISTED, "GET");
    expect(corsHeaders(pre)).toEqual([]);
    const actual = await fetch(`${listed!.url}/api/portal/token`, { headers: { Origin: LISTED } });
    expect(actual.status).toBe(401);
    expect(corsHeaders(actual)).toEqual([]);
  });
});

describe("CORS with a wildcard", () => {
  it("allows any origin without credentials, and a listed one with them", async () => {
    const pre = await preflight(`${wildcard!.url}/auth/accesstoken`, OTHER, "GET");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    const actual = await fetch(`${wildcard!.url}/auth/accesstoken`, { headers: { Origin: OTHER } });
    expect(actual.status).toBe(401);
    expect(actual.headers.get("access-control-allow-origin")).toBe("*");
    expect(actual.headers.get("access-control-allow-credentials")).toBeNull();

    const trusted = await fetch(`${wildcard!.url}/auth/accesstoken`, { headers: { Origin: LISTED } });
    expect(trusted.headers.get("access-control-allow-origin")).toBe(LISTED);
    expect(trusted.headers.get("access-control-allow-credentials")).toBe("true");

    for (const r of [pre, actual, trusted]) expectNoWildcardWithCredentials(r);
  });

  it("lets no origin but a listed one post a body that skipped the preflight, or use the refresh cookie (§8)", async () => {
    const credentials = JSON.stringify({ username: user.email, password: user.password });
    const formPost = (origin: string) =>
      fetch(`${wildcard!.url}/auth/login?cookie=true`, {
        method: "POST",
        headers: { Origin: origin, "Content-Type": "text/plain" },
        body: credentials,
      });
    const sessions = () => db.session.count({ where: { userId: user.id } });
    const before = await sessions();
    for (const origin of [OTHER, "null", "https://app.example.com.evil.net"]) {
      const refused = await formPost(origin);
      expect(refused.status, origin).toBe(403);
      expect(((await refused.json()) as { message: string }).message).toBe("CROSS_SITE_REQUEST");
      expect(refused.headers.get("set-cookie")).toBeNull();
    }
    expect(await sessions()).toBe(before);
    // the listed origin is trusted with such a body, and with the cookie
    const trusted = await formPost(LISTED);
    expect(trusted.status).toBe(200);
    const cookie = `gatehouse_refresh=${await trusted.text()}`;
    const rotate = (origin: string) => fetch(`${wildcard!.url}/auth/refreshtoken`, { headers: { Origin: origin, Cookie: cookie } });
    expect((await rotate(OTHER)).status).toBe(403);
    expect((await rotate(LISTED)).status).toBe(200);
  });

  it("never pairs * with credentials, whatever the request", async () => {
    for (const origin of [OTHER, "null", "https://app.example.com.evil.net", "HTTPS://ANOTHER.EXAMPLE"]) {
      for (const r of [
        await preflight(`${wildcard!.url}/api/user/2fa`, origin, "GET"),
        await fetch(`${wildcard!.url}/api/user/2fa`, { headers: { Origin: origin } }),
      ]) {
        expect(r.headers.get("access-control-allow-origin"), origin).toBe("*");
        expectNoWildcardWithCredentials(r);
      }
    }
  });
});
