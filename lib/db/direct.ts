import Database from "libsql";
import pg from "pg";
import { pragmas, sqliteWriteTurn } from "./sqlite";

/**
 * Hot-path statements, straight through the database driver: the reads behind every
 * authenticated request and every login, and the writes every login makes (./index.ts lists
 * them all, and the rule for adding one; ./direct-writes.ts is the writing side). Prisma's client
 * spends about half a millisecond of main-thread CPU per call on top of the driver's ~0.05 ms
 * (scripts/bench.ts shows the effect), and on SQLite each of its transactions opens a new
 * connection. Every other query stays on Prisma.
 *
 * The SQL is written once for both databases: identifiers in double quotes (both accept them),
 * placeholders generated per driver, counts cast to INTEGER, and dates converted by `toDate`
 * (SQLite hands back ISO text, PostgreSQL a timestamp) and, written, by `sqlDate`. Never use
 * these inside a Prisma transaction: they run on their own connection and see only committed
 * rows (and a direct write would wait for that transaction to end: ./sqlite.ts).
 */
export type SqlValue = string | number | null;

/** One statement: a tagged template's fixed texts (the statement cache's key) and its values. */
export interface Statement {
  strings: TemplateStringsArray;
  values: SqlValue[];
  /** in a transaction of several: anything but exactly one changed row undoes them all */
  mustChangeOne?: boolean;
}

/** Thrown (the transaction rolled back) when a `mustChangeOne` statement changed no row, or several. */
export class NothingChanged extends Error {
  constructor(readonly index: number) {
    super(`statement ${index} of a transaction changed no row`);
  }
}

interface Driver {
  /** a date as the database's DateTime columns hold it (what Prisma writes) */
  date(value: Date): string;
  rows(statement: Statement): Promise<Record<string, unknown>[]>;
  /** the number of rows each statement changed, all in one transaction when there are several */
  write(statements: Statement[]): Promise<number[]>;
}

// on globalThis, like the Prisma client in ./index.ts, so a dev-server reload keeps it
const state = globalThis as unknown as { gatehouseDirect?: Driver };

// PostgreSQL numbers its placeholders ($1, $2 …); SQLite takes `?`
const postgresText = (strings: TemplateStringsArray) => strings.reduce((text, part, i) => `${text}$${i}${part}`);
const sqliteText = (strings: TemplateStringsArray) => strings.join("?");

// Prisma writes timestamps as UTC into `timestamp(3)` columns, which carry no zone; pg would read
// them in the server process's local zone.
const utcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const TIMESTAMP_OID = 1114;
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// Each statement text is prepared once per connection under a name of its own: the texts are the
// tagged templates' fixed parts, so the names are bounded by the code.
function postgresDriver(pool: pg.Pool): Driver {
  const names = new Map<TemplateStringsArray, { name: string; text: string }>();
  const query = (statement: Statement) => {
    let named = names.get(statement.strings);
    if (!named) names.set(statement.strings, (named = { name: `gatehouse-${names.size + 1}`, text: postgresText(statement.strings) }));
    return { ...named, values: statement.values, types: pgTypes };
  };
  return {
    // `timestamp(3)` carries no zone and ignores the "Z": the UTC time is stored, as Prisma stores it
    date: (value) => value.toISOString(),
    rows: async (statement) => (await pool.query(query(statement))).rows,
    async write(statements) {
      if (statements.length === 1 && !statements[0].mustChangeOne) return [(await pool.query(query(statements[0]))).rowCount ?? 0];
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const changed: number[] = [];
        for (const [index, statement] of statements.entries()) {
          changed.push((await client.query(query(statement))).rowCount ?? 0);
          if (statement.mustChangeOne && changed[index] !== 1) throw new NothingChanged(index);
        }
        await client.query("COMMIT");
        return changed;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

// SQLite: a connection of its own (WAL readers never wait for the writer) that keeps each
// statement prepared. Parsing the SQL again on every call cost as much as running it.
function sqliteDriver(url: string): Driver {
  let connection: Database.Database | undefined; // opened on first use, not when a build imports lib/db
  const statements = new Map<TemplateStringsArray, Database.Statement<[SqlValue[]]>>();
  const open = () => {
    if (!connection) {
      const opened = new Database(sqlitePath(url));
      // as on Prisma's connections: wait out a checkpoint instead of failing, and commit without fsync
      for (const pragma of pragmas) opened.prepare(pragma).all();
      connection = opened;
    }
    return connection;
  };
  const prepared = (statement: Statement) => {
    let found = statements.get(statement.strings);
    if (!found) statements.set(statement.strings, (found = open().prepare<[SqlValue[]]>(sqliteText(statement.strings))));
    return found;
  };
  // synchronous from BEGIN to COMMIT: nothing else in this process runs in between
  const writeNow = (list: Statement[]) => {
    if (list.length === 1 && !list[0].mustChangeOne) return [prepared(list[0]).run(list[0].values).changes];
    const db = open();
    db.exec("BEGIN IMMEDIATE");
    try {
      const changed = list.map((statement, index) => {
        const count = prepared(statement).run(statement.values).changes;
        if (statement.mustChangeOne && count !== 1) throw new NothingChanged(index);
        return count;
      });
      db.exec("COMMIT");
      return changed;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
  };
  return {
    // Prisma's ISO text, "+00:00" for the zone: text comparisons and ORDER BY agree with its rows
    date: (value) => value.toISOString().replace("Z", "+00:00"),
    // `all` takes the values as one array: spread, a single null would be read as named parameters
    rows: async (statement) => prepared(statement).all(statement.values) as Record<string, unknown>[],
    async write(list) {
      const endTurn = await sqliteWriteTurn.take();
      try {
        return writeNow(list);
      } finally {
        endTurn();
      }
    },
  };
}

/** "file:./prisma/dev.db", "file:/abs.db" or "file:///abs.db" → the path, as libsql's client reads it. */
const sqlitePath = (url: string) => url.replace(/^file:(\/\/(?=\/))?/, "").replace(/\?.*$/, "");

/** Called once by lib/db with the connection pool Prisma uses (PostgreSQL) or the file URL (SQLite). */
export function configureDirect(target: { postgres: pg.Pool } | { sqliteUrl: string }) {
  state.gatehouseDirect = "postgres" in target ? postgresDriver(target.postgres) : sqliteDriver(target.sqliteUrl);
}

export function directDriver(): Driver {
  const driver = state.gatehouseDirect;
  if (!driver) throw new Error("direct statements are not configured: import lib/db first");
  return driver;
}

/** `sql\`UPDATE … WHERE "id" = ${id}\``: interpolated values are always bound parameters, never spliced into the SQL. */
export const sql = (strings: TemplateStringsArray, ...values: SqlValue[]): Statement => ({ strings, values });

/**
 * Runs one SELECT written as a tagged template: `selectRows<Row>\`SELECT … WHERE "id" = ${id}\``.
 * Interpolated values are always bound parameters, never spliced into the SQL.
 */
export async function selectRows<T>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<T[]> {
  return (await directDriver().rows({ strings, values })) as T[];
}

export async function selectOne<T>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<T | undefined> {
  return (await selectRows<T>(strings, ...values))[0];
}

export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string);
}
