import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { config } from "../config";

/** A URL-safe random string of `bytes` random bytes (32 bytes = 256 bits). */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** Hash of a high-entropy secret (refresh tokens, link tokens): a fast hash is enough there. */
export const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");

/** Keyed hash for low-entropy codes (6-digit email codes): without the key a stolen table is useless. */
export const hmac = (value: string, purpose: string) =>
  createHmac("sha256", config().AUTH_SECRET).update(`${purpose}\0${value}`).digest("base64url");

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** n random decimal digits from the CSPRNG. */
export const randomDigits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

const key = () => Buffer.from(config().ENCRYPTION_KEY, "base64");

/** AES-256-GCM; output is "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encrypt(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export class DecryptionError extends Error {}

export function decrypt(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new DecryptionError("unknown format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("cannot decrypt");
  }
}
