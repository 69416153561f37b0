import type { AuthenticatorTransport } from "@simplewebauthn/server";
import { db, type Prisma } from "../db";
import type { PasskeySummary } from "./schemas";

// The Passkey rows as the rest of lib/passkeys sees them: counters as numbers (the column is a
// BIGINT, as a sign counter is an unsigned 32-bit value), transports as a list.

export interface PasskeyRow {
  id: string;
  userId: number;
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: AuthenticatorTransport[];
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

type Stored = Prisma.PasskeyGetPayload<object>;

function parseTransports(value: string | null): AuthenticatorTransport[] {
  if (!value) return [];
  try {
    const list: unknown = JSON.parse(value);
    return Array.isArray(list) ? list.filter((t): t is AuthenticatorTransport => typeof t === "string") : [];
  } catch {
    return [];
  }
}

const toRow = (p: Stored): PasskeyRow => ({
  ...p,
  publicKey: new Uint8Array(p.publicKey),
  counter: Number(p.counter),
  transports: parseTransports(p.transports),
});

export const summaryOf = (p: Pick<PasskeyRow, "id" | "name" | "createdAt" | "lastUsedAt">): PasskeySummary => ({
  id: p.id,
  name: p.name,
  createdAt: p.createdAt.toISOString(),
  lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
});

export async function passkeysOf(userId: number): Promise<PasskeyRow[]> {
  const rows = await db.passkey.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toRow);
}

export const passkeyCount = (userId: number) => db.passkey.count({ where: { userId } });

export async function passkeyByCredentialId(credentialId: string): Promise<PasskeyRow | null> {
  const row = await db.passkey.findUnique({ where: { credentialId } });
  return row && toRow(row);
}

/** The descriptors for `excludeCredentials` and `allowCredentials`. */
export const descriptorsOf = (passkeys: PasskeyRow[]) =>
  passkeys.map((p) => ({ id: p.credentialId, ...(p.transports.length ? { transports: p.transports } : {}) }));

/**
 * Takes the account's row lock inside `tx`: account-wide decisions that read several tables
 * (is this the first or the last second factor?) then serialise on PostgreSQL too, where a
 * concurrent transaction's uncommitted delete would otherwise stay invisible to the count.
 */
export async function lockAccount(tx: Prisma.TransactionClient, userId: number): Promise<boolean> {
  return (await tx.$executeRaw`UPDATE "User" SET "id" = "id" WHERE "id" = ${userId}`) === 1;
}

/** Inside a transaction: how many second factors are active (TOTP, email OTP, passkeys). */
export async function activeFactorCount(tx: Prisma.TransactionClient, userId: number): Promise<number> {
  const active = { userId, activatedAt: { not: null } };
  const [totp, emailOtp, passkeys] = [
    await tx.totpFactor.count({ where: active }),
    await tx.emailOtpFactor.count({ where: active }),
    await tx.passkey.count({ where: { userId } }),
  ];
  return totp + emailOtp + passkeys;
}
