// After the API suite: no password, token, code or secret the tests used may appear in the
// server's log (tests/helpers.ts records them; tests/setup/global.ts keeps the log).
import { existsSync, readdirSync, readFileSync } from "node:fs";

const port = process.env.TEST_PORT ?? "3210";
const logFile = `test-results/server-${port}.log`;
const secretsDir = `test-results/secrets-${port}`;

if (!existsSync(logFile) || !existsSync(secretsDir)) {
  console.error(`missing ${logFile} or ${secretsDir}: run the API suite first`);
  process.exit(1);
}
const log = readFileSync(logFile, "utf8");
const secrets = new Set(
  readdirSync(secretsDir)
    .flatMap((f) => readFileSync(`${secretsDir}/${f}`, "utf8").split("\n"))
    .filter((s) => s.length >= 6),
);
const requestLines = log.split("\n").filter((l) => l.includes('"msg":"request"')).length;
// a secret counts as leaked only as a whole token, not as part of a longer word or number
const wordChar = /[A-Za-z0-9_-]/;
function appears(secret: string): boolean {
  for (let at = log.indexOf(secret); at !== -1; at = log.indexOf(secret, at + 1)) {
    const before = log[at - 1] ?? " ";
    const after = log[at + secret.length] ?? " ";
    if (!wordChar.test(before) && !wordChar.test(after)) return true;
  }
  return false;
}
const leaked = [...secrets].filter((s) => s.length <= 512 && appears(s));
if (requestLines === 0) {
  console.error(`${logFile} has no request lines: structured request logging is not working`);
  process.exit(1);
}
if (leaked.length) {
  console.error(
    `${leaked.length} secret(s) found in ${logFile}, e.g. ${leaked
      .slice(0, 3)
      .map((s) => s.slice(0, 6) + "…")
      .join(", ")}`,
  );
  process.exit(1);
}
console.log(`${secrets.size} secrets used by the tests; none in ${requestLines} request log lines of ${logFile}.`);
