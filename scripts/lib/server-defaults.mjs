// The environment every start of Gatehouse fills in the same way, for the preparation
// (scripts/start.ts) and for the server process (scripts/server.mjs): plain JavaScript so the
// server can use it without TypeScript tooling.
import { config as loadEnvFile } from "dotenv";

// .env.local (the generated secrets) first, then .env; the real environment always wins.
loadEnvFile({ path: ".env.local", quiet: true });
loadEnvFile({ path: ".env", quiet: true });

export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//.test(url);

/**
 * Defaults, written into `env`: the embedded database, port 3000, this machine's loopback
 * interface only (HOST=0.0.0.0 accepts other machines), and the development mailbox on the
 * embedded default's outbox (lib/mail/dev-mailbox-access.ts decides who may read it).
 */
export function applyServerDefaults(env) {
  env.PORT ??= "3000";
  env.HOST ??= "127.0.0.1";
  env.DATABASE_URL ??= "file:./prisma/dev.db";
  env.APP_URL ??= `http://localhost:${env.PORT}`;
  env.NEXT_TELEMETRY_DISABLED = "1";
  if (!isPostgresUrl(env.DATABASE_URL) && (env.MAIL_TRANSPORT ?? "outbox") === "outbox") env.DEV_MAILBOX ??= "1";
  return { port: Number(env.PORT), host: env.HOST, embedded: !isPostgresUrl(env.DATABASE_URL) };
}

/** Where the server listens, for the start banner and the server's own first line. */
export function describeInterface(host, port) {
  if (host === "0.0.0.0" || host === "::") return `${host}:${port} (every interface)`;
  return `${host}:${port} only (set HOST=0.0.0.0 to accept other machines)`;
}
