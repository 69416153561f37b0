import Database from "libsql";
import pg from "pg";

/**
 * Hot-path reads, one SQL statement each, straight through the database driver: the token check
 * behind every authenticated request and the 2FA status (./index.ts lists them all, and the rule
 * for adding one). Prisma's client spends about half a
 * millisecond of main-thread CPU per call on top of the driver's ~0.05 ms (scripts/bench.ts shows
 * the effect), and a token check used to make up to four calls. Writes, transactions and every
 * other query stay on Prisma.
 *
 * The SQL is written once for both databases: identifiers in double quotes (both accept them),
 * placeholders generated per driver, counts cast to INTEGER, and dates converted by `toDate`
 * (SQLite hands back ISO text, PostgreSQL a timestamp). Never use these inside a Prisma
 * transaction: they run on their own connection and see only committed rows.
 */
export type SqlValue = string | number | null;

type Runner = (sql: (index: number) => string, values: SqlValue[]) => Promise<Record<string, unknown>[]>;

// on globalThis, like the Prisma client in ./index.ts, so a dev-server reload keeps it
const state = globalThis as unknown as { gatehouseDirectReads?: Runner };

// Prisma writes timestamps as UTC into `timestamp(3)` columns, which carry no zone; pg would read
// them in the server process's local zone.
const utcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const TIMESTAMP_OID = 1114;
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function postgresRunner(pool: pg.Pool): Runner {
  return async (sql, values) => (await pool.query({ text: sql(0), values, types: pgTypes })).rows;
}

// SQLite: a connection of its own (WAL readers never wait for the writer) that keeps each
// statement prepared; the statements are the tagged templates' fixed texts, so the cache is
// bounded by the code. Parsing the SQL again on every call cost as much as running it.
function sqliteRunner(url: string): Runner {
  let connection: Database.Database | undefined; // opened on first use, not when a build imports lib/db
  const statements = new Map<string, Database.Statement<SqlValue[]>>();
  return async (sql, values) => {
    if (!connection) {
      connection = new Database(sqlitePath(url));
      connection.pragma("busy_timeout = 10000"); // wait out a checkpoint instead of failing
    }
    const text = sql(-1);
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = connection.prepare<SqlValue[]>(text)));
    return statement.all(...values) as Record<string, unknown>[];
  };
}

/** "file:./prisma/dev.db", "file:/abs.db" or "file:///abs.db" → the path, as libsql's client reads it. */
const sqlitePath = (url: string) => url.replace(/^file:(\/\/(?=\/))?/, "").replace(/\?.*$/, "");

/** Called once by lib/db with the connection pool Prisma uses (PostgreSQL) or the file URL (SQLite). */
export function configureDirectReads(target: { postgres: pg.Pool } | { sqliteUrl: string }) {
  state.gatehouseDirectReads = "postgres" in target ? postgresRunner(target.postgres) : sqliteRunner(target.sqliteUrl);
}

/**
 * Runs one SELECT written as a tagged template: `selectRows<Row>\`SELECT … WHERE "id" = ${id}\``.
 * Interpolated values are always bound parameters, never spliced into the SQL.
 */
export async function selectRows<T>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<T[]> {
  const runner = state.gatehouseDirectReads;
  if (!runner) throw new Error("direct reads are not configured: import lib/db first");
  // PostgreSQL numbers its placeholders ($1, $2 …); SQLite takes `?`
  const sql = (base: number) => strings.reduce((text, part, i) => text + (base < 0 ? "?" : `$${i + base}`) + part);
  return (await runner(sql, values)) as T[];
}

export async function selectOne<T>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<T | undefined> {
  return (await selectRows<T>(strings, ...values))[0];
}

export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string);
}
