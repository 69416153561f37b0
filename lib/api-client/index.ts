import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import { isErrorCode, type ErrorCode } from "../errors/catalogue";
import type { components, paths } from "./schema";

// The typed client of the Gatehouse API, for the portal's pages and for third parties, in the
// browser and in Node: openapi-fetch over the types generated from the OpenAPI document
// (./schema.ts, `npm run api:types`), so paths, parameters, bodies and answers are checked by
// tsc. Gatehouse's conventions on top: the bearer token, text/plain token answers handed over as
// strings, and failures as one typed envelope whose `code` is the catalogue's.

export type { components, operations, paths } from "./schema";
export type { ErrorCode } from "../errors/catalogue";

export type GatehouseClient = Client<paths>;

export interface GatehouseClientOptions extends Omit<ClientOptions, "baseUrl" | "headers"> {
  /** where the API is served: `https://gatehouse.example.com/api` (every operation exists under /api) */
  baseUrl: string;
  /** sent as `Authorization: Bearer <token>` on every call that does not set its own header */
  token?: string | null;
}

/**
 * The token operations (`POST /auth/login`, `GET /auth/accesstoken`, `GET /auth/refreshtoken`)
 * answer the bare token as text/plain; openapi-fetch would parse every answer as JSON. This turns
 * such an answer into the JSON string, so `data` is the token whichever `parseAs` the call left
 * at its default (a call that asks for "text" itself gets the text as it came).
 */
const textAnswers: Middleware = {
  async onResponse({ response, options }) {
    if (!response.ok || options.parseAs !== "json" || !response.headers.get("Content-Type")?.startsWith("text/plain")) return undefined;
    const headers = new Headers(response.headers);
    headers.set("Content-Type", "application/json");
    headers.delete("Content-Length");
    return new Response(JSON.stringify(await response.text()), { status: response.status, statusText: response.statusText, headers });
  },
};

export function createGatehouseClient({ baseUrl, token, ...options }: GatehouseClientOptions): GatehouseClient {
  const client = createClient<paths>({ ...options, baseUrl, headers: token ? { Authorization: `Bearer ${token}` } : undefined });
  client.use(textAnswers);
  return client;
}

/**
 * Failures the client reports itself: no answer at all (NETWORK_ERROR), an answer that is not the
 * error envelope (UNKNOWN_ERROR), and a 400 (BAD_REQUEST), whose `message` is a sentence and whose
 * `field` names the input at fault.
 */
export type ClientErrorCode = "NETWORK_ERROR" | "UNKNOWN_ERROR" | "BAD_REQUEST";

type SecondFactorMethod = components["schemas"]["TwoFactorRequired"]["methods"][number];

/** A failed call: the error envelope, with its `message` read as a code of the catalogue. */
export interface ApiFailure {
  /** the HTTP status; 0 when there was no answer */
  status: number;
  code: ErrorCode | ClientErrorCode;
  /** the envelope's `message`: the code, or for a 400 the sentence naming the field */
  message: string;
  /** 400 only: the input at fault ("newPassword", "body") */
  field?: string;
  /** 429 only: seconds to wait */
  retryAfter?: number;
  /** 401 `2FA_REQUIRED` only */
  partialToken?: string;
  methods?: SecondFactorMethod[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

/** What every openapi-fetch call resolves to. */
export type Answer = { data?: unknown; error?: unknown; response: Response };
/** The success body of a call: a 204 or `null` answer gives null. */
export type DataOf<A extends Answer> = [Exclude<A["data"], undefined>] extends [never] ? null : Exclude<A["data"], undefined>;

export function failureOf(status: number, body: unknown): ApiFailure {
  const envelope = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const message = typeof envelope.message === "string" ? envelope.message : "UNKNOWN_ERROR";
  const code = status === 400 ? "BAD_REQUEST" : isErrorCode(message) ? message : "UNKNOWN_ERROR";
  const failure: ApiFailure = { status, code, message };
  if (typeof envelope.field === "string") failure.field = envelope.field;
  if (typeof envelope.retryAfter === "number") failure.retryAfter = envelope.retryAfter;
  if (typeof envelope.partialToken === "string") failure.partialToken = envelope.partialToken;
  if (Array.isArray(envelope.methods)) failure.methods = envelope.methods as SecondFactorMethod[];
  return failure;
}

/**
 * One call's outcome as a result, never a throw: `{ ok: true, data }` with the operation's own
 * answer type, or `{ ok: false, error }` with the envelope, also when the network failed.
 *
 *   const result = await settle(gatehouse.GET("/user/2fa"));
 *   if (!result.ok && result.error.code === "INVALID_TOKEN") …
 */
export async function settle<A extends Answer>(call: Promise<A>): Promise<ApiResult<DataOf<A>>> {
  let answer: A;
  try {
    answer = await call;
  } catch (error) {
    // fetch rejects with a TypeError when no answer came; anything else is an answer it could not read
    const code = error instanceof TypeError ? "NETWORK_ERROR" : "UNKNOWN_ERROR";
    return { ok: false, error: { status: 0, code, message: code } };
  }
  if (answer.response.ok) return { ok: true, data: (answer.data ?? null) as DataOf<A> };
  return { ok: false, error: failureOf(answer.response.status, answer.error) };
}
