import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { loadTimeConfig } from "../config";

type LibsqlClient = ReturnType<PrismaLibSQL["createClient"]>;

// libsql opens SQLite connections without a busy timeout, so a write from a second process (the
// CLI, a test process, a second server) fails at once with SQLITE_BUSY instead of waiting its turn.
// Its client also hands its connection to each transaction and opens a new one afterwards, and
// never closes the old one: each Prisma transaction leaked a connection (its page cache, its
// prepared statements) until the garbage collector found it, which under a login flood it
// seldom did. Here every transaction runs on the client's one connection instead; the adapter
// holds its mutex from BEGIN to COMMIT, so nothing else runs on that connection meanwhile.
// Transactions begin IMMEDIATE (write lock up front) instead of DEFERRED: in WAL mode a deferred
// transaction that read first and then writes gets SQLITE_BUSY at once, without waiting, when
// another connection wrote in between; Prisma runs some single calls (upsert) that way.
// synchronous=NORMAL (SQLite's advice for WAL): a commit no longer waits for fsync, only the
// checkpoints do. libsql runs statements on the main thread, so with FULL every write stalled
// the whole server for the fsync (a login's four writes cost ~13 ms of it, ~3 ms with NORMAL).
// The database stays consistent after any crash; a crash of Gatehouse itself loses nothing;
// only a power loss or kernel crash can undo the last moments' commits. SQLITE_SYNCHRONOUS=FULL
// trades the speed back for that.
const BUSY_TIMEOUT_MS = 10_000;
const synchronous = loadTimeConfig().SQLITE_SYNCHRONOUS;
export const pragmas = [`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`, `PRAGMA synchronous = ${synchronous}`];

/**
 * The process's turn to write. The direct writes (./direct-writes.ts) use a connection of their
 * own, and libsql runs statements synchronously on the main thread: a direct write that met a
 * Prisma transaction's write lock would wait out the busy timeout with the event loop stopped,
 * so the transaction it waits for could never finish. Prisma's transactions hold this from BEGIN
 * to COMMIT or ROLLBACK, a direct write holds it while it runs, so within the process they take
 * turns and never meet SQLite's lock (another process still can: then the busy timeout waits
 * for it, as before). Prisma's single statements outside a transaction need no turn: each runs
 * to its end synchronously.
 */
export interface WriteTurn {
  /** resolves when the caller may write; the function ends its turn (calling it twice is harmless) */
  take(): Promise<() => void>;
}

function createWriteTurn(): WriteTurn {
  let busy = false;
  const waiting: (() => void)[] = [];
  const end = () => {
    const next = waiting.shift();
    if (next) next();
    else busy = false;
  };
  const once = () => {
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      end();
    };
  };
  return {
    async take() {
      if (busy) await new Promise<void>((resolve) => waiting.push(resolve));
      else busy = true;
      return once();
    },
  };
}

// on globalThis, like the Prisma client (./index.ts), so every copy of this module shares one
const shared = globalThis as unknown as { gatehouseSqliteWriteTurn?: WriteTurn };
export const sqliteWriteTurn: WriteTurn = (shared.gatehouseSqliteWriteTurn ??= createWriteTurn());

function withBusyTimeout(client: LibsqlClient): LibsqlClient {
  let pragmasSet: Promise<unknown> | undefined;
  const ensure = () =>
    (pragmasSet ??= (async () => {
      for (const pragma of pragmas) await client.execute(pragma);
    })());
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "execute") {
        return async (...args: Parameters<LibsqlClient["execute"]>) => {
          await ensure();
          return (target.execute as (...a: typeof args) => ReturnType<LibsqlClient["execute"]>)(...args);
        };
      }
      if (prop === "transaction") {
        return async () => {
          const endTurn = await sqliteWriteTurn.take();
          try {
            await ensure();
            await target.execute("BEGIN IMMEDIATE");
            return onTheSameConnection(target, endTurn);
          } catch (error) {
            endTurn();
            throw error;
          }
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

type LibsqlTransaction = Awaited<ReturnType<LibsqlClient["transaction"]>>;

/** A transaction already begun on the client's connection; ending it ends the process's write turn. */
function onTheSameConnection(client: LibsqlClient, endTurn: () => void): LibsqlTransaction {
  let open = true;
  const mustBeOpen = () => {
    if (!open) throw Object.assign(new Error("The transaction is closed"), { code: "TRANSACTION_CLOSED" });
  };
  const end = async (statement: "COMMIT" | "ROLLBACK") => {
    if (!open) return;
    open = false;
    try {
      await client.execute(statement);
    } catch (error) {
      // a ROLLBACK fails only when SQLite has undone the transaction itself (a full disk, say)
      if (statement === "ROLLBACK") return;
      // a failed COMMIT (a deferred constraint, say) leaves the transaction open: undo it, so
      // the connection is clean for the next caller
      await client.execute("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      endTurn();
    }
  };
  return {
    async execute(statement) {
      mustBeOpen();
      return client.execute(statement);
    },
    async batch(statements) {
      const results = [];
      for (const statement of statements) {
        mustBeOpen();
        results.push(await client.execute(statement));
      }
      return results;
    },
    // the client's executeMultiple rolls back whatever transaction its connection is in
    executeMultiple: async () => {
      throw new Error("executeMultiple is not available inside a transaction");
    },
    commit: () => end("COMMIT"),
    rollback: () => end("ROLLBACK"),
    close: () => void end("ROLLBACK"),
    get closed() {
      return !open;
    },
  };
}

/** The libsql adapter with a busy timeout (and the sync level) on its connection, and its transactions on that
 * connection too. The adapter's own mutex serialises work inside one process, so the pragmas are set once, first. */
export class BusyTolerantLibSQL extends PrismaLibSQL {
  createClient(config: Parameters<PrismaLibSQL["createClient"]>[0]): LibsqlClient {
    return withBusyTimeout(super.createClient(config));
  }
}
