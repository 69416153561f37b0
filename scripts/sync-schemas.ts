// prisma/postgres/schema.prisma is prisma/schema.prisma with another provider and output path.
// `npm run db:sync-schemas` writes it; `--check` fails when the checked-in copy has drifted.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const source = readFileSync("prisma/schema.prisma", "utf8");
const postgres = source
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output     = "../lib/generated/prisma"', 'output     = "../../lib/generated/prisma"')
  .replace(
    "// Gatehouse data model.",
    "// GENERATED from prisma/schema.prisma by `npm run db:sync-schemas`: edit that file.\n// Gatehouse data model.",
  );
const target = "prisma/postgres/schema.prisma";

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {}
  if (current !== postgres) {
    console.error(`${target} has drifted from prisma/schema.prisma: run \`npm run db:sync-schemas\`.`);
    process.exit(1);
  }
  console.log("Prisma schemas are in sync.");
} else {
  mkdirSync("prisma/postgres", { recursive: true });
  writeFileSync(target, postgres);
  console.log(`wrote ${target}`);
}
