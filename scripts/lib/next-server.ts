// How every Gatehouse server process is started (npm start, the tests, the benchmark), so the
// tests run with the same memory bound the benchmark measures and production uses.
//
// V8 sizes its old space from the machine's memory (about 4 GB here) and, under load, lets the
// heap grow long before it collects: a server whose live data is well under 100 MB reached 900 MB
// of RSS in the benchmark. A 192 MB cap makes it collect instead (bench/results.json shows the
// peak RSS per load). A --max-old-space-size in NODE_OPTIONS replaces it.
export const SERVER_NODE_FLAGS = process.env.NODE_OPTIONS?.includes("--max-old-space-size") ? [] : ["--max-old-space-size=192"];

/** node's arguments for `next start` (or `next dev`, which compiles in-process and keeps V8's default). */
export function nextServerArgs(command: "start" | "dev", port: string | number, host?: string): string[] {
  const flags = command === "start" ? SERVER_NODE_FLAGS : [];
  return [...flags, "node_modules/next/dist/bin/next", command, "-p", String(port), ...(host ? ["-H", host] : [])];
}
