// The endpoint tables of docs/api.md come from the endpoint registry, its error codes from the
// catalogue (lib/openapi/markdown.ts).
// `npm run docs:api` rewrites them; `--check` fails when the checked-in file has drifted.
import { readFileSync, writeFileSync } from "node:fs";
import { registry } from "../lib/api";
import { renderApiDoc } from "../lib/openapi/markdown";

export const API_DOC = "docs/api.md";

const current = readFileSync(API_DOC, "utf8");
const generated = renderApiDoc(current, registry);

if (process.argv.includes("--check")) {
  if (current !== generated) {
    console.error(`${API_DOC} has drifted from the endpoint declarations or the error catalogue: run \`npm run docs:api\`.`);
    process.exit(1);
  }
  console.log(`${API_DOC} matches the endpoint declarations and the error catalogue.`);
} else if (current === generated) {
  console.log(`${API_DOC} is up to date.`);
} else {
  writeFileSync(API_DOC, generated);
  console.log(`wrote the endpoint tables and error codes of ${API_DOC}`);
}
