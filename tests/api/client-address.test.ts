import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEnv } from "../setup/env";
import { startServer, type RunningServer } from "../setup/server";
import { db } from "@/lib/db";
import { api, createTestUser, login } from "../helpers";

// §8 "Client address": the address recorded for sessions and events is the TCP peer's unless
// TRUST_PROXY is on; only then X-Forwarded-For counts, and only the entry the nearest proxy added.
// §8 "Development mailbox": never readable from another machine. The suite's server has
// TRUST_PROXY off (so every request here comes from loopback); a second server trusts a proxy,
// which is how a request from another machine can be made without leaving loopback.

async function sessionAddress(refreshToken: string): Promise<string | null> {
  const { sha256 } = await import("@/lib/crypto");
  const session = await db.session.findUnique({ where: { refreshTokenHash: sha256(refreshToken) }, select: { ip: true } });
  return session?.ip ?? null;
}

async function loginWith(headers: Record<string, string>, baseUrl?: string) {
  const user = await createTestUser();
  const response = await api("/auth/login", { body: { username: user.email, password: user.password }, headers, baseUrl });
  expect(response.status).toBe(200);
  return { user, refreshToken: response.text };
}

describe("client address without a trusted proxy", () => {
  it("records the TCP peer, not the client's X-Forwarded-For or X-Real-IP", async () => {
    const { refreshToken } = await loginWith({ "X-Forwarded-For": "203.0.113.7, 198.51.100.1", "X-Real-IP": "198.51.100.2" });
    expect(await sessionAddress(refreshToken)).toBe("127.0.0.1");
  });

  it("ignores a forged peer header", async () => {
    const { refreshToken } = await loginWith({ "X-Gatehouse-Peer": "guess 203.0.113.9" });
    expect(await sessionAddress(refreshToken)).toBe("127.0.0.1");
  });

  it("keeps attacker text out of security events", async () => {
    const { user } = await loginWith({ "X-Forwarded-For": "<script>alert(1)</script>".padEnd(64, "x") });
    const events = await db.securityEvent.findMany({ where: { userId: user.id, kind: "login.success" }, select: { ip: true } });
    expect(events).toHaveLength(1);
    for (const event of events) expect(event.ip).toBe("127.0.0.1");
  });

  it("the development mailbox is off on a production server without DEV_MAILBOX", async () => {
    const response = await fetch(`${process.env.APP_URL}/dev/mailbox`);
    expect(response.status).toBe(404);
  });
});

describe("behind a trusted proxy (TRUST_PROXY=1, DEV_MAILBOX=1)", () => {
  let proxied: RunningServer;
  beforeAll(async () => {
    proxied = await startServer(Number(testEnv().TEST_PORT) + 5, { ...testEnv(), LOG_LEVEL: "warn", TRUST_PROXY: "1", DEV_MAILBOX: "1" });
  });
  afterAll(() => proxied?.stop());

  it("records the address the nearest proxy added (the last entry), which a client cannot forge", async () => {
    const { refreshToken } = await loginWith({ "X-Forwarded-For": "127.0.0.1, 203.0.113.7" }, proxied.url);
    expect(await sessionAddress(refreshToken)).toBe("203.0.113.7");
  });

  it("falls back to the peer when the forwarded text is not an address", async () => {
    const { refreshToken } = await loginWith({ "X-Forwarded-For": "not-an-address" }, proxied.url);
    expect(await sessionAddress(refreshToken)).toBe("127.0.0.1");
  });

  it("shows the mailbox to this machine", async () => {
    const response = await fetch(`${proxied.url}/dev/mailbox`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("development mailbox");
  });

  it("answers a client on another machine with the 404 page, whatever it claims to be", async () => {
    const user = await createTestUser();
    await api("/user/password/reset/send", { method: "POST", body: { email: user.email }, baseUrl: proxied.url });
    for (const forwarded of ["203.0.113.7", "127.0.0.1, 203.0.113.7"]) {
      for (const path of ["/dev/mailbox", `/dev/mailbox?to=${encodeURIComponent(user.email)}`]) {
        const response = await fetch(proxied.url + path, { headers: { "X-Forwarded-For": forwarded } });
        expect(response.status).toBe(404);
        const html = await response.text();
        expect(html).not.toContain("development mailbox");
        expect(html).not.toContain(user.email);
      }
    }
  });

  it("still signs in from another machine (the rule is for the mailbox only)", async () => {
    const user = await createTestUser();
    expect(await login(user)).toBeTruthy();
  });
});
