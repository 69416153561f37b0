import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { atMostEvery, pruneCounters } from "@/lib/throttle/prune";

// Counters for keys nobody owns (login attempts at addresses without an account) must not grow
// the table without bound: idle ones go, and beyond a cap the least recently used go first.

const HOUR = 3600_000;

async function counters(prefix: string, ages: number[]) {
  const now = Date.now();
  for (const [i, age] of ages.entries())
    await db.throttle.create({ data: { key: `${prefix}${i}`, failures: 1, updatedAt: new Date(now - age) } });
}
const keysUnder = async (prefix: string) =>
  (await db.throttle.findMany({ where: { key: { startsWith: prefix } }, orderBy: { key: "asc" } })).map((r) => r.key);

describe("pruneCounters", () => {
  it("forgets idle counters, then keeps only the most recently used up to the cap, under its prefix only", async () => {
    const prefix = `prune-test-${randomUUID()}:`;
    const neighbour = `prune-neighbour-${randomUUID()}:`;
    // 0–1 idle for more than a day; 2–7 recent, 7 the most recent
    await counters(prefix, [30 * HOUR, 25 * HOUR, 6 * HOUR, 5 * HOUR, 4 * HOUR, 3 * HOUR, 2 * HOUR, 1 * HOUR]);
    await counters(neighbour, [30 * HOUR, 1 * HOUR]);

    expect(await pruneCounters(prefix, { idleSeconds: 24 * 3600, keep: 100 })).toBe(2);
    expect(await keysUnder(prefix)).toEqual([2, 3, 4, 5, 6, 7].map((i) => `${prefix}${i}`));

    expect(await pruneCounters(prefix, { idleSeconds: 24 * 3600, keep: 4 })).toBe(2);
    expect(await keysUnder(prefix)).toEqual([4, 5, 6, 7].map((i) => `${prefix}${i}`));
    expect(await pruneCounters(prefix, { idleSeconds: 24 * 3600, keep: 4 })).toBe(0);

    expect(await keysUnder(neighbour)).toHaveLength(2); // another prefix is not this rule's to prune
  });

  it("refuses a prefix that LIKE would not match exactly", async () => {
    for (const prefix of ["prune_test:", "prune%test:", "Prune-test:"]) {
      await expect(pruneCounters(prefix, { idleSeconds: 3600, keep: 0 })).rejects.toThrow(/only a-z/);
    }
  });
});

describe("atMostEvery", () => {
  it("runs the task at most once per period, and never two at once", async () => {
    let release!: () => void;
    const task = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const run = atMostEvery(60, "the test task", task);
    const t0 = 1_000_000;
    run(t0);
    run(t0 + 1000);
    expect(task).toHaveBeenCalledTimes(1);
    run(t0 + 61_000); // a period later, but the first run is still going
    expect(task).toHaveBeenCalledTimes(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    run(t0 + 62_000);
    expect(task).toHaveBeenCalledTimes(2);
    run(t0 + 90_000);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("logs a failed run instead of throwing it, and runs again a period later", async () => {
    const task = vi.fn(async () => {
      throw new Error("database gone");
    });
    const logged = vi.spyOn(log, "error").mockImplementation(() => {});
    const run = atMostEvery(60, "the failing task", task);
    run(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), "the failing task failed");
    run(61_000);
    expect(task).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });
});
