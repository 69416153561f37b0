import type { RegisteredEndpoint } from "../api";
import { errorCatalogue, type ErrorCode } from "../errors";
import { servedWithoutPrefix } from "../http/api-paths.mjs";
import type { AnyEndpoint } from "../http/endpoint";
import { errorCodes } from "./errors";
import { objectProperties, toJsonSchema, type JsonSchema } from "./json-schema";
import { ruleNotation } from "./security";

// The endpoint tables of docs/api.md, generated from the registry (the declarations the server
// serves and the OpenAPI document reads), and its table of error codes, generated from the
// catalogue, so the prose around them is the only hand-written part.
// Each table sits between two marker comments naming its tag; `npm run docs:api` rewrites them
// and lib/openapi/api-doc.test.ts fails when the file is not what the declarations give.

/** The number each of the 22 operations of the Eniris "User" documentation has in docs/api.md §4. */
export const contractNumbers: Record<string, number> = {
  getTwoFactorStatus: 1,
  totpSetup: 2,
  totpEnable: 3,
  totpAuthenticate: 4,
  totpNextGuess: 5,
  totpDeactivate: 6,
  emailOtpSetup: 7,
  emailOtpEnable: 8,
  emailOtpChallenge: 9,
  emailOtpAuthenticate: 10,
  emailOtpNextEmail: 11,
  emailOtpDeactivate: 12,
  recoveryCodeAuthenticate: 13,
  recoveryCodeNextGuess: 14,
  recoveryCodeReset: 15,
  sendResetCode: 16,
  validateResetCode: 17,
  resetWithCode: 18,
  changeWithOldPassword: 19,
  initiateTransfer: 20,
  completeTransfer: 21,
  forgotPassword: 22,
};

/**
 * Codes the endpoint wrapper adds to whole classes of endpoints (a token, a body): docs/api.md §1
 * explains them once, so the tables list only what is particular to each operation.
 */
export const WRAPPER_CODES: readonly ErrorCode[] = [
  "NO_TOKEN_PROVIDED",
  "INVALID_TOKEN",
  "CROSS_SITE_REQUEST",
  "PAYLOAD_TOO_LARGE",
  "INTERNAL_SERVER_ERROR",
];

const BEGIN = /<!-- endpoints:begin tag="([^"]+)" -->\n/g;
const END = "<!-- endpoints:end -->";
const methodOrder = ["GET", "POST", "PUT", "DELETE"];

const code = (text: string) => `\`${text}\``;
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** `{ a, b? }` for an object schema, one level deep: what a client sends or reads. */
function shape(schema: JsonSchema): string {
  if (schema.type === "null") return "`null`";
  for (const key of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(schema[key])) return (schema[key] as JsonSchema[]).map(shape).join(" or ");
  }
  if (schema.type === "array") return schema.items ? `[${shape(schema.items as JsonSchema)}, …]` : "`[…]`";
  if (typeof schema.$ref === "string") return code(schema.$ref.split("/").pop()!);
  if (schema.type === "object" || schema.properties) {
    const fields = objectProperties(schema).map((p) => `${p.name}${p.required ? "" : "?"}`);
    return fields.length ? code(`{ ${fields.join(", ")} }`) : schema.additionalProperties ? "JSON object" : code("{}");
  }
  return typeof schema.type === "string" ? schema.type : "JSON";
}

function input(endpoint: AnyEndpoint): string {
  const parts: string[] = [];
  if (endpoint.body) {
    const body = shape(toJsonSchema(endpoint.body, "input", {}));
    parts.push(endpoint.emptyBodyIsObject ? `${body} (may be left out)` : body);
  }
  if (endpoint.query) {
    const names = objectProperties(toJsonSchema(endpoint.query, "input", {})).map((p) => `${p.name}${p.required ? "" : "?"}`);
    if (names.length) parts.push(`query ${names.map(code).join(", ")}`);
  }
  return parts.join("; ") || "–";
}

function answer(endpoint: AnyEndpoint): string {
  const { status = 200, type = "json", schema } = endpoint.success;
  if (status === 204) return "204, no body";
  if (type === "text") return "text/plain";
  return schema ? shape(toJsonSchema(schema, "output", {})) : "JSON";
}

/** `400 · 401 PASSWORD_INCORRECT, 2FA_REQUIRED · 429 …`: the statuses and codes of this operation. */
function errors(endpoint: AnyEndpoint): string {
  const parts: string[] = [];
  for (const [status, codes] of errorCodes(endpoint)) {
    const own = codes.filter((c) => !WRAPPER_CODES.includes(c));
    if (status === 400) parts.push("400");
    else if (own.length) parts.push(`${status} ${own.map(code).join(", ")}`);
  }
  return parts.join(" · ") || "–";
}

const numbered = (entries: readonly RegisteredEndpoint[]) => entries.some((e) => contractNumbers[e.name] !== undefined);

