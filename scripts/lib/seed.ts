// Demo accounts for the embedded default, created only when the database has no accounts.
import { generateSecret, generateURI } from "otplib";
import { db } from "../../lib/db";
import { encrypt } from "../../lib/crypto";
import { createUser } from "../../lib/users";

export const demoAccounts = {
  user: { email: "demo@example.com", password: "Demo-Gatehouse-2026" },
  totp: { email: "totp@example.com", password: "Demo-Gatehouse-2026" },
  admin: { email: "admin@example.com", password: "Admin-Gatehouse-2026" },
};

export async function seedDemoAccounts(): Promise<{ otpauthUrl: string } | null> {
  if ((await db.user.count()) > 0) return null;
  await createUser({ ...demoAccounts.user });
  await createUser({ ...demoAccounts.admin, role: "admin" });
  const totpUser = await createUser({ ...demoAccounts.totp });
  const secret = generateSecret();
  await db.totpFactor.create({ data: { userId: totpUser.id, secretEnc: encrypt(secret), activatedAt: new Date() } });
  return { otpauthUrl: generateURI({ issuer: "Gatehouse", label: demoAccounts.totp.email, secret }) };
}

/** The otpauth URL of the seeded TOTP account, for printing on later starts too. */
export async function demoOtpauthUrl(): Promise<string | null> {
  const { decrypt } = await import("../../lib/crypto");
  const user = await db.user.findUnique({ where: { email: demoAccounts.totp.email }, include: { totp: true } });
  if (!user?.totp?.secretEnc) return null;
  try {
    return generateURI({ issuer: "Gatehouse", label: user.email, secret: decrypt(user.totp.secretEnc) });
  } catch {
    return null;
  }
}
