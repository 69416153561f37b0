import { errorCatalogue, reasonPhrases, statusOf, type ErrorCode } from "../errors";
import { MAX_BODY_BYTES } from "../http/body";
import type { AnyEndpoint } from "../http/endpoint";
import { MAX_JSON_DEPTH } from "../http/json-depth";
import type { JsonSchema } from "./json-schema";

// Error responses: the contract's envelope, one response per status listing its `message` codes with
// their descriptions (both from lib/errors/catalogue.ts), and the errors every endpoint of a kind
// can answer (added here so no declaration has to repeat them).

export const TWO_FACTOR_REQUIRED = "2FA_REQUIRED" satisfies ErrorCode;

export const errorComponents: Record<string, JsonSchema> = {
  ErrorEnvelope: {
    type: "object",
    description:
      "Every error answer. `message` is a machine-readable code (e.g. `INVALID_TOKEN`), except for 400, where it is a human-readable sentence naming the offending field (e.g. `username is required`) and `field` names that field for programs (`username`). The request id is in the `X-Request-Id` header.",
    required: ["statusCode", "error", "message"],
    properties: {
      statusCode: { type: "integer", description: "The HTTP status, repeated", examples: [401] },
      error: { type: "string", enum: [...new Set(Object.values(reasonPhrases))], description: "The reason phrase of the status" },
      message: { type: "string", description: "The error code (400: a sentence naming the field)" },
      field: {
        type: "string",
        description:
          "400 only: the input at fault, the dotted path the sentence starts with (`newPassword`, `items.0.name`), or `body`, `query` or `path` when the whole input is at fault (not JSON, nested too deep, not an object)",
        examples: ["newPassword"],
      },
      retryAfter: {
        type: "integer",
        minimum: 1,
        description: "429 only: seconds to wait before trying again (also sent as the `Retry-After` header)",
      },
    },
  },
  TwoFactorRequired: {
    description:
      "The 401 answer of `POST /auth/login` for an account with an active second factor: continue with one `authenticate` call using `partialToken` (for email OTP, call `POST /user/2fa/email-otp/challenge` first).",
    allOf: [{ $ref: "#/components/schemas/ErrorEnvelope" }],
    type: "object",
    required: ["statusCode", "error", "message", "partialToken", "methods"],
    properties: {
      statusCode: { const: 401 },
      error: { const: reasonPhrases[401] },
      message: { const: TWO_FACTOR_REQUIRED },
      partialToken: { type: "string", description: "A partial token (JWT, 5 minutes)" },
      methods: {
        type: "array",
        items: { type: "string", enum: ["totp", "emailOtp", "passkey", "recoveryCode"] },
        description:
          "The user's active methods: `totp`, `emailOtp` and `passkey` when active, `recoveryCode` while unused recovery codes exist",
      },
    },
  },
};

export const errorHeaders = {
  RetryAfter: {
    description: "Seconds to wait before trying again (the same number as `retryAfter`)",
    required: true,
    schema: { type: "integer", minimum: 1 },
  },
};

/** The errors the endpoint can answer, by status: its declared codes plus those the wrapper adds. */
export function errorCodes(endpoint: AnyEndpoint): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  const add = (code: ErrorCode) => {
    const status = statusOf(code);
    const codes = byStatus.get(status) ?? [];
    if (!codes.includes(code)) codes.push(code);
    byStatus.set(status, codes);
  };
  // a 400's message is a sentence, not a code: an endpoint that reads input can answer one
  if (endpoint.query || endpoint.body || endpoint.params) byStatus.set(400, []);
  if (endpoint.auth !== "none") {
    add("NO_TOKEN_PROVIDED");
    add("INVALID_TOKEN");
  }
  if (endpoint.refreshFromCookie || endpoint.body) add("CROSS_SITE_REQUEST");
  for (const code of endpoint.errors ?? []) add(code);
  if (endpoint.body) add("PAYLOAD_TOO_LARGE");
  add("INTERNAL_SERVER_ERROR");
  return new Map([...byStatus.entries()].sort(([a], [b]) => a - b));
}

const envelope = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  statusCode: status,
  error: reasonPhrases[status] ?? "Error",
  message: code,
  ...extra,
});

/** A 400's example: its sentence and the field it names. */
export interface BadRequestExample {
  message: string;
  field: string;
}
export const NOT_JSON: BadRequestExample = { message: "body is not valid JSON", field: "body" };

const requiredKeys = (status: number) => [
  "statusCode",
  "error",
  "message",
  ...(status === 429 ? ["retryAfter"] : status === 400 ? ["field"] : []),
];

function statusSchema(status: number, codes: string[]): JsonSchema {
  const message: JsonSchema =
    status === 400
      ? { type: "string", description: "A sentence naming the offending field, e.g. `username is required`" }
      : { type: "string", enum: codes };
  return {
    allOf: [{ $ref: "#/components/schemas/ErrorEnvelope" }],
    type: "object",
    required: requiredKeys(status),
    properties: { statusCode: { const: status }, error: { const: reasonPhrases[status] ?? "Error" }, message },
  };
}

const statusIntro: Record<number, string> = {
  400:
    `The request is malformed: a body that is not JSON or is nested deeper than ${MAX_JSON_DEPTH} levels, a missing required field, a field of the wrong type or one that breaks a length, format or pattern rule, or an invalid query or path parameter. ` +
    "`message` names the field in a sentence, and `field` names it for programs.",
  401: "Not authenticated:",
  403: "Refused:",
  404: "Not found:",
  409: "The account is not in the state this call needs:",
  413: `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`,
  429: "Throttled: wait `retryAfter` seconds (also in the `Retry-After` header) before the next try; a try during the wait does not lengthen it.",
  500: "The server could not complete the request:",
};

/** One OpenAPI response object for `status` with its codes. */
export function errorResponse(
  status: number,
  codes: ErrorCode[],
  badRequestExample: BadRequestExample = NOT_JSON,
): Record<string, unknown> {
  const lines = codes.map((c) => `- \`${c}\`: ${errorCatalogue[c].description}`);
  const description = [statusIntro[status] ?? reasonPhrases[status] ?? "Error", ...(status === 400 ? [] : lines)].join("\n");
  const retry = status === 429 ? { retryAfter: 30 } : {};
  const plain = codes.filter((c) => c !== TWO_FACTOR_REQUIRED);
  const schema: JsonSchema = codes.includes(TWO_FACTOR_REQUIRED)
    ? plain.length
      ? { oneOf: [statusSchema(status, plain), { $ref: "#/components/schemas/TwoFactorRequired" }] }
      : { $ref: "#/components/schemas/TwoFactorRequired" }
    : statusSchema(status, codes);
  const examples =
    status === 400
      ? {
          invalid: {
            summary: badRequestExample.message,
            value: envelope(status, badRequestExample.message, { field: badRequestExample.field }),
          },
        }
      : Object.fromEntries(
          codes.map((code) => [
            code,
            {
              summary: code,
              value:
                code === TWO_FACTOR_REQUIRED
                  ? envelope(status, code, { partialToken: "eyJhbGciOiJFUzI1NiIs…", methods: ["totp", "recoveryCode"] })
                  : envelope(status, code, retry),
            },
          ]),
        );
  return {
    description,
    headers: {
      "X-Request-Id": { $ref: "#/components/headers/XRequestId" },
      ...(status === 429 ? { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } : {}),
    },
    content: { "application/json": { schema, examples } },
  };
}
