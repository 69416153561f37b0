// Writes lib/api-client/schema.ts from the OpenAPI document (scripts/lib/api-types.ts);
// `--check` fails when the committed file differs.
import { readFileSync, writeFileSync } from "node:fs";
import { openApiDocument } from "../lib/openapi";
import { generateSchemaTypes, SCHEMA_FILE } from "./lib/api-types";

async function main() {
  const generated = await generateSchemaTypes(openApiDocument());
  let current = "";
  try {
    current = readFileSync(SCHEMA_FILE, "utf8");
  } catch {}
  if (process.argv.includes("--check")) {
    if (current !== generated) {
      console.error(`${SCHEMA_FILE} differs from the OpenAPI document: run \`npm run api:types\`.`);
      process.exit(1);
    }
    console.log(`${SCHEMA_FILE} matches the OpenAPI document.`);
  } else if (current === generated) {
    console.log(`${SCHEMA_FILE} is up to date.`);
  } else {
    writeFileSync(SCHEMA_FILE, generated);
    console.log(`wrote ${SCHEMA_FILE}`);
  }
}

void main();
