import { randomUUID } from "node:crypto";
import { Server, STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";

// §8 "Input cost", below the API. Next.js itself spends time quadratic in the number of query
// parameters (every route: it calls `searchParams.getAll(key)` once per parameter) and of cookies
// (every route handler: its mutable cookie store re-serializes all cookies once per cookie),
// before any code of ours runs: 7,000 parameters in a 14 KB URL held the event loop 1.2 s on
// /api/health and 2.4 s on a page, 1,500 cookies 0.5 s. No client of this server sends more than a
// handful of either (browsers keep at most ~180 cookies per site), so a request with more is
// refused where Node hands it over, the way Node itself refuses oversized headers with 431.
export const MAX_QUERY_PARAMETERS = 100;
export const MAX_COOKIES = 200;

const AMPERSAND = 0x26;
const SEMICOLON = 0x3b;

/** How many `separator`-separated parts `text` has from `start` on (an upper bound on what a parser finds). */
function parts(text: string, start: number, separator: number): number {
  let count = 1;
  for (let i = start; i < text.length; i++) if (text.charCodeAt(i) === separator) count++;
  return count;
}

export function queryParameterCount(target: string): number {
  const start = target.indexOf("?");
  return start < 0 || start === target.length - 1 ? 0 : parts(target, start + 1, AMPERSAND);
}

export function cookieCount(header: string | undefined): number {
  return header ? parts(header, 0, SEMICOLON) : 0;
}

interface Refusal {
  status: 414 | 431;
  code: string;
}

export function crowdedRequestRefusal(request: Pick<IncomingMessage, "url" | "headers">): Refusal | null {
  if (queryParameterCount(request.url ?? "") > MAX_QUERY_PARAMETERS) return { status: 414, code: "TOO_MANY_QUERY_PARAMETERS" };
  if (cookieCount(request.headers.cookie) > MAX_COOKIES) return { status: 431, code: "TOO_MANY_COOKIES" };
  return null;
}

function refuse(response: ServerResponse, { status, code }: Refusal) {
  const body = JSON.stringify({ statusCode: status, error: STATUS_CODES[status], message: code });
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Request-Id": randomUUID(),
    Connection: "close",
  });
  response.end(body);
}

const installed = Symbol.for("gatehouse.refuseCrowdedRequests");

/**
 * Answers crowded requests before any HTTP server of this process passes them on. Next offers no
 * hook ahead of its own parsing (proxy.ts runs after it), so the guard sits on the one call every
 * request goes through: the server's "request" event. Installed once, from instrumentation.ts.
 */
export function refuseCrowdedRequests(): void {
  const prototype = Server.prototype as Server & { [installed]?: true };
  if (prototype[installed]) return;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const refusal = crowdedRequestRefusal(args[0] as IncomingMessage);
      if (refusal) {
        refuse(args[1] as ServerResponse, refusal);
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<Server["emit"]>);
  } as Server["emit"];
  prototype[installed] = true;
}
