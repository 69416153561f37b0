// Demo accounts have passwords that the README publishes, so they exist only where nobody else
// can be using the database: on the embedded default's very first start (the one that generated
// its secrets), or when the operator asks with DEMO_ACCOUNTS=1 — and never on PostgreSQL, which
// is how Gatehouse runs in production. Anywhere else an empty database stays empty and the banner
// says how to create the first administrator.
import { generateSecret, generateURI } from "otplib";
import { db } from "../../lib/db";
import { decrypt, encrypt } from "../../lib/crypto";
import { createUser } from "../../lib/users";

export const demoAccounts = {
  user: { email: "demo@example.com", password: "Demo-Gatehouse-2026" },
  totp: { email: "totp@example.com", password: "Demo-Gatehouse-2026" },
  admin: { email: "admin@example.com", password: "Admin-Gatehouse-2026" },
};

export const FIRST_ADMIN_COMMAND = "npm run user -- create --admin --email <you@example.com>";

export interface SeedSituation {
  embedded: boolean;
  /** this start generated the secrets: a fresh checkout nobody has used yet */
  generatedSecrets: boolean;
  /** DEMO_ACCOUNTS=1 */
  demoRequested: boolean;
}

export function mayCreateDemoAccounts(situation: SeedSituation): boolean {
  return situation.embedded && (situation.generatedSecrets || situation.demoRequested);
}

async function createDemoAccounts(): Promise<string> {
  await createUser({ ...demoAccounts.user });
  await createUser({ ...demoAccounts.admin, role: "admin" });
  const totpUser = await createUser({ ...demoAccounts.totp });
  const secret = generateSecret();
  await db.totpFactor.create({ data: { userId: totpUser.id, secretEnc: encrypt(secret), activatedAt: new Date() } });
  return generateURI({ issuer: "Gatehouse", label: demoAccounts.totp.email, secret });
}

/** The otpauth URL of the demo TOTP account, for printing on later starts too. */
async function demoOtpauthUrl(): Promise<string | null> {
  const user = await db.user.findUnique({ where: { email: demoAccounts.totp.email }, include: { totp: true } });
  if (!user?.totp?.secretEnc) return null;
  try {
    return generateURI({ issuer: "Gatehouse", label: user.email, secret: decrypt(user.totp.secretEnc) });
  } catch {
    return null;
  }
}

/** Creates the demo accounts where allowed and returns the banner's lines about accounts. */
export async function prepareAccounts(situation: SeedSituation): Promise<string[]> {
  if (situation.demoRequested && !situation.embedded) {
    console.warn("DEMO_ACCOUNTS=1 is ignored on PostgreSQL: accounts with published passwords never go into a production database.");
  }
  const empty = (await db.user.count()) === 0;
  if (empty && !mayCreateDemoAccounts(situation)) {
    return ["No accounts yet. Create the first administrator (it asks for the password):", `    ${FIRST_ADMIN_COMMAND}`];
  }
  const otpauthUrl = empty ? await createDemoAccounts() : situation.embedded ? await demoOtpauthUrl() : null;
  if (!otpauthUrl) return [];
  return [
    "Demo accounts (created on first start):",
    `  without 2FA    ${demoAccounts.user.email}  /  ${demoAccounts.user.password}`,
    `  with TOTP      ${demoAccounts.totp.email}  /  ${demoAccounts.totp.password}`,
    `                 add to an authenticator app: ${otpauthUrl}`,
    `  administrator  ${demoAccounts.admin.email}  /  ${demoAccounts.admin.password}`,
  ];
}
