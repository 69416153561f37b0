import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieCount, crowdedRequestRefusal, MAX_COOKIES, MAX_QUERY_PARAMETERS, queryParameterCount, refuseCrowdedRequests } from "./crowded-request";

const params = (n: number) => Array.from({ length: n }, (_, i) => `p${i}=1`).join("&");
const cookies = (n: number) => Array.from({ length: n }, (_, i) => `c${i}=1`).join("; ");

describe("crowded requests (§8 Input cost, below Next.js)", () => {
  it("counts query parameters and cookies in one pass over the text", () => {
    expect(queryParameterCount("/api/health")).toBe(0);
    expect(queryParameterCount("/api/health?")).toBe(0);
    expect(queryParameterCount("/api/users?query=a&sort=email")).toBe(2);
    expect(queryParameterCount(`/x?${"a&".repeat(7000)}`)).toBe(7001);
    expect(cookieCount(undefined)).toBe(0);
    expect(cookieCount("a=1; b=2")).toBe(2);
  });

  it("refuses more than the limits, and nothing a real client sends", () => {
    const at = (url: string, cookie?: string) => crowdedRequestRefusal({ url, headers: cookie ? { cookie } : {} });
    expect(at(`/api/admin/users?${params(MAX_QUERY_PARAMETERS)}`, cookies(MAX_COOKIES))).toBeNull();
    expect(at(`/api/admin/users?${params(MAX_QUERY_PARAMETERS + 1)}`)).toEqual({ status: 414, code: "TOO_MANY_QUERY_PARAMETERS" });
    expect(at("/login", cookies(MAX_COOKIES + 1))).toEqual({ status: 431, code: "TOO_MANY_COOKIES" });
  });

  it("takes time linear in the request: a 14 KB target in well under the 50 ms rule", () => {
    const started = performance.now();
    for (let i = 0; i < 10; i++) crowdedRequestRefusal({ url: `/x?${"a&".repeat(7000)}`, headers: { cookie: cookies(2000) } });
    expect(performance.now() - started).toBeLessThan(50);
  });

  describe("installed on the HTTP server", () => {
    let server: Server;
    let reached = 0;
    beforeAll(async () => {
      refuseCrowdedRequests();
      refuseCrowdedRequests(); // a second install changes nothing
      server = createServer((_, res) => {
        reached++;
        res.end("handled");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
        const { port } = server.address() as AddressInfo;
        const req = request({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString() }));
        });
        req.on("error", reject);
        req.end();
      });

    it("answers a crowded request itself, in the error envelope, and passes the rest on", async () => {
      const crowded = await get(`/api/health?${"a&".repeat(6000)}`);
      expect(crowded.status).toBe(414);
      expect(JSON.parse(crowded.text)).toEqual({ statusCode: 414, error: "URI Too Long", message: "TOO_MANY_QUERY_PARAMETERS" });
      expect(crowded.headers["content-type"]).toBe("application/json");
      expect(crowded.headers["x-request-id"]).toBeTruthy();
      const sticky = await get("/login", { Cookie: cookies(1500) });
      expect(sticky.status).toBe(431);
      expect(JSON.parse(sticky.text).message).toBe("TOO_MANY_COOKIES");
      expect(reached).toBe(0);
      expect((await get("/api/health?a=1&b=2", { Cookie: cookies(20) })).text).toBe("handled");
      expect(reached).toBe(1);
    });
  });
});
