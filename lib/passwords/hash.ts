import { hash, verify } from "@node-rs/argon2";
import { loadTimeConfig } from "../config";

// OWASP: argon2id, m=19 MiB, t=2, p=1.
const params = { algorithm: 2 /* Argon2id: the package exports a const enum */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// Hashing is CPU-bound and runs on libuv's pool. Bounding it (HASH_CONCURRENCY, the core count by
// default) keeps a login flood from queueing every other request (token checks, reads) behind hash work.
const limit = loadTimeConfig().HASH_CONCURRENCY;
let running = 0;
const waiting: (() => void)[] = [];

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export const hashSecret = (secret: string) => bounded(() => hash(secret, params));

export async function verifySecret(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await bounded(() => verify(storedHash, secret));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same work as a real check, so an unknown account answers in comparable time. */
export async function verifyAgainstDummy(secret: string): Promise<void> {
  dummyHash ??= hashSecret("gatehouse-dummy-password");
  await verifySecret(await dummyHash, secret);
}
