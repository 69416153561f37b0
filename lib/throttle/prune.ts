import { db } from "../db";
import { log } from "../log";

/**
 * Bounds the counters under `prefix`, for keys nobody owns (login attempts at addresses without
 * an account): counters idle for more than `idleSeconds` go, and of the rest only the `keep`
 * most recently used stay. Answers how many went. Ties at the cap's edge may take a few more.
 */
export async function pruneCounters(
  prefix: string,
  { idleSeconds, keep }: { idleSeconds: number; keep: number },
  now = new Date(),
): Promise<number> {
  // `startsWith` is LIKE: Prisma does not escape its wildcards, and SQLite's LIKE ignores case
  if (!/^[a-z0-9:-]+$/.test(prefix)) throw new Error(`counter prefix ${JSON.stringify(prefix)}: only a-z, 0-9, "-" and ":" match exactly`);
  const under = { key: { startsWith: prefix } };
  const idle = await db.throttle.deleteMany({ where: { ...under, updatedAt: { lt: new Date(now.getTime() - idleSeconds * 1000) } } });
  const edge = await db.throttle.findFirst({ where: under, orderBy: { updatedAt: "desc" }, skip: keep, select: { updatedAt: true } });
  if (!edge) return idle.count;
  const surplus = await db.throttle.deleteMany({ where: { ...under, updatedAt: { lte: edge.updatedAt } } });
  return idle.count + surplus.count;
}

/**
 * Wraps a background task so that calling it often runs it at most once per `seconds` in this
 * process, and never while the previous run is still going. The caller does not wait for it, and
 * its failure is logged (as `what`), never thrown into the request that happened to start it.
 */
export function atMostEvery(seconds: number, what: string, task: () => Promise<unknown>): (now?: number) => void {
  let lastStart = -Infinity;
  let running = false;
  return (now = Date.now()) => {
    if (running || now - lastStart < seconds * 1000) return;
    lastStart = now;
    running = true;
    task()
      .catch((err: unknown) => log.error({ err }, `${what} failed`))
      .finally(() => (running = false));
  };
}
