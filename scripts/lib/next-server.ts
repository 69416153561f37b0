// How every Gatehouse server process is started (npm start, the tests, the benchmark): node runs
// scripts/server.mjs, Next.js inside it, so the tests run what production runs.
//
// V8 sizes its old space from the machine's memory (about 4 GB here) and, under load, lets the
// heap grow long before it collects: a server whose live data is well under 100 MB reached 900 MB
// of RSS in the benchmark. A 192 MB cap (SERVER_HEAP_MB) makes it collect instead
// (bench/results.json shows the peak RSS per load). The young generation is capped too: by default
// each of its two semi-spaces grows to 16 MB under load (V8 keeps both, and a third for
// promotion), and at 4 MB a login flood's peak RSS fell by tens of MB for a little more
// scavenging (scripts/bench.ts). package.json's start script passes the same flags, and a test
// keeps the two in agreement.
export const SERVER_HEAP_MB = process.env.SERVER_HEAP_MB ?? "192";
export const SERVER_NODE_FLAGS = [`--max-old-space-size=${SERVER_HEAP_MB}`, "--max-semi-space-size=4"];

/** node's arguments for the server (`dev` compiles in-process and keeps V8's default heap). */
export function nextServerArgs(command: "start" | "dev", port: string | number, host?: string): string[] {
  const flags = command === "start" ? SERVER_NODE_FLAGS : [];
  return [...flags, "scripts/server.mjs", ...(command === "dev" ? ["--dev"] : []), "-p", String(port), ...(host ? ["-H", host] : [])];
}
