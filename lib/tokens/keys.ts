import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from "jose";
import { db } from "../db";
import { decrypt, encrypt } from "../crypto";
import { TOKEN_LIFETIME_SECONDS } from "./lifetimes";

// Signing keys live in the database so every instance signs and verifies with the same set.
// Each instance caches them briefly; an unknown `kid` triggers a reload (another instance rotated).
export const SIGNING_ALG = "ES256";
const CACHE_MS = 10_000;

interface KeySet {
  signing: { kid: string; key: CryptoKey };
  verifying: Map<string, CryptoKey>;
  published: JWK[];
  loadedAt: number;
}

let cache: Promise<KeySet> | undefined;
let cacheTime = 0;

async function createSigningKey() {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const kid = randomUUID();
  await db.signingKey.create({
    data: {
      kid,
      alg: SIGNING_ALG,
      publicJwk: JSON.stringify({ ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: "sig" }),
      privateJwkEnc: encrypt(JSON.stringify(await exportJWK(privateKey))),
    },
  });
}

// The same kid keeps the same key object across reloads: tokens remembered as verified
// (./jwt.ts) stay valid exactly while their key is still published.
const publicKeys = new Map<string, { jwk: string; key: CryptoKey }>();

async function publicKeyOf(row: { kid: string; alg: string; publicJwk: string }): Promise<CryptoKey> {
  const known = publicKeys.get(row.kid);
  if (known?.jwk === row.publicJwk) return known.key;
  const key = (await importJWK(JSON.parse(row.publicJwk), row.alg)) as CryptoKey;
  publicKeys.set(row.kid, { jwk: row.publicJwk, key });
  return key;
}

async function load(): Promise<KeySet> {
  const now = new Date();
  const find = () =>
    db.signingKey.findMany({
      where: { OR: [{ publishedUntil: null }, { publishedUntil: { gt: now } }] },
      orderBy: { createdAt: "desc" },
    });
  let rows = await find();
  if (!rows.some((r) => !r.retiredAt)) {
    await createSigningKey();
    rows = await find();
  }
  const active = rows.find((r) => !r.retiredAt)!;
  const verifying = new Map<string, CryptoKey>();
  for (const r of rows) verifying.set(r.kid, await publicKeyOf(r));
  return {
    signing: { kid: active.kid, key: (await importJWK(JSON.parse(decrypt(active.privateJwkEnc)), active.alg)) as CryptoKey },
    verifying,
    published: rows.map((r) => JSON.parse(r.publicJwk) as JWK),
    loadedAt: Date.now(),
  };
}

export async function keySet(forceReload = false): Promise<KeySet> {
  if (!cache || forceReload || Date.now() - cacheTime > CACHE_MS) {
    cacheTime = Date.now();
    const loading = load();
    cache = loading;
    loading.catch(() => {
      if (cache === loading) cache = undefined;
    });
  }
  return cache;
}

/** The public key for `kid`, reloading once when another instance has rotated. */
export async function verificationKey(kid: string | undefined): Promise<CryptoKey | undefined> {
  if (!kid) return undefined;
  const set = await keySet();
  if (set.verifying.has(kid)) return set.verifying.get(kid);
  if (Date.now() - set.loadedAt < 1000) return undefined; // don't let junk kids hammer the database
  return (await keySet(true)).verifying.get(kid);
}

export async function publishedJwks(): Promise<{ keys: JWK[] }> {
  return { keys: (await keySet()).published };
}

/**
 * Starts signing with a new key. The old key stays published until every token it signed has
 * expired (the longest JWT lifetime), then drops out of the JWKS.
 */
export async function rotateSigningKey(): Promise<{ retired: string[] }> {
  const now = new Date();
  const active = await db.signingKey.findMany({ where: { retiredAt: null } });
  await db.signingKey.updateMany({
    where: { retiredAt: null },
    data: { retiredAt: now, publishedUntil: new Date(now.getTime() + (TOKEN_LIFETIME_SECONDS.max + 60) * 1000) },
  });
  await createSigningKey();
  await keySet(true);
  return { retired: active.map((k) => k.kid) };
}
