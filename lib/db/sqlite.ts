import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { loadTimeConfig } from "../config";

type LibsqlClient = ReturnType<PrismaLibSQL["createClient"]>;

// libsql opens SQLite connections without a busy timeout, so a write from a second process (the
// CLI, a test process, a second server) fails at once with SQLITE_BUSY instead of waiting its turn.
// Its client also hands its connection to each transaction and opens a new one afterwards, so
// the pragma must be set again on every new connection, not once.
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
const pragmas = [`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`, `PRAGMA synchronous = ${synchronous}`];

function withBusyTimeout(client: LibsqlClient): LibsqlClient {
  let connectionNeedsPragma = true;
  const ensure = async () => {
    if (!connectionNeedsPragma) return;
    connectionNeedsPragma = false;
    for (const pragma of pragmas) await client.execute(pragma);
  };
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
          await ensure(); // the current connection becomes the transaction's …
          const tx = await target.transaction("write");
          connectionNeedsPragma = true; // … and the client opens a fresh one next
          return tx;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The libsql adapter with a busy timeout (and the sync level) on every connection. The adapter's own mutex already
 * serialises work inside one process, so the flag above cannot race. */
export class BusyTolerantLibSQL extends PrismaLibSQL {
  createClient(config: Parameters<PrismaLibSQL["createClient"]>[0]): LibsqlClient {
    return withBusyTimeout(super.createClient(config));
  }
}
