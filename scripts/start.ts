// `npm start`: runs Gatehouse on a fresh clone with no configuration. It generates missing
// secrets (embedded default only), migrates the database, seeds demo accounts into an empty
// one, builds when needed and serves. `npm run dev` does the same with `next dev`.
import "../lib/config/load-env";
import { spawn } from "node:child_process";
import { nextServerArgs } from "./lib/next-server";
import { isPostgresUrl } from "../lib/config";
import { ensureBuild } from "./lib/build";
import { enableWal, ensureClientFor, migrate, providerOf } from "./lib/database";
import { ensureSecrets } from "./lib/secrets";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
process.env.DATABASE_URL ??= "file:./prisma/dev.db";
process.env.APP_URL ??= `http://localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED = "1";
const url = process.env.DATABASE_URL;
const embedded = !isPostgresUrl(url);

async function main() {
  if (embedded) {
    const generated = ensureSecrets();
    if (generated.length) console.log(`Generated ${generated.join(", ")} into .env.local`);
    // The embedded default is a demo: its outbox is readable at /dev/mailbox.
    if ((process.env.MAIL_TRANSPORT ?? "outbox") === "outbox") process.env.DEV_MAILBOX ??= "1";
  } else {
    const missing = ["AUTH_SECRET", "ENCRYPTION_KEY"].filter((name) => !process.env[name]);
    if (missing.length) throw new Error(`Missing ${missing.join(", ")}: set them in the environment (openssl rand -base64 32).`);
  }

  ensureClientFor(url);
  migrate(url);
  if (embedded) await enableWal(url);

  // lib/ reads the configuration lazily, so import it only after the environment is complete.
  const { seedDemoAccounts, demoAccounts, demoOtpauthUrl } = await import("./lib/seed");
  const seeded = await seedDemoAccounts();
  const otpauthUrl = seeded?.otpauthUrl ?? (await demoOtpauthUrl());
  const { db } = await import("../lib/db");
  await db.$disconnect();

  if (!dev) ensureBuild(process.env.NEXT_DIST_DIR ?? ".next", providerOf(url));

  const next = spawn(process.execPath, nextServerArgs(dev ? "dev" : "start", port), {
    stdio: "inherit",
    env: process.env,
  });
  const banner = [
    "",
    `  Gatehouse is running at ${process.env.APP_URL}`,
    `  Database: ${embedded ? url : "PostgreSQL"} · Mail: ${process.env.MAIL_TRANSPORT ?? "outbox"}${process.env.DEV_MAILBOX === "1" ? ` (read it at ${process.env.APP_URL}/dev/mailbox)` : ""}`,
    "",
    "  Demo accounts (created on first start):",
    `    without 2FA    ${demoAccounts.user.email}  /  ${demoAccounts.user.password}`,
    `    with TOTP      ${demoAccounts.totp.email}  /  ${demoAccounts.totp.password}`,
    ...(otpauthUrl ? [`                   add to an authenticator app: ${otpauthUrl}`] : []),
    `    administrator  ${demoAccounts.admin.email}  /  ${demoAccounts.admin.password}`,
    "",
  ].join("\n");
  setTimeout(() => console.log(banner), 1500);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(`\nGatehouse could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
