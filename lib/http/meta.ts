import { config } from "../config";
import type { RequestMeta } from "../events";

/**
 * Client address and user agent for events and sessions. X-Forwarded-For is client-controlled
 * unless a trusted proxy sets it, so only its last hop is used unless TRUST_PROXY says otherwise.
 */
export function requestMeta(request: Request): RequestMeta {
  const forwarded = (request.headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = (config().TRUST_PROXY ? forwarded[0] : forwarded.at(-1)) ?? request.headers.get("x-real-ip") ?? null;
  return { ip, userAgent: request.headers.get("user-agent") };
}
