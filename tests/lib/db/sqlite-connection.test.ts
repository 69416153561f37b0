import { readdirSync, readlinkSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, dialect } from "@/lib/db";

// Prisma's transactions on SQLite run on the client's one connection (lib/db/sqlite.ts): libsql
// alone opened a new connection after each transaction and left the old one to the garbage
// collector, so a login flood held hundreds of them (their page caches, their statements).

/** The process's open file handles on the database's files (each connection holds its own). */
function databaseHandles(): number {
  return readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return /\.db(-wal|-shm)?$/.test(readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      return false; // closed while we looked
    }
  }).length;
}

describe.runIf(dialect === "sqlite" && process.platform === "linux")("SQLite connections", () => {
  it("runs 40 transactions without opening a connection for each", async () => {
    const key = `connection-test-${randomUUID()}`;
    await db.throttle.create({ data: { key, failures: 0 } });
    const before = databaseHandles();
    for (let i = 0; i < 40; i++)
      await db.$transaction(async (tx) => {
        const row = await tx.throttle.findUniqueOrThrow({ where: { key } });
        await tx.throttle.update({ where: { key }, data: { failures: row.failures + 1 } });
      });
    expect(databaseHandles() - before).toBeLessThanOrEqual(3);
    expect((await db.throttle.findUniqueOrThrow({ where: { key } })).failures).toBe(40);
  });

  it("undoes a transaction that throws, and the connection serves the next caller outside it", async () => {
    const key = `connection-test-${randomUUID()}`;
    await db.throttle.create({ data: { key, failures: 0 } });
    await expect(
      db.$transaction(async (tx) => {
        await tx.throttle.update({ where: { key }, data: { failures: 7 } });
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect((await db.throttle.findUniqueOrThrow({ where: { key } })).failures).toBe(0);
    await db.throttle.update({ where: { key }, data: { failures: 1 } });
    expect((await db.throttle.findUniqueOrThrow({ where: { key } })).failures).toBe(1);
  });
});
