import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { ApiError, apiError, type ErrorCode } from "../errors";
import type { RequestMeta } from "../events";
import { log } from "../log";
import { authorize, type Principal, type TokenRule } from "../tokens/authorize";
import { parseJsonBody, readJsonText } from "./body";
import { applyCorsHeaders } from "./cors";
import { assertNoCrossSiteForm, assertSameSiteForCookie } from "./csrf";
import { requestMeta } from "./meta";
import { errorResponse, json, REFRESH_COOKIE } from "./responses";
import { parseOrThrow } from "./validation";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface Context<Q, B, P> {
  request: Request;
  query: Q;
  body: B;
  params: P;
  meta: RequestMeta;
  requestId: string;
}

/**
 * One endpoint, declared once: its route, token rule, schemas, documentation and the one call
 * into lib/. `serve()` gives Next the handlers; the OpenAPI document reads the same object.
 */
export interface Endpoint<Q = unknown, B = unknown, P = unknown, A extends TokenRule | "none" = TokenRule | "none"> {
  method: Method;
  /** the public path, without the /api prefix; `{name}` for path parameters */
  path: string;
  auth: A;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** the body may be missing or empty and counts as {} (docs/api.md §7) */
  emptyBodyIsObject?: boolean;
  params?: z.ZodType<P>;
  /** also take the refresh token from the cookie set by `?cookie=true` */
  refreshFromCookie?: boolean;
  summary: string;
  description?: string;
  tags: string[];
  success: { status?: 200 | 204; type?: "json" | "text"; schema?: z.ZodType; description: string };
  /** the codes particular to this endpoint (their statuses and descriptions are in lib/errors/catalogue.ts) */
  errors?: readonly ErrorCode[];
  /** portal plumbing: served, but not part of the public contract or the OpenAPI document */
  internal?: boolean;
  handle(ctx: Context<Q, B, P> & { principal: A extends "none" ? null : Principal }): Promise<unknown>;
}

// `any` here only erases the generic parameters for the registry; each definition stays typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEndpoint = Endpoint<any, any, any, any>;

export function defineEndpoint<Q = undefined, B = undefined, P = undefined, A extends TokenRule | "none" = "none">(
  endpoint: Endpoint<Q, B, P, A>,
): Endpoint<Q, B, P, A> {
  return endpoint;
}

function bearerToken(request: Request, endpoint: AnyEndpoint): string | null {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(.*)$/i.exec(header.trim());
    return match?.[1]?.trim() || null;
  }
  if (endpoint.refreshFromCookie) {
    const cookie = request.headers.get("cookie") ?? "";
    const found = cookie
      .split(";")
      .map((c) => c.trim())
      .find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
    const token = found?.slice(REFRESH_COOKIE.length + 1) || null;
    if (token) assertSameSiteForCookie(request);
    return token;
  }
  return null;
}

const searchParamsObject = (url: URL) => Object.fromEntries(url.searchParams.entries());

async function run(endpoint: AnyEndpoint, request: Request, rawParams: Promise<Record<string, string>> | undefined, requestId: string) {
  const url = new URL(request.url);
  const meta = requestMeta(request);
  // §8 "Input cost": the body's size and nesting are checked before anything else, so no later
  // step (the parser included) ever sees more than 64 KiB nested at most 64 levels deep
  const bodyText = endpoint.body ? await readJsonText(request) : undefined;
  if (endpoint.body) assertNoCrossSiteForm(request);
  const principal = endpoint.auth === "none" ? null : await authorize(bearerToken(request, endpoint), endpoint.auth);
  const params = endpoint.params ? parseOrThrow(endpoint.params, (await rawParams) ?? {}, "path") : undefined;
  const query = endpoint.query ? parseOrThrow(endpoint.query, searchParamsObject(url), "query") : undefined;
  const body =
    endpoint.body && bodyText !== undefined
      ? parseOrThrow(endpoint.body, parseJsonBody(bodyText, !!endpoint.emptyBodyIsObject), "body")
      : undefined;
  const result = await endpoint.handle({ request, query, body, params, meta, requestId, principal });
  return result instanceof Response ? result : json(result ?? null);
}

export async function handleRequest(
  endpoint: AnyEndpoint,
  request: Request,
  rawParams?: Promise<Record<string, string>>,
): Promise<Response> {
  const started = performance.now();
  const requestId = randomUUID();
  let response: Response;
  try {
    response = await run(endpoint, request, rawParams, requestId);
  } catch (error) {
    if (error instanceof ApiError) response = errorResponse(error);
    else {
      log.error({ requestId, route: endpoint.path, err: error }, "unexpected error");
      response = errorResponse(apiError("INTERNAL_SERVER_ERROR"));
    }
  }
  response.headers.set("X-Request-Id", requestId);
  // cross-origin pages may read the public API (CORS_ORIGINS); never the portal's plumbing
  if (!endpoint.internal) applyCorsHeaders(request, response.headers);
  log.info(
    { requestId, method: request.method, route: endpoint.path, status: response.status, ms: Math.round(performance.now() - started) },
    "request",
  );
  return response;
}

type RouteHandler = (request: Request, context: { params?: Promise<Record<string, string>> }) => Promise<Response>;

const methodNotAllowed = (allowed: string, internal: boolean) => async (request: Request) => {
  const response = errorResponse(apiError("METHOD_NOT_ALLOWED"));
  response.headers.set("Allow", allowed);
  if (!internal) applyCorsHeaders(request, response.headers);
  return response;
};

/** The Next route exports for the endpoints sharing one path; other methods answer 405 in the envelope. */
export function serve(...endpoints: AnyEndpoint[]): Record<Method | "PATCH", RouteHandler> {
  const allowed = endpoints.map((e) => e.method).join(", ");
  const notAllowed = methodNotAllowed(
    allowed,
    endpoints.every((e) => e.internal),
  );
  const handlers = { GET: notAllowed, POST: notAllowed, PUT: notAllowed, DELETE: notAllowed, PATCH: notAllowed } as Record<
    Method | "PATCH",
    RouteHandler
  >;
  for (const endpoint of endpoints) handlers[endpoint.method] = (request, context) => handleRequest(endpoint, request, context?.params);
  return handlers;
}
