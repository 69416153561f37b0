import type { z } from "zod";
import type { RegisteredEndpoint } from "../api";
import { servedWithoutPrefix } from "../http/api-paths.mjs";
import type { AnyEndpoint } from "../http/endpoint";
import { issueFailure } from "../http/validation";
import { apiDescription } from "./description";
import { errorCodes, errorComponents, errorHeaders, errorResponse, NOT_JSON, type BadRequestExample } from "./errors";
import { objectProperties, toJsonSchema, type JsonSchema } from "./json-schema";
import { ruleNotation, securityFor, securitySchemes, tokenRuleDescription } from "./security";

// The OpenAPI 3.1 document, generated from the endpoint registry: the same declarations and zod
// schemas the server validates with, so the document cannot drift from what is served.

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  servers: { url: string; description: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
  [key: string]: unknown;
};
export type Operation = Record<string, unknown> & { operationId: string; responses: Record<string, unknown> };

// An operation that is not also served without the /api prefix (lib/http/api-paths.mjs) says so
// in its own `servers`.
const API_ONLY_SERVERS = [{ url: "/api", description: "Served under the /api prefix only" }];

const tagDescriptions: Record<string, string> = {
  Authentication: "Log in, exchange and rotate tokens, log out (docs/api.md §3).",
  "Two-factor authentication":
    "TOTP, email codes and recovery codes: setup, activation, login completion and step-up to sudo (docs/api.md §4 #1–#15).",
  Passkeys: "WebAuthn passkeys *(ours)*: a second factor beside TOTP and email codes, and a sign-in without a password (docs/api.md §9).",
  Password: "Reset by emailed code or link, and change with the old password (docs/api.md §4 #16–#19, #22).",
  Email: "Move the account to a new email address (docs/api.md §4 #20–#21).",
  Sessions: "The user's signed-in sessions *(ours)*.",
  Preferences: "The user's language and time zone *(ours)*: the pages' language and that of every mail that names no `language`.",
  Discovery: "This document, the discovery document and the keys that verify tokens offline.",
  Administration:
    "The administrators' dashboard API *(ours)*: accounts, their 2FA and sessions, actions, the mail log. Administrators only.",
};
const tagOrder = Object.keys(tagDescriptions);
const methodOrder = ["GET", "POST", "PUT", "DELETE"];

/** The wording a client sees for common query parameters whose schemas carry no description. */
const parameterNotes: Record<string, string> = {
  cookie: "`true`: also set the refresh token as an HttpOnly, Secure, SameSite=Lax cookie (for browser clients)",
  origin: "Which mail configuration (brand) sends the mail; an unknown one answers 500 `UNABLE_TO_FIND_MAIL_TEMPLATE` and sends nothing",
  language:
    "The mail's language (ISO 639-1); without it, the language saved on the account (`PUT /user/preferences`); one the configuration has no template for falls back to its default",
};

/** The 400 this endpoint gives for an empty input (message and field): a real example from its own schema. */
function badRequestExample(endpoint: AnyEndpoint): BadRequestExample {
  const attempt = (schema: z.ZodType | undefined, input: unknown, where: "body" | "query" | "path") => {
    if (!schema) return undefined;
    const result = schema.safeParse(input);
    return result.success ? undefined : issueFailure(result.error.issues[0], where);
  };
  return (
    attempt(endpoint.body, {}, "body") ??
    (endpoint.body ? NOT_JSON : undefined) ??
    attempt(endpoint.query, {}, "query") ??
    attempt(endpoint.params, {}, "path") ??
    NOT_JSON
  );
}

function parameters(endpoint: AnyEndpoint, defs: Record<string, JsonSchema>): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  const declaredPath = endpoint.params ? objectProperties(toJsonSchema(endpoint.params, "input", defs)) : [];
  for (const name of [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
    const declared = declaredPath.find((p) => p.name === name);
    const { description, ...schema } = declared?.schema ?? { type: "string" };
    list.push({ name, in: "path", required: true, schema, ...(description ? { description } : {}) });
  }
  if (endpoint.query) {
    for (const p of objectProperties(toJsonSchema(endpoint.query, "input", defs))) {
      const { description, ...schema } = p.schema;
      const text = (description as string | undefined) ?? parameterNotes[p.name];
      list.push({ name: p.name, in: "query", required: p.required, schema, ...(text ? { description: text } : {}) });
    }
  }
  return list;
}

