import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { createRemoteJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { encrypt } from "@/lib/crypto";
import { db } from "@/lib/db";
import { issueSudoToken } from "@/lib/tokens/jwt";
import { TOKEN_LIFETIME_SECONDS } from "@/lib/tokens/lifetimes";
import { api, baseUrl, createTestUser, partialTokenFor, signedIn, sleep } from "../helpers";

// Discovery: where a third party finds the keys and what to check, and key rotation as a verifier
// sees it (new tokens carry the new kid; old tokens verify until they expire; expired keys leave).

const run = promisify(execFile);
const keysCli = (command: string) => run("npx", ["tsx", "scripts/keys.ts", command], { env: process.env, timeout: 60_000 });

async function discovery() {
  const r = await api("/.well-known/openid-configuration");
  expect(r.status).toBe(200);
  return r.json;
}

/** A fresh remote key set each time: no cache between the checks. */
const remoteJwks = (uri: string) => createRemoteJWKSet(new URL(uri), { cooldownDuration: 0, cacheMaxAge: 0 });

async function jwksKids(): Promise<string[]> {
  const r = await api("/.well-known/jwks.json");
  return r.json.keys.map((k: { kid: string }) => k.kid);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(400);
  }
}

describe("GET /.well-known/openid-configuration", () => {
  it("names the issuer, the keys, the algorithm and the documents, at both path forms", async () => {
    const doc = await discovery();
    const base = baseUrl();
    expect(doc).toEqual({
      issuer: process.env.APP_URL,
      jwks_uri: `${base}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ["ES256"],
      token_signing_alg_values_supported: ["ES256"],
      token_audience: "gatehouse",
      token_types: { access: "gatehouse-access+jwt", sudo: "gatehouse-sudo+jwt", partial: "gatehouse-partial+jwt" },
      openapi_url: `${base}/api/openapi.json`,
      service_documentation: `${base}/docs`,
    });
    expect((await api("/api/.well-known/openid-configuration")).json).toEqual(doc);
    // claims nothing of an OpenID provider it is not
    for (const key of ["authorization_endpoint", "token_endpoint", "userinfo_endpoint", "response_types_supported"])
      expect(doc).not.toHaveProperty(key);
    // every link works
    for (const url of [doc.jwks_uri, doc.openapi_url, doc.service_documentation]) expect((await fetch(url)).status, url).toBe(200);
  });

  it("is all a verifier needs: each kind verifies with the published keys, issuer, audience and typ", async () => {
    const doc = await discovery();
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    const tokens = { access: accessToken, sudo: await issueSudoToken(user.id, session.id), partial: await partialTokenFor(user.id) };
    const keys = remoteJwks(doc.jwks_uri);
    for (const [kind, token] of Object.entries(tokens)) {
      const { payload, protectedHeader } = await jwtVerify(token, keys, {
        issuer: doc.issuer,
        audience: doc.token_audience,
        algorithms: doc.id_token_signing_alg_values_supported,
        typ: doc.token_types[kind],
      });
      expect(payload.sub).toBe(String(user.id));
      expect(protectedHeader.typ).toBe(doc.token_types[kind]);
    }
    // the typ check keeps one kind from passing for another
    await expect(
      jwtVerify(tokens.partial, keys, { issuer: doc.issuer, audience: doc.token_audience, typ: doc.token_types.access }),
    ).rejects.toThrow();
  });
});

describe("signing key rotation (npm run keys -- rotate)", () => {
  it("signs new tokens with the new key; tokens of the old key verify until they expire", { timeout: 90_000 }, async () => {
    const doc = await discovery();
    const user = await createTestUser();
    const before = await signedIn(user);
    const oldKid = decodeProtectedHeader(before.accessToken).kid!;

    const { stdout } = await keysCli("rotate");
    const newKid = /^active: (\S+)$/m.exec(stdout)?.[1];
    expect(newKid).toBeTruthy();
    expect(newKid).not.toBe(oldKid);
    expect(stdout).toContain(`retired: ${oldKid}`);

    // the old key stays published for the longest token lifetime (and a margin) after rotation
    const old = await db.signingKey.findUniqueOrThrow({ where: { kid: oldKid } });
    expect(old.retiredAt).not.toBeNull();
    expect(old.publishedUntil!.getTime()).toBeGreaterThanOrEqual(old.retiredAt!.getTime() + TOKEN_LIFETIME_SECONDS.max * 1000);

    // the running server signs with the new key within its 10 s key cache
    const fresh = await until("a token signed with the new key", async () => {
      const r = await api("/auth/accesstoken", { token: before.refreshToken });
      return decodeProtectedHeader(r.text).kid === newKid ? r.text : undefined;
    });
    expect(await jwksKids()).toEqual(expect.arrayContaining([oldKid, newKid]));

    // a verifier using the JWKS accepts both the old token and the new one; so does the server
    for (const token of [before.accessToken, fresh]) {
      await jwtVerify(token, remoteJwks(doc.jwks_uri), { issuer: doc.issuer, audience: "gatehouse" });
      expect((await api("/auth/accesstoken/validate", { token })).json).toEqual({ userId: user.id });
    }

    const list = await keysCli("list");
    expect(list.stdout).toMatch(new RegExp(`${newKid}.*active`));
    expect(list.stdout).toMatch(new RegExp(`${oldKid}.*retired, published until`));
  });

  it("drops a retired key from the JWKS once its last token has expired", { timeout: 90_000 }, async () => {
    // A retired key of our own (the others may still verify tokens of parallel tests), published
    // for 15 more seconds: the server's 10 s key cache sees it, then sees it go.
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    const kid = `test-${randomUUID()}`;
    await db.signingKey.create({
      data: {
        kid,
        alg: "ES256",
        publicJwk: JSON.stringify({ ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" }),
        privateJwkEnc: encrypt(JSON.stringify(await exportJWK(privateKey))),
        retiredAt: new Date(Date.now() - 300_000),
        publishedUntil: new Date(Date.now() + 15_000),
      },
    });
    const doc = await discovery();
    const token = await new SignJWT({ kind: "access", sid: "x" })
      .setProtectedHeader({ alg: "ES256", kid, typ: "gatehouse-access+jwt" })
      .setSubject("1")
      .setIssuer(doc.issuer)
      .setAudience("gatehouse")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(privateKey);

    await until("the retired key to be published", async () => ((await jwksKids()).includes(kid) ? true : undefined));
    await jwtVerify(token, remoteJwks(doc.jwks_uri), { issuer: doc.issuer, audience: "gatehouse" });

    await until("the expired key to leave the JWKS", async () => ((await jwksKids()).includes(kid) ? undefined : true));
    await expect(jwtVerify(token, remoteJwks(doc.jwks_uri), { issuer: doc.issuer, audience: "gatehouse" })).rejects.toThrow();
    const list = await keysCli("list");
    expect(list.stdout).toMatch(new RegExp(`${kid}.*retired, unpublished`));
  });
});

describe("a path under /.well-known/ that does not percent-decode", () => {
  it("answers 400 in the envelope, as every other API path does, not Next's bare 500", async () => {
    for (const path of ["/.well-known/%FF", "/.well-known/jwks.json%E0%A4%A", "/api/.well-known/%C0%AF"]) {
      const r = await api(path);
      expect([path, r.status, r.json]).toEqual([
        path,
        400,
        expect.objectContaining({ statusCode: 400, error: "Bad Request", field: "path" }),
      ]);
    }
  });
});
