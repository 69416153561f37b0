import { randomUUID } from "node:crypto";
import { db, type Prisma } from "../db";
import { sql, sqlDate, type Statement } from "../db/direct-writes";

// docs/api.md §6: what happened to an account, by whom, from where.
export const eventKinds = [
  "login.success",
  "login.failure",
  "login.2fa_required",
  "login.locked",
  // a completed sign-in from a browser + OS family the account had not signed in from (lib/devices)
  "login.new_device",
  "logout",
  "throttle.triggered",
  // a wrong second-factor code, at sign-in, step-up or set-up (detail: factor, failures, during)
  "totp.failure",
  "email_otp.failure",
  "recovery_code.failure",
  "passkey.failure",
  "totp.enabled",
  "totp.disabled",
  "email_otp.enabled",
  "email_otp.disabled",
  "passkey.added",
  "passkey.renamed",
  "passkey.removed",
  "passkey.possible_clone",
  "recovery_code.used",
  "recovery_codes.reset",
  "password.changed",
  "password.reset",
  "email.transfer_started",
  "email.transfer_address_taken",
  "email.transfer_completed",
  "email.transfer_undone",
  "session.revoked",
  "sessions.revoked",
  "account.created",
  "account.locked",
  "account.unlocked",
  "admin.granted",
  "admin.revoked",
  "2fa.reset",
  "admin.action",
] as const;
export type EventKind = (typeof eventKinds)[number];

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export const noMeta: RequestMeta = { ip: null, userAgent: null };

/**
 * Records an event. Pass the transaction client as `tx` when the event belongs to a change made
 * in that transaction, so a crash can never leave the change without its record (or the reverse).
 */
export async function recordSecurityEvent(
  userId: number,
  kind: EventKind,
  meta: RequestMeta,
  extra: { actorId?: number; detail?: Record<string, unknown> } = {},
  tx: Prisma.TransactionClient = db,
) {
  await tx.securityEvent.create({ data: eventRow(userId, kind, meta, extra) });
}

/**
 * The event as one statement for lib/db/direct-writes, to be written in the same transaction as
 * the change it describes (a login's session, its throttle reset).
 */
export function securityEventInsert(
  userId: number,
  kind: EventKind,
  meta: RequestMeta,
  extra: { actorId?: number; detail?: Record<string, unknown>; /** when the caller must name the row */ id?: string } = {},
): Statement {
  const row = eventRow(userId, kind, meta, extra);
  return sql`
    INSERT INTO "SecurityEvent" ("id", "userId", "kind", "actorId", "ip", "userAgent", "detail", "createdAt")
    VALUES (${extra.id ?? row.id}, ${userId}, ${kind}, ${row.actorId}, ${row.ip}, ${row.userAgent}, ${row.detail}, ${sqlDate(new Date())})`;
}

function eventRow(userId: number, kind: EventKind, meta: RequestMeta, extra: { actorId?: number; detail?: Record<string, unknown> } = {}) {
  return {
    id: randomUUID(),
    userId,
    kind,
    actorId: extra.actorId ?? null,
    ip: meta.ip?.slice(0, 64) ?? null,
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
    detail: extra.detail ? JSON.stringify(extra.detail) : null,
  };
}

export async function listSecurityEvents(userId: number, take = 50) {
  const rows = await db.securityEvent.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take });
  return rows.map(({ id, kind, createdAt, ip, userAgent, actorId, detail }) => ({
    id,
    kind,
    createdAt,
    ip,
    userAgent,
    byAdministrator: actorId !== null && actorId !== userId,
    detail: detail ? (JSON.parse(detail) as Record<string, unknown>) : null,
  }));
}
