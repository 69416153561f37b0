// docs/api.md §8 "Input cost", below the API. Next.js itself spends time quadratic in the number
// of query parameters (every route: it calls `searchParams.getAll(key)` once per parameter) and
// of cookies (every route handler: its mutable cookie store re-serializes all cookies once per
// cookie), before any code of ours runs: 7,000 parameters in a 14 KB URL held the event loop 1.2 s
// on /api/health and 2.4 s on a page, 1,500 cookies 0.5 s. No client of this server sends more
// than a handful of either (browsers keep at most ~180 cookies per site), so scripts/server.mjs
// refuses a request with more before handing it to Next, the way Node itself refuses oversized
// headers with 431. Plain JavaScript: the server process loads no TypeScript tooling.
import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";

export const MAX_QUERY_PARAMETERS = 100;
export const MAX_COOKIES = 200;

const AMPERSAND = 0x26;
const SEMICOLON = 0x3b;

/** How many `separator`-separated parts `text` has from `start` on (an upper bound on what a parser finds). */
function parts(text, start, separator) {
  let count = 1;
  for (let i = start; i < text.length; i++) if (text.charCodeAt(i) === separator) count++;
  return count;
}

export function queryParameterCount(target) {
  const start = target.indexOf("?");
  return start < 0 || start === target.length - 1 ? 0 : parts(target, start + 1, AMPERSAND);
}

export const cookieCount = (header) => (header ? parts(header, 0, SEMICOLON) : 0);

/** 414 or 431 for a request too crowded to hand to Next.js; null for every other. */
export function crowdedRequestRefusal(request) {
  if (queryParameterCount(request.url ?? "") > MAX_QUERY_PARAMETERS) return { status: 414, code: "TOO_MANY_QUERY_PARAMETERS" };
  if (cookieCount(request.headers.cookie) > MAX_COOKIES) return { status: 431, code: "TOO_MANY_COOKIES" };
  return null;
}

/** The refusal in the API's error envelope. */
export function refuse(response, { status, code }) {
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
