import { PrismaLibSQL } from "@prisma/adapter-libsql";

type LibsqlClient = ReturnType<PrismaLibSQL["createClient"]>;

// libsql opens SQLite connections without a busy timeout, so a write from a second process (the
// CLI, a test process, a second server) fails at once with SQLITE_BUSY instead of waiting its turn.
// Its client also hands its connection to each transaction and opens a new one afterwards, so
// the pragma must be set again on every new connection, not once.
// Transactions begin IMMEDIATE (write lock up front) instead of DEFERRED: in WAL mode a deferred
// transaction that read first and then writes gets SQLITE_BUSY at once, without waiting, when
// another connection wrote in between; Prisma runs some single calls (upsert) that way.
const BUSY_TIMEOUT_MS = 10_000;
const pragma = `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`;

function withBusyTimeout(client: LibsqlClient): LibsqlClient {
  let connectionNeedsPragma = true;
  const ensure = async () => {
    if (!connectionNeedsPragma) return;
    connectionNeedsPragma = false;
    await client.execute(pragma);
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

/** The libsql adapter with a busy timeout on every connection. The adapter's own mutex already
 * serialises work inside one process, so the flag above cannot race. */
export class BusyTolerantLibSQL extends PrismaLibSQL {
  createClient(config: Parameters<PrismaLibSQL["createClient"]>[0]): LibsqlClient {
    return withBusyTimeout(super.createClient(config));
  }
}
