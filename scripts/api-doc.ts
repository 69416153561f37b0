// The endpoint tables of docs/api.md come from the endpoint registry (lib/openapi/markdown.ts).
// `npm run docs:api` rewrites them; `--check` fails when the checked-in file has drifted.
import { readFileSync, writeFileSync } from "node:fs";
import { registry } from "../lib/api";
import { renderEndpointTables } from "../lib/openapi/markdown";

export const API_DOC = "docs/api.md";

const current = readFileSync(API_DOC, "utf8");
const generated = renderEndpointTables(current, registry);

if (process.argv.includes("--check")) {
  if (current !== generated) {
    console.error(`${API_DOC} has drifted from the endpoint declarations: run \`npm run docs:api\`.`);
    process.exit(1);
  }
  console.log(`${API_DOC} matches the endpoint declarations.`);
} else if (current === generated) {
  console.log(`${API_DOC} is up to date.`);
} else {
  writeFileSync(API_DOC, generated);
  console.log(`wrote the endpoint tables of ${API_DOC}`);
}