function successResponse(endpoint: AnyEndpoint, defs: Record<string, JsonSchema>): [string, Record<string, unknown>] {
  const { status = 200, type = "json", schema, description } = endpoint.success;
  const headers = {
    "X-Request-Id": { $ref: "#/components/headers/XRequestId" },
    "Cache-Control": { $ref: "#/components/headers/CacheControl" },
  };
  if (status === 204) return ["204", { description, headers }];
  if (type === "text") {
    return [
      String(status),
      { description, headers, content: { "text/plain": { schema: { type: "string", description: "The bare token, no quotes" } } } },
    ];
  }
  const body = schema ? toJsonSchema(schema, "output", defs) : {};
  return [String(status), { description, headers, content: { "application/json": { schema: body } } }];
}

function operation(entry: RegisteredEndpoint, defs: Record<string, JsonSchema>): Operation {
  const { endpoint, name } = entry;
  const token = endpoint.auth === "none" ? undefined : tokenRuleDescription(endpoint.auth);
  const description = [endpoint.description, token].filter(Boolean).join("\n\n");
  const op: Record<string, unknown> = {
    operationId: name,
    summary: endpoint.summary,
    description,
    tags: endpoint.tags,
    "x-token-rule": ruleNotation(endpoint.auth),
    security: securityFor(endpoint.auth, { refreshFromCookie: endpoint.refreshFromCookie }),
  };
  const params = parameters(endpoint, defs);
  if (params.length) op.parameters = params;
  if (endpoint.body) {
    op.requestBody = {
      required: !endpoint.emptyBodyIsObject,
      ...(endpoint.emptyBodyIsObject ? { description: "May be left out or empty: it then counts as `{}`." } : {}),
      content: { "application/json": { schema: toJsonSchema(endpoint.body, "input", defs) } },
    };
  }
  const [status, success] = successResponse(endpoint, defs);
  const responses: Record<string, unknown> = { [status]: success };
  for (const [errorStatus, codes] of errorCodes(endpoint)) {
    responses[String(errorStatus)] = errorResponse(errorStatus, codes, errorStatus === 400 ? badRequestExample(endpoint) : undefined);
  }
  op.responses = responses;
  if (!servedWithoutPrefix(endpoint.path)) op.servers = API_ONLY_SERVERS;
  return op as Operation;
}

const rank = (e: AnyEndpoint) => {
  const i = tagOrder.indexOf(e.tags[0] ?? "");
  return i === -1 ? tagOrder.length : i;
};

export function buildOpenApiDocument(registry: readonly RegisteredEndpoint[], opts: { version?: string } = {}): OpenApiDocument {
  const defs: Record<string, JsonSchema> = {};
  const published = registry
    .filter((r) => !r.endpoint.internal)
    .sort(
      (a, b) =>
        rank(a.endpoint) - rank(b.endpoint) ||
        a.endpoint.path.localeCompare(b.endpoint.path) ||
        methodOrder.indexOf(a.endpoint.method) - methodOrder.indexOf(b.endpoint.method),
    );
  const paths: OpenApiDocument["paths"] = {};
  const tags: string[] = [];
  for (const entry of published) {
    const item = (paths[entry.endpoint.path] ??= {});
    const method = entry.endpoint.method.toLowerCase();
    if (item[method]) throw new Error(`OpenAPI: ${entry.endpoint.method} ${entry.endpoint.path} is declared twice`);
    item[method] = operation(entry, defs);
    for (const tag of entry.endpoint.tags) if (!tags.includes(tag)) tags.push(tag);
  }
  tags.sort((a, b) => (tagOrder.indexOf(a) + 1 || 99) - (tagOrder.indexOf(b) + 1 || 99));

  return {
    openapi: "3.1.0",
    info: {
      title: "Gatehouse — the Eniris authentication API",
      version: opts.version ?? "0.0.0",
      description: apiDescription,
    },
    servers: [
      { url: "/", description: "This server, paths as Eniris clients use them (/auth/login)" },
      { url: "/api", description: "This server, the same operations under the /api prefix (/api/auth/login)" },
    ],
    tags: tags.map((name) => ({ name, ...(tagDescriptions[name] ? { description: tagDescriptions[name] } : {}) })),
    paths,
    components: {
      securitySchemes,
      schemas: { ...errorComponents, ...defs },
      headers: {
        XRequestId: {
          description: "The request id, also in the server's log line for this request",
          schema: { type: "string", format: "uuid" },
        },
        CacheControl: { description: "Responses may carry tokens or codes: never cached", schema: { type: "string", const: "no-store" } },
        ...errorHeaders,
      },
    },
  };
}
