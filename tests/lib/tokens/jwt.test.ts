import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AUDIENCE, issueAccessToken, issuePartialToken, verifySignedToken } from "@/lib/tokens/jwt";
import { keySet, SIGNING_ALG } from "@/lib/tokens/keys";

// verifySignedToken remembers tokens it verified; these check it never accepts one a full
// verification would refuse. The database is the test server's, so the active signing key is
// never touched: the withdrawal test publishes a key of its own.
describe("remembered tokens", () => {
  afterEach(() => vi.useRealTimers());

  it("answer the same claims again, and nothing once expired", async () => {
    const token = await issueAccessToken(1, "session-remembered");
    const first = await verifySignedToken(token);
    expect(first).toMatchObject({ kind: "access", userId: 1, sessionId: "session-remembered" });
    expect(await verifySignedToken(token)).toEqual(first);
    vi.useFakeTimers({ now: first!.expiresAt.getTime() + 1000, toFake: ["Date"] });
    expect(await verifySignedToken(token)).toBeNull();
  });

  it("are forgotten when their key is withdrawn from the published set", async () => {
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
    const kid = `test-${randomUUID()}`;
    const now = Date.now();
    await db.signingKey.create({
      data: {
        kid,
        alg: SIGNING_ALG,
        publicJwk: JSON.stringify({ ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: "sig" }),
        privateJwkEnc: "unused", // never the signing key: retired from the start
        retiredAt: new Date(now),
        publishedUntil: new Date(now + 60_000),
      },
    });
    await keySet(true);
    const token = await new SignJWT({ kind: "access", sid: "session-withdrawn" })
      .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: "gatehouse-access+jwt" })
      .setSubject("1")
      .setIssuer(config().APP_URL)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(privateKey);
    expect(await verifySignedToken(token)).toMatchObject({ sessionId: "session-withdrawn" });

    await db.signingKey.update({ where: { kid }, data: { publishedUntil: new Date(Date.now() - 1000) } });
    await keySet(true);
    expect(await verifySignedToken(token)).toBeNull();
    await db.signingKey.delete({ where: { kid } });
  });
});

// A partial token has no session; the account's session epoch it was issued under is what ends it
// (lib/tokens/authorize.ts compares it with the account's).
describe("partial tokens", () => {
  it("carry the session epoch, and no session", async () => {
    expect(await verifySignedToken(await issuePartialToken(1, 7))).toMatchObject({
      kind: "partial",
      userId: 1,
      sessionId: null,
      sessionEpoch: 7,
    });
  });

  it("are refused without an epoch, and access tokens carry none", async () => {
    const { signing } = await keySet();
    const withoutEpoch = await new SignJWT({ kind: "partial" })
      .setProtectedHeader({ alg: SIGNING_ALG, kid: signing.kid, typ: "gatehouse-partial+jwt" })
      .setSubject("1")
      .setIssuer(config().APP_URL)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(signing.key);
    expect(await verifySignedToken(withoutEpoch)).toBeNull();
    expect(await verifySignedToken(await issueAccessToken(1, "session-epochless"))).toMatchObject({ sessionEpoch: null });
  });
});
