import { describe, expect, it } from "vitest";
import { cookieCount, crowdedRequestRefusal, MAX_COOKIES, MAX_QUERY_PARAMETERS, queryParameterCount } from "./crowded-request.mjs";

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
});
