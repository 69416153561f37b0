// Operator CLI for the token signing keys:
//   npm run keys -- list      every key: active, retired but still published, or unpublished
//   npm run keys -- rotate    sign new tokens with a new key; the old one stays published until
//                             the last token it signed has expired
// Uses the same DATABASE_URL and lib/ code as the server. Running servers pick the new key up
// within 10 seconds (their key cache), or at once when they meet a token with the new `kid`.
import "../lib/config/load-env";
import { db } from "../lib/db";
import { rotateSigningKey } from "../lib/tokens/keys";

const usage = `usage:
  npm run keys -- list
  npm run keys -- rotate`;

type KeyRow = Awaited<ReturnType<typeof db.signingKey.findMany>>[number];

function status(key: KeyRow, now: Date): string {
  if (!key.retiredAt) return "active";
  if (key.publishedUntil && key.publishedUntil > now) return `retired, published until ${key.publishedUntil.toISOString()}`;
  return "retired, unpublished";
}

async function list() {
  const now = new Date();
  const keys = await db.signingKey.findMany({ orderBy: { createdAt: "desc" } });
  for (const key of keys) console.log([key.kid, key.alg.padEnd(6), key.createdAt.toISOString(), status(key, now)].join("  "));
  console.log(`${keys.length} key(s)`);
}

async function rotate() {
  const { retired } = await rotateSigningKey();
  const active = await db.signingKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  console.log(`active: ${active?.kid}`);
  for (const kid of retired) {
    const key = await db.signingKey.findUnique({ where: { kid } });
    console.log(`retired: ${kid} (published until ${key?.publishedUntil?.toISOString()})`);
  }
  console.log("Running servers sign with the new key within 10 seconds.");
}

async function main() {
  const [command] = process.argv.slice(2).filter((a) => a !== "--");
  switch (command) {
    case "list":
      return list();
    case "rotate":
      return rotate();
    case undefined:
    case "help":
    case "--help":
      console.log(usage);
      return;
    default:
      console.error(`error: unknown command "${command}"\n${usage}`);
      process.exitCode = 1;
  }
}

main()
  .catch((error) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