function order(a: RegisteredEndpoint, b: RegisteredEndpoint): number {
  const na = contractNumbers[a.name] ?? Infinity;
  const nb = contractNumbers[b.name] ?? Infinity;
  if (na !== nb) return na - nb;
  return a.endpoint.path.localeCompare(b.endpoint.path) || methodOrder.indexOf(a.endpoint.method) - methodOrder.indexOf(b.endpoint.method);
}

/** The published (non-internal) endpoints grouped by their first tag, each group in table order. */
export function endpointsByTag(registry: readonly RegisteredEndpoint[]): Map<string, RegisteredEndpoint[]> {
  const groups = new Map<string, RegisteredEndpoint[]>();
  for (const entry of registry) {
    if (entry.endpoint.internal) continue;
    const tag = entry.endpoint.tags[0] ?? "Untagged";
    groups.set(tag, [...(groups.get(tag) ?? []), entry]);
  }
  for (const entries of groups.values()) entries.sort(order);
  return groups;
}

/** The Markdown table of one tag's endpoints. The § 4 groups get the contract's # column. */
export function endpointTable(entries: readonly RegisteredEndpoint[]): string {
  const withNumbers = numbered(entries);
  const header = [...(withNumbers ? ["#"] : []), "method", "path", "token", "summary", "body / query", "answer", "errors"];
  const rows = entries.map(({ name, endpoint }) => [
    ...(withNumbers ? [String(contractNumbers[name] ?? "–")] : []),
    endpoint.method,
    // an operation served under /api only is shown with its prefix: the URL a client calls
    code(servedWithoutPrefix(endpoint.path) ? endpoint.path : `/api${endpoint.path}`),
    ruleNotation(endpoint.auth),
    endpoint.summary,
    input(endpoint),
    answer(endpoint),
    errors(endpoint),
  ]);
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * `markdown` with every block between `<!-- endpoints:begin tag="T" -->` and
 * `<!-- endpoints:end -->` replaced by the table of tag T. Throws when a block names a tag without
 * endpoints, a tag appears twice, or a tag with published endpoints has no block (it would be
 * missing from the document).
 */
export function renderEndpointTables(markdown: string, registry: readonly RegisteredEndpoint[]): string {
  const groups = endpointsByTag(registry);
  const placed = new Set<string>();
  let out = "";
  let from = 0;
  for (const match of markdown.matchAll(BEGIN)) {
    const tag = match[1];
    const start = match.index! + match[0].length;
    const end = markdown.indexOf(END, start);
    if (end === -1) throw new Error(`docs: the block of "${tag}" has no ${END}`);
    const next = markdown.slice(start, end).search(BEGIN);
    if (next !== -1) throw new Error(`docs: the block of "${tag}" is not closed before the next one begins`);
    const entries = groups.get(tag);
    if (!entries) throw new Error(`docs: no published endpoint has the tag "${tag}"`);
    if (placed.has(tag)) throw new Error(`docs: the tag "${tag}" has two blocks`);
    placed.add(tag);
    out += markdown.slice(from, start) + endpointTable(entries) + "\n";
    from = end;
  }
  const missing = [...groups.keys()].filter((tag) => !placed.has(tag));
  if (missing.length) throw new Error(`docs: no block for the tag(s) ${missing.join(", ")}: add <!-- endpoints:begin tag="…" --> … ${END}`);
  return out + markdown.slice(from);
}

const CODES_BEGIN = "<!-- error-codes:begin -->\n";
const CODES_END = "<!-- error-codes:end -->";

/** The Markdown table of every error code: status, code and meaning, as lib/errors/catalogue.ts declares them. */
export function errorCodeTable(): string {
  const rows = Object.entries(errorCatalogue)
    .sort(([, a], [, b]) => a.status - b.status)
    .map(([name, { status, description }]) => `| ${status} | ${code(name)} | ${cell(description)} |`);
  return ["| status | code | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

/** `markdown` with the block between `<!-- error-codes:begin -->` and `<!-- error-codes:end -->` replaced by errorCodeTable(). */
export function renderErrorCodeTable(markdown: string): string {
  const begin = markdown.indexOf(CODES_BEGIN);
  const end = markdown.indexOf(CODES_END, begin);
  if (begin === -1 || end === -1) throw new Error(`docs: no ${CODES_BEGIN.trim()} … ${CODES_END} block for the error codes`);
  if (markdown.indexOf(CODES_BEGIN, end) !== -1) throw new Error("docs: the error codes have two blocks");
  return markdown.slice(0, begin + CODES_BEGIN.length) + errorCodeTable() + "\n" + markdown.slice(end);
}

/** docs/api.md with every generated part rewritten: the endpoint tables and the error codes. */
export const renderApiDoc = (markdown: string, registry: readonly RegisteredEndpoint[]) =>
  renderErrorCodeTable(renderEndpointTables(markdown, registry));
