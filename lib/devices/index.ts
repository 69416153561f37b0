import { randomUUID } from "node:crypto";
import { selectOne } from "../db";
import { mustChangeOne, NothingChanged, sql, sqlDate, writeTogether } from "../db/direct-writes";
import { securityEventInsert, type RequestMeta } from "../events";
import { noticeWork, notifyAccountHolder, type Defer } from "../mail";
import { deviceKey } from "./user-agent";

// ASVS 6.3.5: the account holder hears of a sign-in from a device the account has not signed in
// from before. A device is a browser + OS family (./user-agent.ts); the families an account has
// completed a sign-in from are kept in KnownDevice (why a table of its own: prisma/schema.prisma).
//
// The account's very first device is no news, and so is the first sign-in of an account that
// signed in before this table existed: "new" means new beside devices the account already has.

/**
 * After a completed sign-in (a new session): remembers its device; a new one beside others is
 * recorded (`login.new_device`, in the transaction that remembers it) and mailed. Runs after the
 * answer when the route hands in `defer`. Costs one primary-key read when the device is known;
 * only a new device writes, and of concurrent sign-ins from one new device only the insert that
 * wins mails.
 */
export async function noteSignInDevice(userId: number, meta: RequestMeta, opts: { defer?: Defer } = {}): Promise<void> {
  await noticeWork(opts.defer, "new-device-sign-in", async () => {
    const device = deviceKey(meta.userAgent);
    // a direct read (lib/db/direct.ts): every completed sign-in asks it
    const known = await selectOne<{
      userId: number;
    }>`SELECT "userId" FROM "KnownDevice" WHERE "userId" = ${userId} AND "device" = ${device}`;
    if (known) return;
    if (!(await rememberDevice(userId, device, meta))) return;
    await notifyAccountHolder(userId, "new-device-sign-in", {
      data: { device, time: new Date().toISOString(), ...(meta.ip ? { ip: meta.ip } : {}) },
    });
  });
}

/**
 * Stores the device; true when it is new beside devices the account already had, and then with
 * its event, in one transaction (direct writes, lib/db/direct-writes: an account's first sign-in
 * from each device makes them). The device's insert must change a row (ON CONFLICT: a concurrent
 * sign-in from the same device stored it first, and mails instead). The event is written, and
 * taken back in the same transaction when this is the account's only device: an INSERT … SELECT
 * would need its values cast, and PostgreSQL and SQLite share no cast for a timestamp.
 */
async function rememberDevice(userId: number, device: string, meta: RequestMeta): Promise<boolean> {
  const eventId = randomUUID();
  try {
    const [, , takenBack] = await writeTogether([
      mustChangeOne(sql`
        INSERT INTO "KnownDevice" ("userId", "device", "firstSeenAt") VALUES (${userId}, ${device}, ${sqlDate(new Date())})
        ON CONFLICT ("userId", "device") DO NOTHING`),
      securityEventInsert(userId, "login.new_device", meta, { detail: { device }, id: eventId }),
      sql`
        DELETE FROM "SecurityEvent"
        WHERE "id" = ${eventId} AND (SELECT COUNT(*) FROM "KnownDevice" WHERE "userId" = ${userId}) = 1`,
    ]);
    return takenBack === 0;
  } catch (error) {
    if (error instanceof NothingChanged) return false;
    throw error;
  }
}
