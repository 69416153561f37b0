// What the benchmark reads about the server process from /proc (Linux): its CPU time, all
// threads and the main thread apart, and its resident memory. CPU time counts work rather than
// wall time, so a row's "server CPU ms per operation" stays comparable when the machine is busy
// with other work or the load generator is the bottleneck; the main thread's share is the work
// that is not the password hash (the hash runs on libuv's thread pool).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const descendantsOf = (pid: number): number[] => childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)]);

const commandLineOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
};

/** The process among `launcher`'s descendants whose command line runs `script`. */
export const findDescendant = (launcher: number, script: string) =>
  descendantsOf(launcher).find((pid) => commandLineOf(pid).includes(script));

export function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** utime + stime in ms, of the whole process or (with `thread`) of one thread. */
function cpuMs(pid: number, thread?: number): number {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8");
    // the command may contain spaces and parentheses: fields are counted after the last ")"
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}

export interface CpuReading {
  totalMs: number;
  mainMs: number;
}

export const readCpu = (pid: number): CpuReading => ({ totalMs: cpuMs(pid), mainMs: cpuMs(pid, pid) });

/**
 * CPU ms of every process of a PostgreSQL server on this machine (its backends and helpers),
 * or null when none runs here. On one machine the database competes for the same cores as the
 * server's hash threads, so a row's cost there is the server's CPU plus this.
 */
export function localPostgresCpuMs(): number | null {
  let total: number | null = null;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue; // ended while we looked
    }
    total = (total ?? 0) + cpuMs(Number(entry));
  }
  return total;
}

/** Server CPU per operation between two readings. */
export const cpuPerOperation = (before: CpuReading, after: CpuReading, operations: number) => ({
  totalMs: operations > 0 ? (after.totalMs - before.totalMs) / operations : 0,
  mainMs: operations > 0 ? (after.mainMs - before.mainMs) / operations : 0,
});

/** Samples a process's RSS every 100 ms: the peak over the whole run and since the last `takePhasePeak()`. */
export function rssSampler(pid: () => number | undefined) {
  let peak = 0;
  let phasePeak = 0;
  const timer = setInterval(() => {
    const current = pid();
    if (current === undefined) return;
    const rss = rssOf(current);
    peak = Math.max(peak, rss);
    phasePeak = Math.max(phasePeak, rss);
  }, 100);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return {
    peakMb: () => mb(peak),
    takePhasePeakMb: () => {
      const value = mb(phasePeak);
      phasePeak = 0;
      return value;
    },
    stop: () => clearInterval(timer),
  };
}
