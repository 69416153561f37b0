import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadTimeConfig } from ".";

// lib/ reads the environment only here; the settings modules read while they load (lib/db,
// lib/log, lib/passwords/hash) have defaults and need no secret (`next build` and scripts load
// those modules without one).

const LIB = path.resolve(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("lib/config", () => {
  it("is the only part of lib/ that reads the environment", () => {
    const readers = sources(LIB)
      .filter((file) => !file.startsWith(__dirname) && readFileSync(file, "utf8").includes("process.env"))
      .map((file) => path.relative(LIB, file));
    expect(readers).toEqual([]);
  });
});

afterEach(() => vi.unstubAllEnvs());

const unset = (...names: string[]) => names.forEach((name) => vi.stubEnv(name, undefined));

describe("loadTimeConfig()", () => {
  it("needs no secret, and has a default for every setting", () => {
    unset("AUTH_SECRET", "ENCRYPTION_KEY", "DATABASE_URL", "DATABASE_POOL_SIZE", "SQLITE_SYNCHRONOUS", "HASH_CONCURRENCY", "LOG_LEVEL");
    expect(loadTimeConfig()).toEqual({
      NODE_ENV: "test",
      DATABASE_URL: "file:./prisma/dev.db",
      DATABASE_POOL_SIZE: 10,
      SQLITE_SYNCHRONOUS: "NORMAL",
      HASH_CONCURRENCY: availableParallelism(),
      LOG_LEVEL: undefined,
    });
  });

  it("reads the environment as it is now", () => {
    vi.stubEnv("DATABASE_POOL_SIZE", "4");
    vi.stubEnv("SQLITE_SYNCHRONOUS", "FULL");
    vi.stubEnv("HASH_CONCURRENCY", "3");
    expect(loadTimeConfig()).toMatchObject({ DATABASE_POOL_SIZE: 4, SQLITE_SYNCHRONOUS: "FULL", HASH_CONCURRENCY: 3 });
  });

  it("keeps the lenient readings the settings always had", () => {
    vi.stubEnv("SQLITE_SYNCHRONOUS", "full"); // only FULL waits for fsync
    vi.stubEnv("HASH_CONCURRENCY", "0"); // 0 or not a number: the core count
    expect(loadTimeConfig()).toMatchObject({ SQLITE_SYNCHRONOUS: "NORMAL", HASH_CONCURRENCY: availableParallelism() });
    vi.stubEnv("HASH_CONCURRENCY", "-2"); // at least one
    expect(loadTimeConfig().HASH_CONCURRENCY).toBe(1);
  });

  it("refuses a log level pino does not know, naming it", () => {
    vi.stubEnv("LOG_LEVEL", "loud");
    expect(() => loadTimeConfig()).toThrow(/LOG_LEVEL/);
  });
});
