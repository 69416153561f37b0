// `npm start` / `npm run dev`, part one: the preparation, then this process exits and npm execs
// the server (scripts/server.mjs), so nothing of it stays resident. On the embedded default it
// generates missing secrets; everywhere it migrates, creates the demo accounts only where that is
// safe (scripts/lib/seed.ts), builds when needed and prints what the operator needs to know.
// `--no-build` skips the build (the tests use it).
import { ensureBuild } from "./lib/build";
import { enableWal, ensureClientFor, migrate, providerOf } from "./lib/database";
import { ensureSecrets } from "./lib/secrets";
import { applyServerDefaults, describeInterface } from "./lib/server-defaults.mjs";

const dev = process.argv.includes("--dev");
const build = !dev && !process.argv.includes("--no-build");
const { port, host, embedded } = applyServerDefaults(process.env);
const url = process.env.DATABASE_URL!;

async function main() {
  let generatedSecrets = false;
  if (embedded) {
    const generated = ensureSecrets();
    generatedSecrets = generated.length > 0;
    if (generatedSecrets) console.log(`Generated ${generated.join(", ")} into .env.local`);
  } else {
    const missing = ["AUTH_SECRET", "ENCRYPTION_KEY"].filter((name) => !process.env[name]);
    if (missing.length) throw new Error(`Missing ${missing.join(", ")}: set them in the environment (openssl rand -base64 32).`);
  }

  ensureClientFor(url);
  migrate(url);
  if (embedded) await enableWal(url);

  // lib/ reads the configuration lazily, so import it only after the environment is complete.
  const { prepareAccounts } = await import("./lib/seed");
  const accounts = await prepareAccounts({ embedded, generatedSecrets, demoRequested: process.env.DEMO_ACCOUNTS === "1" });
  const { db } = await import("../lib/db");
  await db.$disconnect();

  if (build) ensureBuild(process.env.NEXT_DIST_DIR ?? ".next", providerOf(url));

  const mailbox =
    process.env.DEV_MAILBOX === "1" ? ` (read it at ${process.env.APP_URL}/dev/mailbox from this machine, or as an administrator)` : "";
  console.log(
    [
      "",
      `  Gatehouse${dev ? " (development)" : ""} at ${process.env.APP_URL}, listening on ${describeInterface(host, port)}`,
      `  Database: ${embedded ? url : "PostgreSQL"} · Mail: ${process.env.MAIL_TRANSPORT ?? "outbox"}${mailbox}`,
      "",
      ...accounts.map((line) => `  ${line}`),
      "",
    ].join("\n"),
  );
}

main().catch((error) => {
  console.error(`\nGatehouse could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
