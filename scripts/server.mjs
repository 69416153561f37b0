// The Gatehouse server process: Next.js in this process, behind a plain node:http server.
// `npm start` runs the one-time preparation (scripts/start.ts) and then execs this file, so the
// server is the only process left besides npm itself. Tests and the benchmark start it the same
// way (scripts/lib/next-server.ts). Plain JavaScript, so starting it loads no TypeScript tooling.
//
// Before Next sees a request, a crowded one (too many query parameters or cookies, which Next
// parses in quadratic time) is refused: scripts/lib/crowded-request.mjs.
//
// Why not `next start`: Next fills `X-Forwarded-For` with the TCP peer only when the client did
// not send one, so a route cannot tell the client's text from the peer's address. Here every
// request carries the peer's address in PEER_HEADER, with a nonce that only this process knows
// (lib/http/meta.ts checks it), so a header sent by the client is never taken for the peer.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { crowdedRequestRefusal, refuse } from "./lib/crowded-request.mjs";
import { applyServerDefaults, describeInterface } from "./lib/server-defaults.mjs";

// `-p PORT -H HOST` as for `next start`; otherwise PORT and HOST from the environment
const { values: args } = parseArgs({
  options: { dev: { type: "boolean" }, port: { type: "string", short: "p" }, host: { type: "string", short: "H" } },
});
if (args.port) process.env.PORT = args.port;
if (args.host) process.env.HOST = args.host;
const dev = !!args.dev;
const { port, host } = applyServerDefaults(process.env);

// GATEHOUSE_CPU_PROFILE=<file> (the benchmark's BENCH_CPU_PROF): the main thread is profiled from
// here until the server stops, and the profile written to that file as it exits. Node 20 does
// not take --cpu-prof through NODE_OPTIONS, and `npm start` fixes the node flags.
const stopProfile = await startProfile(process.env.GATEHOUSE_CPU_PROFILE);

const PEER_HEADER = "x-gatehouse-peer";
const nonce = randomBytes(16).toString("base64url");
globalThis[Symbol.for("gatehouse.peer-nonce")] = nonce;

const app = next({ dev, hostname: host, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const refusal = crowdedRequestRefusal(request);
  if (refusal) return refuse(response, refusal);
  request.headers[PEER_HEADER] = `${nonce} ${request.socket.remoteAddress ?? ""}`;
  handle(request, response);
});
const upgrade = app.getUpgradeHandler();
server.on("upgrade", (request, socket, head) => upgrade(request, socket, head));

server.listen(port, host, () => console.log(`Gatehouse ${dev ? "(development) " : ""}listening on ${describeInterface(host, port)}`));

// SIGTERM / SIGINT: stop accepting, let requests in flight finish (at most 10 s), then exit.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() =>
      app
        .close()
        .then(stopProfile)
        .finally(() => process.exit(0)),
    );
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}

async function startProfile(file) {
  if (!file) return async () => {};
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => writeFileSync(file, JSON.stringify((await session.post("Profiler.stop")).profile));
}
