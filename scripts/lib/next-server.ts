// How every Gatehouse server process is started (npm start, the tests, the benchmark): node runs
// scripts/server.mjs, Next.js inside it, so the tests run what production runs.
//
// V8 sizes its old space from the machine's memory (about 4 GB here) and, under load, lets the
// heap grow long before it collects: a server whose live data is well under 100 MB reached 900 MB
// of RSS in the benchmark. A 192 MB cap (SERVER_HEAP_MB) makes it collect instead
// (bench/results.json shows the peak RSS per load). package.json's start script passes the same
// flag, and a test keeps the two in agreement.
export const SERVER_HEAP_MB = process.env.SERVER_HEAP_MB ?? "192";
export const SERVER_NODE_FLAGS = [`--max-old-space-size=${SERVER_HEAP_MB}`];

/** node's arguments for the server (`dev` compiles in-process and keeps V8's default heap). */
export function nextServerArgs(command: "start" | "dev", port: string | number, host?: string): string[] {
  const flags = command === "start" ? SERVER_NODE_FLAGS : [];
  return [...flags, "scripts/server.mjs", ...(command === "dev" ? ["--dev"] : []), "-p", String(port), ...(host ? ["-H", host] : [])];
}
