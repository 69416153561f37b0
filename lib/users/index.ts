import { db, isUniqueViolation } from "../db";
import { badRequest, conflict, notFound } from "../errors";
import { assertAcceptablePassword, hashSecret, newPasswordSchema } from "../passwords";
import { recordSecurityEvent, noMeta, type RequestMeta } from "../events";
import { endAccountSessions } from "../sessions";

import { emailSchema, normalizeEmail } from "./schemas";

export { emailSchema, normalizeEmail };

export const findUserByEmail = (email: string) => db.user.findUnique({ where: { email: normalizeEmail(email) } });

export async function requireUser(userId: number) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound("USER_NOT_FOUND");
  return user;
}

export interface NewUser {
  email: string;
  password?: string | null;
  role?: "user" | "admin";
}

/** Creates an account; the password (when given) must meet the policy. */
export async function createUser(input: NewUser, meta: RequestMeta = noMeta, actorId?: number) {
  const email = normalizeEmail(emailSchema.parse(input.email));
  let passwordHash: string | null = null;
  if (input.password != null) {
    const parsed = newPasswordSchema.safeParse(input.password);
    if (!parsed.success) throw badRequest(`password ${parsed.error.issues[0].message}`, "password");
    assertAcceptablePassword(input.password, email, "password");
    passwordHash = await hashSecret(input.password);
  }
  try {
    const user = await db.user.create({ data: { email, passwordHash, role: input.role ?? "user" } });
    await recordSecurityEvent(user.id, "account.created", meta, { actorId });
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("EMAIL_ALREADY_IN_USE");
    throw error;
  }
}

/** Locking ends every session (and partial token) at once; unlocking lets the person sign in again. */
export async function setLocked(userId: number, locked: boolean, meta: RequestMeta = noMeta, actorId?: number) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { lockedAt: locked ? new Date() : null } });
    if (locked) await endAccountSessions(tx, userId);
    await recordSecurityEvent(userId, locked ? "account.locked" : "account.unlocked", meta, { actorId }, tx);
  });
}
