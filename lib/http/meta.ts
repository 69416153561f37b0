import { isIP } from "node:net";
import { config } from "../config";
import type { RequestMeta } from "../events";

// The client's address, recorded with sessions and events and used by the development mailbox.
//
// The TCP peer's address is the only one a client cannot choose. scripts/server.mjs puts it on
// every request in PEER_HEADER, after a nonce that only the server process knows, so the same
// header sent by a client (or any request to a server started some other way) carries no address.
// X-Forwarded-For and X-Real-IP are the client's own text unless a proxy in front of Gatehouse
// sets them: they are read only with TRUST_PROXY, and then only the entry that the nearest proxy
// added (the last), which the client cannot forge.

const PEER_HEADER = "x-gatehouse-peer";
const peerNonce = () => (globalThis as Record<symbol, unknown>)[Symbol.for("gatehouse.peer-nonce")];

/** An IPv4-mapped IPv6 address (::ffff:127.0.0.1, from a dual-stack socket) as plain IPv4. */
const plain = (address: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address);
const ipOrNull = (value: string | null | undefined) => (value && isIP(plain(value.trim())) ? plain(value.trim()) : null);

function peerAddress(headers: Headers): string | null {
  const [nonce, address] = (headers.get(PEER_HEADER) ?? "").split(" ");
  const expected = peerNonce();
  return typeof expected === "string" && nonce === expected ? ipOrNull(address) : null;
}

function forwardedAddress(headers: Headers): string | null {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",");
  return ipOrNull(hops.at(-1)) ?? ipOrNull(headers.get("x-real-ip"));
}

export function clientAddress(headers: Headers): string | null {
  return (config().TRUST_PROXY ? forwardedAddress(headers) : null) ?? peerAddress(headers);
}

export const isLoopbackAddress = (address: string | null) => !!address && (address === "::1" || /^127\.\d+\.\d+\.\d+$/.test(address));

/** Client address and user agent for events and sessions. */
export function requestMeta(request: Request): RequestMeta {
  return headersMeta(request.headers);
}

/** The same from a request's headers alone (a server action reads them with next/headers). */
export function headersMeta(headers: Headers): RequestMeta {
  return { ip: clientAddress(headers), userAgent: headers.get("user-agent") };
}
