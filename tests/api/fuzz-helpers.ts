import fc from "fast-check";

// Generators for tests/api/fuzz.test.ts: bad requests for any operation of the served OpenAPI
// document, built from what the document says (plus docs/api.md §1 where it is silent, and the two opaque
// query formats it describes only in words: `filter` and `cursor`).
// Every generated request is checked before it is sent to be certainly invalid — as the server
// reads it (JSON.parse after a UTF-8 decode that drops a BOM, the last of repeated query keys) and
// as the document describes it, lengths counted both in UTF-16 units and in code points so the
// check holds whichever a validator counts — so a fuzz case never reaches a handler, never
// consumes a throttle slot and never writes, unless validation itself is broken.

export type TokenKind = "refresh" | "access" | "sudo" | "partial";
export const TOKEN_KINDS: TokenKind[] = ["refresh", "access", "sudo", "partial"];

/** The body limit (lib/http/body.ts; the document's 413 says "larger than 64 KiB"). */
export const MAX_BODY_BYTES = 64 * 1024;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonSchema = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OpenApiDocument = Record<string, any>;

export interface Param {
  name: string;
  in: "query" | "path";
  required: boolean;
  schema: JsonSchema;
  description?: string;
}

export interface Operation {
  operationId: string;
  method: string;
  /** the documented path, e.g. /admin/users/{id} */
  path: string;
  /** URL prefixes it is served under ("" for the un-prefixed form, "/api") */
  prefixes: string[];
  kinds: TokenKind[];
  refreshCookie: boolean;
  admin: boolean;
  pathParams: Param[];
  queryParams: Param[];
  body?: { required: boolean; schema: JsonSchema };
  /** status code → the documented response object */
  responses: Record<string, JsonSchema>;
  successStatus: number;
}

// --- reading the document ------------------------------------------------------------------------

function resolver(doc: OpenApiDocument) {
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve);
    if (!node || typeof node !== "object") return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && ref.startsWith("#/")) {
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], doc);
      if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
      return resolve(target);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v)]));
  };
  return resolve;
}

/**
 * A body whose fields may be null ("null clears it") is documented as `anyOf: [schema, { type: "null" }]`:
 * read here as that schema with `nullable: true`, so every other helper sees one type. null is then a
 * valid value, never a wrong type.
 */
function withNullableFields(body: JsonSchema | undefined): JsonSchema | undefined {
  if (!body?.properties) return body;
  const fields = Object.entries(body.properties as Record<string, JsonSchema>).map(([name, field]) => {
    const branches = field.anyOf as JsonSchema[] | undefined;
    const nonNull = branches?.filter((b) => b.type !== "null");
    if (!branches || branches.length !== 2 || nonNull?.length !== 1) return [name, field];
    const rest = Object.fromEntries(Object.entries(field).filter(([k]) => k !== "anyOf"));
    return [name, { ...nonNull[0], ...rest, nullable: true }];
  });
  return { ...body, properties: Object.fromEntries(fields) };
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolve = resolver(doc);
  const defaultPrefixes = (doc.servers as { url: string }[]).map((s) => s.url.replace(/\/$/, ""));
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, JsonSchema>>)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = resolve(raw) as JsonSchema;
      const params = ((op.parameters ?? []) as Param[]).map((p) => ({ ...p, required: !!p.required }));
      const schemes = ((op.security ?? []) as Record<string, unknown>[]).flatMap((req) => Object.keys(req));
      const jsonBody = op.requestBody?.content?.["application/json"]?.schema;
      if (op.requestBody && !jsonBody) throw new Error(`${op.operationId}: a request body that is not JSON`);
      const statuses = Object.keys(op.responses).map(Number);
      ops.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        prefixes: op.servers ? (op.servers as { url: string }[]).map((s) => s.url.replace(/\/$/, "")) : defaultPrefixes,
        kinds: TOKEN_KINDS.filter((k) => schemes.includes(k)),
        refreshCookie: schemes.includes("refreshCookie"),
        admin: path.startsWith("/admin/"),
        pathParams: params.filter((p) => p.in === "path"),
        queryParams: params.filter((p) => p.in === "query"),
        body: jsonBody ? { required: op.requestBody.required !== false, schema: withNullableFields(jsonBody)! } : undefined,
        responses: op.responses,
        successStatus: Math.min(...statuses.filter((s) => s < 300)),
      });
    }
  }
  return ops;
}

/** The codes the document lists for `status` (undefined: free text, as for 400). */
export function documentedMessages(op: Operation, status: number): string[] | undefined {
  const schema = op.responses[String(status)]?.content?.["application/json"]?.schema as JsonSchema | undefined;
  if (!schema) return undefined;
  const variants: JsonSchema[] = schema.oneOf ?? [schema];
  const codes: string[] = [];
  for (const v of variants) {
    const message = v.properties?.message;
    if (!message || (!message.enum && message.const === undefined)) return undefined;
    codes.push(...(message.enum ?? [message.const]));
  }
  return codes;
}

/** The reason phrase the document fixes for `status`, if any. */
export function documentedReason(op: Operation, status: number): string | undefined {
  const schema = op.responses[String(status)]?.content?.["application/json"]?.schema as JsonSchema | undefined;
  const variants: JsonSchema[] = schema?.oneOf ?? (schema ? [schema] : []);
  return variants.map((v) => v.properties?.error?.const).find((c) => typeof c === "string");
}

// --- what is certainly invalid -------------------------------------------------------------------

export interface SchemaContext {
  /** the email pattern the document gives email fields (the same regex the server checks) */
  emailPattern: string;
  /** string fields the document describes more loosely than docs/api.md §1 (reported, then tightened) */
  looseEmailFields: string[];
}

export function schemaContext(ops: Operation[]): SchemaContext {
  let emailPattern: string | undefined;
  const looseEmailFields: string[] = [];
  for (const op of ops) {
    for (const [name, s] of Object.entries((op.body?.schema.properties ?? {}) as Record<string, JsonSchema>)) {
      if (s.format === "email" && s.pattern) emailPattern ??= s.pattern;
      if (/email/i.test(name) && s.type === "string" && !s.pattern) looseEmailFields.push(`${op.method} ${op.path} body.${name}`);
    }
  }
  if (!emailPattern) throw new Error("the document has no email field with a pattern");
  return { emailPattern, looseEmailFields };
}

/**
 * The schema a field is really checked against. docs/api.md §1: "Email fields: format email, ≤ 256
 * chars". Where the document shows an email field as a bare string, that rule still holds.
 */
export function effectiveSchema(name: string, schema: JsonSchema, ctx: SchemaContext): JsonSchema {
  if (schema.type === "string" && /email/i.test(name) && !schema.pattern) {
    return { ...schema, format: "email", pattern: ctx.emailPattern, maxLength: schema.maxLength ?? 256 };
  }
  return schema;
}

const codePoints = (s: string) => [...s].length;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function patternFails(pattern: string, value: string): boolean {
  const plain = !new RegExp(pattern).test(value);
  let unicode = plain;
  try {
    unicode = !new RegExp(pattern, "u").test(value);
  } catch {}
  return plain && unicode;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** True only when `value` breaks `schema` for the server and for the document alike. */
export function certainlyInvalid(schema: JsonSchema, value: unknown, ctx: SchemaContext, name = ""): boolean {
  const s = effectiveSchema(name, schema, ctx);
  const known = new Set([
    "type",
    "properties",
    "required",
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "enum",
    "description",
    "default",
    "exclusiveMinimum",
    "minimum",
    "maximum",
    "additionalProperties",
    "items",
    "minItems",
    "maxItems",
    "nullable",
  ]);
  for (const key of Object.keys(s))
    if (!known.has(key)) throw new Error(`fuzz-helpers: schema keyword "${key}" is not understood: teach certainlyInvalid`);
  if (s.type === "object") {
    if (typeOf(value) !== "object") return true;
    const obj = value as Record<string, unknown>;
    for (const req of (s.required ?? []) as string[]) if (obj[req] === undefined) return true;
    if (s.additionalProperties === false) for (const k of Object.keys(obj)) if (!(k in (s.properties ?? {}))) return true;
    return Object.entries((s.properties ?? {}) as Record<string, JsonSchema>).some(
      ([k, sub]) => obj[k] !== undefined && certainlyInvalid(sub, obj[k], ctx, k),
    );
  }
  if (s.nullable && value === null) return false;
  if (s.type === "array") {
    if (!Array.isArray(value)) return true;
    if (value.length < (s.minItems ?? 0) || value.length > (s.maxItems ?? Infinity)) return true;
    return !!s.items && value.some((item) => certainlyInvalid(s.items, item, ctx));
  }
  if (s.type === "string") {
    if (typeof value !== "string") return true;
    if (s.enum && !s.enum.includes(value)) return true;
    const min = s.minLength ?? 0;
    const max = s.maxLength ?? Infinity;
    if ((value.length < min && codePoints(value) < min) || (value.length > max && codePoints(value) > max)) return true;
    if (s.pattern && patternFails(s.pattern, value)) return true;
    return false;
  }
  if (s.type === "integer") {
    // a path or query value arrives as a string; the server coerces it with Number()
    const n = typeof value === "string" ? (value.trim() === "" ? NaN : Number(value)) : value;
    if (typeof n !== "number" || !Number.isInteger(n)) return true;
    if (s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) return true;
    if (s.minimum !== undefined && n < s.minimum) return true;
    if (s.maximum !== undefined && n > s.maximum) return true;
    return false;
  }
  throw new Error(`fuzz-helpers: schema type ${s.type} is not understood`);
}

/** What the server makes of a body: 413, a decoding failure, or the parsed JSON (docs/api.md §7: empty is {} where allowed). */
export function serverView(
  body: string | Uint8Array | undefined,
  emptyIsObject: boolean,
): { rejected: true } | { rejected: false; value: unknown } {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : (body ?? new Uint8Array());
  if (bytes.byteLength > MAX_BODY_BYTES) return { rejected: true };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // drops a leading BOM, as the server does
  } catch {
    return { rejected: true };
  }
  if (text.trim() === "") return emptyIsObject ? { rejected: false, value: {} } : { rejected: true };
  try {
    return { rejected: false, value: JSON.parse(text) };
  } catch {
    return { rejected: true };
  }
}

// --- building blocks -----------------------------------------------------------------------------

/** Control characters, direction marks, emoji, lone surrogates, look-alikes and injection classics. */
export const ODD_PIECES = [
  "\u0000",
  "\u0001",
  "\u0008",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u00ad",
  "\u200b",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202e",
  "\u2066",
  "\u2069",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ufffd",
  "\uffff",
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff",
  "😀",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "𝕏",
  "e\u0301",
  "ﬁ",
  "İ",
  "ß",
  "Ω",
  "٣",
  "６",
  "\t",
  "\n",
  "\r",
  " ",
  "%00",
  "\\u0000",
  '\'; DROP TABLE "User";--',
  "${7*7}",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "null",
  "__proto__",
];

export const oddString = fc.array(fc.constantFrom(...ODD_PIECES), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(""));

/** A string of at least `units` UTF-16 units AND code points, built from `unit`. */
const atLeast = (unit: string, units: number) => unit.repeat(Math.ceil(units / Math.min(unit.length, codePoints(unit))));

/** Strings that break `s` for sure: too long, too short, off-pattern, off-enum, odd unicode. */
export function invalidString(
  name: string,
  schema: JsonSchema,
  ctx: SchemaContext,
  opts: { maxExtra?: number } = {},
): fc.Arbitrary<string> {
  const s = effectiveSchema(name, schema, ctx);
  const options: fc.Arbitrary<string>[] = [];
  const unit = fc.oneof(fc.constantFrom("a", "0", "Aa1", "é", "😀", "\u0000", "\u202e", "x@y."), oddString);
  if (s.maxLength !== undefined) {
    const max = s.maxLength as number;
    options.push(fc.tuple(unit, fc.integer({ min: 1, max: opts.maxExtra ?? 3000 })).map(([u, extra]) => atLeast(u, max + extra)));
  }
  if ((s.minLength ?? 0) > 0) {
    options.push(fc.string({ maxLength: s.minLength - 1, unit: "grapheme-ascii" }));
    options.push(oddString.map((v) => v.slice(0, s.minLength - 1)));
  }
  if (s.enum) {
    options.push(
      fc.oneof(
        fc.constantFrom(
          "",
          "TRUE",
          "True",
          " true",
          "true ",
          "1.0",
          "yes",
          "on",
          "NaN",
          "-1",
          "Infinity",
          "null",
          "undefined",
          "[]",
          "{}",
          "true\u0000",
          "ｔｒｕｅ",
          "PREFIX",
          "Email",
          "sent ",
          "-",
        ),
        fc.string({ maxLength: 12 }),
        oddString,
      ),
    );
  }
  if (s.pattern) {
    const email = s.pattern === ctx.emailPattern;
    options.push(
      email
        ? fc.oneof(
            fc.constantFrom(
              "plainaddress",
              "@example.com",
              "user@",
              "user@example",
              "user@example.c",
              "user@@example.com",
              "us er@example.com",
              "user@exa_mple.com",
              "üser@example.com",
              "user@example.com\u0000",
              "user\u202e@example.com",
              "user@ex😀ample.com",
              ".user@example.com",
              "user..name@example.com",
              "user@-example.com",
              '"user"@example.com',
              "user@[127.0.0.1]",
            ),
            oddString.map((v) => `${v}@${v}`),
          )
        : fc.oneof(
            fc.constantFrom(
              "alllowercase1",
              "ALLUPPERCASE1",
              "NoDigitsAtAll",
              "Aa1\nbbbbbbbb",
              "has space",
              "a.b",
              "tok€n",
              "ünïcode1A",
              "\u0000\u0000",
            ),
            oddString,
          ),
    );
  }
  if (options.length === 0) throw new Error(`fuzz-helpers: no certainly-invalid string for ${name}: ${JSON.stringify(s)}`);
  return fc.oneof(...options).filter((v) => certainlyInvalid(s, v, ctx, name));
}

/** Does the string schema have a rule some string breaks? */
export const hasStringRule = (s: JsonSchema) => !!(s.enum || s.maxLength !== undefined || (s.minLength ?? 0) > 0 || s.pattern);

/** A value of another JSON type than the field's (numbers for strings and strings for numbers). */
export function wrongType(schema: JsonSchema, valid: unknown): fc.Arbitrary<unknown> {
  const others: fc.Arbitrary<unknown>[] = [
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    fc.array(fc.constant(valid), { minLength: 1, maxLength: 2 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
    fc.constant({ value: valid }),
  ];
  if (schema.type === "string") {
    others.push(fc.integer(), fc.double(), fc.constantFrom(1e308, -0, 2 ** 53 + 1, -1));
    const asNumber = Number(valid);
    if (typeof valid === "string" && valid.trim() !== "" && Number.isFinite(asNumber)) others.push(fc.constant(asNumber));
  } else {
    others.push(fc.string({ maxLength: 20 }), fc.constantFrom("12", "-1", "NaN", "1e3"));
  }
  const allowed = new Set([schema.type, ...(schema.nullable ? ["null"] : [])]);
  return fc.oneof(...others).filter((v) => v !== undefined && !allowed.has(typeOf(JSON.parse(JSON.stringify(v) ?? "null"))));
}

/** A value that satisfies `schema` (ASCII), used to keep the other parts of a request valid. */
export function validValue(name: string, schema: JsonSchema, ctx: SchemaContext, marker: string): unknown {
  const s = effectiveSchema(name, schema, ctx);
  const candidates: unknown[] = [];
  if (s.type === "object") {
    const obj: Record<string, unknown> = {};
    for (const [k, sub] of Object.entries((s.properties ?? {}) as Record<string, JsonSchema>)) obj[k] = validValue(k, sub, ctx, marker);
    return obj;
  }
  if (s.type === "array") {
    if ((s.minItems ?? 0) > 0) throw new Error(`fuzz-helpers: no valid value for ${name}: teach validValue non-empty lists`);
    return [];
  }
  if (s.enum) candidates.push(s.enum[0]);
  if (s.type === "string") {
    if (/e-?mail/i.test(`${name} ${s.description ?? ""}`)) candidates.push(`fuzz.${marker}@example.com`);
    if (s.pattern) candidates.push("Fuzz-Baseline-Passw0rd", `fuzzBaseline${marker}`);
    candidates.push("0".repeat(Math.max(1, s.minLength ?? 1)));
  }
  if (s.type === "integer") candidates.push(String(Math.max(1, (s.exclusiveMinimum ?? 0) + 1)));
  const found = candidates.find(
    (v) => !certainlyInvalid(s, v, ctx, name) && !(typeof v === "string" && s.pattern && patternFails(s.pattern, v)),
  );
  if (found === undefined) throw new Error(`fuzz-helpers: no valid value for ${name}: ${JSON.stringify(s)}`);
  return found;
}

// --- requests ------------------------------------------------------------------------------------

export interface FuzzCase {
  category: string;
  method: string;
  /** relative URL (prefix + path + query), already encoded */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | { stream: number };
  /** the statuses this kind of bad input can answer */
  expect: number[];
}

const preview = (body: FuzzCase["body"]) => {
  if (body === undefined) return "(no body)";
  if (body instanceof Uint8Array) return `bytes[${body.byteLength}] ${Buffer.from(body.slice(0, 60)).toString("hex")}`;
  if (typeof body === "object") return `stream of ${body.stream} bytes, no Content-Length`;
  const shown = JSON.stringify(body.length > 240 ? `${body.slice(0, 240)}…` : body);
  return `${shown} (${body.length} chars)`;
};

/** A compact description: what fast-check prints for a counterexample. */
export function describeCase(c: Omit<FuzzCase, "expect">): string {
  const url = c.url.length > 300 ? `${c.url.slice(0, 300)}… (${c.url.length} chars)` : c.url;
  const headers = Object.entries(c.headers)
    .map(([k, v]) => `${k}: ${k.toLowerCase() === "authorization" ? v.slice(0, 40) + (v.length > 40 ? "…" : "") : v.slice(0, 120)}`)
    .join("; ");
  return `[${c.category}] ${c.method} ${url} {${headers}} body=${preview(c.body)}`;
}

function fuzzCase(c: FuzzCase): FuzzCase {
  return Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) });
}

export interface Baseline {
  /** valid values of the path parameters (e.g. an existing account for admin actions) */
  path: Record<string, string>;
  body?: Record<string, unknown>;
  marker: string;
}

export function urlOf(op: Operation, prefix: string, pathValues: Record<string, string>, query = ""): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name]);
  return `${prefix}${path}${query ? `?${query}` : ""}`;
}

const enc = encodeURIComponent;

/** Does the server reject this query for sure? (searchParams as the server reads them: the last of repeated keys wins) */
export function queryCertainlyRejected(op: Operation, url: string, ctx: SchemaContext): boolean {
  const params = Object.fromEntries(new URL(url, "http://x").searchParams.entries());
  return op.queryParams.some(
    (p) =>
      (params[p.name] === undefined ? p.required : certainlyInvalid(p.schema, params[p.name], ctx, p.name)) ||
      serverOnlyInvalid(p, params[p.name]),
  );
}

/**
 * Two query parameters carry rules their documented schema cannot show: `filter` (a list of the
 * values its description names) and `cursor` (an opaque value from a previous page).
 */
function serverOnlyInvalid(p: Param, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (p.name === "filter") {
    const allowed = /all must hold: (.*)$/.exec(p.description ?? "")?.[1]?.split(/,\s*/);
    return !!allowed && value.split(",").some((part) => part.trim() !== "" && !allowed.includes(part.trim()));
  }
  if (p.name === "cursor") return !looksLikeCursor(value);
  return false;
}

/** Could this be a cursor from a previous page? (base64url JSON {s,k,id,d,o}; anything else is refused) */
function looksLikeCursor(value: string): boolean {
  try {
    const c = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    return (
      !!c &&
      typeof c === "object" &&
      typeof c.s === "string" &&
      typeof c.k === "string" &&
      ["a", "b"].includes(c.d) &&
      Number.isInteger(c.o) &&
      c.o >= 0 &&
      c.id !== undefined
    );
  } catch {
    return false;
  }
}

/** Bad values for one query parameter, absurd ones included; each certainly refused. */
function badQueryValue(p: Param, ctx: SchemaContext): fc.Arbitrary<string> {
  const absurd = fc.constantFrom(
    "NaN",
    "-1",
    "-0",
    "Infinity",
    "1e309",
    "9".repeat(400),
    "[]",
    "{}",
    "true",
    "",
    "null",
    "%",
    "\u0000",
    "😀😀",
    "a".repeat(2900),
  );
  const generic = fc.oneof(absurd, oddString, fc.string({ maxLength: 30 }));
  const options: fc.Arbitrary<string>[] = [generic.filter((v) => certainlyInvalid(p.schema, v, ctx, p.name) || serverOnlyInvalid(p, v))];
  const hasRule = hasStringRule(p.schema);
  if (hasRule) options.push(invalidString(p.name, p.schema, ctx, { maxExtra: 600 }));
  if (p.name === "cursor") {
    const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
    options.push(
      fc
        .oneof(
          fc.string({ maxLength: 80 }),
          fc.constantFrom(
            b64("not json"),
            b64([1, 2]),
            b64(null),
            b64({ s: "email" }),
            b64({ s: "email", k: "a", id: 1, d: "c", o: 0 }),
            b64({ s: "email", k: "a", id: 1, d: "a", o: -1 }),
          ),
        )
        .filter((v) => certainlyInvalid(p.schema, v, ctx, p.name) || serverOnlyInvalid(p, v)),
    );
  }
  if (p.name === "filter") options.push(fc.constantFrom("admin,bogus", "2fa", "LOCKED", "admin;locked", "-1", "NaN", "locked,,x"));
  // under Node's 16 KiB header limit, several at once (431 would be the HTTP server's, not the API's)
  return fc.oneof(...options).filter((v) => isWellFormed(v) && enc(v).length < 3_000);
}

/** Path values that are refused (400) or name nothing (404): never an existing row. */
function badPathValue(p: Param, ctx: SchemaContext): fc.Arbitrary<string> {
  const dotSegment = (v: string) => /^(\.|%2e){1,2}$/i.test(v);
  if (p.schema.type === "integer") {
    const absent = (v: string) => {
      const n = Number(v);
      return v.trim() !== "" && Number.isInteger(n) && n >= 1e9 && n <= MAX_SAFE; // no test makes a billion accounts
    };
    return fc
      .oneof(
        fc.constantFrom(
          "2147483648",
          "4294967296",
          "9007199254740991",
          "9007199254740992",
          "18446744073709551616",
          "1".repeat(400),
          "-1",
          "-0",
          "0",
          "1.5",
          "1e400",
          "NaN",
          "Infinity",
          "-Infinity",
          "abc",
          "1,2",
          "1;2",
          "[1]",
          "٣",
          "６",
          "😀",
          "\u0000",
          "1%",
          "%",
        ),
        fc.bigInt({ min: BigInt(MAX_SAFE) + 1n, max: 10n ** 40n }).map(String),
        fc.bigInt({ min: -(10n ** 30n), max: 0n }).map(String),
        fc.integer({ min: 1e9, max: MAX_SAFE }).map(String),
        fc.double({ noInteger: true }).map(String),
        oddString,
        fc.string({ minLength: 1, maxLength: 40 }),
      )
      .filter((v) => v !== "" && !dotSegment(v) && (certainlyInvalid(p.schema, v, ctx, p.name) || absent(v)) && isWellFormed(v));
  }
  return fc
    .oneof(
      invalidString(p.name, p.schema, ctx, { maxExtra: 500 }),
      oddString,
      fc.string({ minLength: 1, maxLength: 60 }),
      fc.constantFrom("0", "-1", "NaN", "null", "%", "a/b", "?x=1", "#frag"),
    )
    .filter((v) => v !== "" && !dotSegment(v) && isWellFormed(v));
}

/** Lone surrogates cannot be percent-encoded as UTF-8: they are the malformed-encoding test's business. */
const isWellFormed = (v: string) => {
  try {
    encodeURIComponent(v);
    return true;
  } catch {
    return false;
  }
};

const formEncode = (obj: Record<string, unknown>) =>
  Object.entries(obj)
    .map(([k, v]) => `${enc(k)}=${enc(typeof v === "string" ? v : JSON.stringify(v))}`)
    .join("&");

/** Every category of bad input that applies to `op`, each an arbitrary of requests. */
export function categoriesFor(
  op: Operation,
  ctx: SchemaContext,
  base: Baseline,
  tokenHeader: fc.Arbitrary<Record<string, string>>,
): { name: string; arb: fc.Arbitrary<FuzzCase> }[] {
  const out: { name: string; arb: fc.Arbitrary<FuzzCase> }[] = [];
  const prefix = fc.constantFrom(...op.prefixes);
  const emptyIsObject = !!op.body && !op.body.required;
  const bodySchema = op.body?.schema;
  const props = Object.entries((bodySchema?.properties ?? {}) as Record<string, JsonSchema>);
  const required = (bodySchema?.required ?? []) as string[];
  const validBody = base.body ?? {};
  const validJson = JSON.stringify(validBody);
  const ua = { "User-Agent": `gatehouse-fuzz/${base.marker}` };

  const add = (
    name: string,
    expect: number[],
    parts: fc.Arbitrary<{ url: (prefix: string) => string; headers?: Record<string, string>; body?: FuzzCase["body"] }>,
  ) =>
    out.push({
      name,
      arb: fc
        .tuple(parts, prefix, tokenHeader)
        .map(([p, pre, auth]) =>
          fuzzCase({ category: name, method: op.method, url: p.url(pre), headers: { ...ua, ...auth, ...p.headers }, body: p.body, expect }),
        ),
    });
  const at =
    (query = "") =>
    (pre: string) =>
      urlOf(op, pre, base.path, query);
  const json = { "Content-Type": "application/json" };

  /** a body that the server refuses for sure (the other parts of the request stay valid) */
  const rejected = (body: string | Uint8Array) => {
    const view = serverView(body, emptyIsObject);
    return view.rejected || certainlyInvalid(bodySchema!, view.value, ctx);
  };
  const jsonBody = (arb: fc.Arbitrary<unknown>) => arb.map((v) => JSON.stringify(v) ?? "").filter(rejected);

  if (op.body) {
    const truncated = fc.integer({ min: 0, max: Math.max(0, validJson.length - 1) }).map((n) => validJson.slice(0, n));
    const keys = props.map(([k]) => k);
    const key = keys[0] ?? "field";
    const syntax = fc.constantFrom(
      `{'${key}': '0'}`,
      `{${key}: "0"}`,
      `{"${key}":"0",}`,
      `${validJson}}`,
      `{"${key}":"0" /* c */}`,
      `{"${key}":NaN}`,
      `{"${key}":undefined}`,
      `{"${key}":0x10}`,
      `{"${key}":"\\x41"}`,
      `{"${key}":"\\ud800`,
      `"unterminated`,
      "tru",
      "nul",
      `${validJson}garbage`,
      `{}{}`,
      `\u0000${validJson}`,
      `${validJson.slice(0, -1)},"${key}":}`,
      "<xml/>",
      "--",
      "[1,2,]",
      `${"[".repeat(20_000)}`,
    );
    add(
      "invalid JSON",
      [400],
      fc
        .oneof(truncated, syntax, fc.string({ maxLength: 60 }), fc.string({ maxLength: 60, unit: "binary" }))
        .filter(rejected)
        .map((body) => ({ url: at(), headers: json, body })),
    );

    add(
      "body not an object (null, array, scalar)",
      [400],
      jsonBody(
        fc.oneof(
          fc.constantFrom(null, [], [validBody], 0, -1, 1e308, "", validJson, true, false),
          fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
          fc.jsonValue({ maxDepth: 0 }),
        ),
      )
        .chain((body) =>
          fc.oneof(
            fc.constant(body),
            fc.integer({ min: 1, max: 15_000 }).map((n) => `${"[".repeat(n)}${body}${"]".repeat(n)}`),
          ),
        )
        .filter(rejected)
        .map((body) => ({ url: at(), headers: json, body })),
    );

    const contentType = fc.constantFrom(
      "text/plain",
      "text/plain;charset=utf-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=fuzz",
      "application/xml",
      "application/octet-stream",
      "",
    );
    const nonJson = fc.oneof(
      fc.constant(formEncode(validBody)),
      fc.constant(props.map(([k]) => `${k}: ${JSON.stringify(validBody[k])}`).join("\n") || "hello"),
      fc.constant(`--fuzz\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n0\r\n--fuzz--\r\n`),
      fc.constant(`<?xml version="1.0"?><body>${props.map(([k]) => `<${k}>${String(validBody[k])}</${k}>`).join("")}</body>`),
      fc.string({ minLength: 1, maxLength: 40 }),
    );
    add(
      "wrong content type",
      [400],
      fc
        .tuple(contentType, nonJson)
        .filter(([, b]) => rejected(b))
        .map(([type, body]) => ({ url: at(), headers: (type ? { "Content-Type": type } : {}) as Record<string, string>, body })),
    );

    if (props.length > 0) {
      const field = fc.constantFrom(...props);
      // fields a string can break for sure (a length limit, a pattern, an enum)
      const limited = props.filter(([k, s]) => effectiveSchema(k, s, ctx).maxLength !== undefined);
      const breakable = props.filter(([k, s]) => hasStringRule(effectiveSchema(k, s, ctx)));
      add(
        "wrong type for a field",
        [400],
        field
          .chain(([k, s]) => wrongType(s, validBody[k]).map((v) => ({ ...validBody, [k]: v })))
          .map((b) => JSON.stringify(b))
          .filter(rejected)
          .map((body) => ({ url: at(), headers: json, body })),
      );
      add(
        "numbers as strings, strings as numbers",
        [400],
        field
          .chain(([k, s]) => {
            const v = validBody[k];
            const literal: fc.Arbitrary<string> =
              s.type === "string"
                ? fc.oneof(fc.stringMatching(/^-?[1-9]\d{0,29}(\.\d{1,5})?(e\d{1,3})?$/), fc.constant(String(Number(v) || 123456)))
                : fc.constant(JSON.stringify(String(v)));
            const others = Object.entries(validBody).filter(([x]) => x !== k);
            return literal.map(
              (lit) =>
                `{${[...others.map(([x, w]) => `${JSON.stringify(x)}:${JSON.stringify(w)}`), `${JSON.stringify(k)}:${lit}`].join(",")}}`,
            );
          })
          .filter(rejected)
          .map((body) => ({ url: at(), headers: json, body })),
      );
      if (breakable.length)
        add(
          "too long / wrong length",
          [400],
          fc
            .constantFrom(...breakable)
            .chain(([k, s]) => invalidString(k, s, ctx).map((v) => ({ ...validBody, [k]: v })))
            .map((b) => JSON.stringify(b))
            .filter(rejected)
            .map((body) => ({ url: at(), headers: json, body })),
        );
      if (limited.length)
        add(
          "control characters and odd unicode",
          [400],
          fc
            .tuple(fc.constantFrom(...limited), oddString, fc.boolean())
            .map(([[k, s], odd, mixed]) => {
              let v = mixed ? `${String(validBody[k]).slice(0, 3)}${odd}` : odd;
              const max = effectiveSchema(k, s, ctx).maxLength;
              if (!certainlyInvalid(s, v, ctx, k) && max !== undefined) v = v + atLeast(odd, max + 1);
              return JSON.stringify({ ...validBody, [k]: v });
            })
            .filter(rejected)
            .map((body) => ({ url: at(), headers: json, body })),
        );
    }
    if (required.length > 0) {
      const dropped = fc
        .subarray(required, { minLength: 1 })
        .map((drop) => Object.fromEntries(Object.entries(validBody).filter(([k]) => !drop.includes(k))));
      add(
        "missing required fields",
        [400],
        dropped
          .map((b) => JSON.stringify(b))
          .filter(rejected)
          .map((body) => ({ url: at(), headers: json, body })),
      );
      const extraKey = fc.oneof(
        fc.string({ maxLength: 20 }),
        oddString,
        fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "$where", "id", "role", "userId", "admin"),
      );
      add(
        "missing and extra fields together",
        [400],
        fc
          .tuple(dropped, fc.array(fc.tuple(extraKey, fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 5 }))
          .map(([b, extra]) => {
            // extra fields must not put a dropped required field back
            const entries = extra.filter(([k]) => !required.includes(k) && !Object.hasOwn(b, k));
            return `{${[...Object.entries(b), ...entries].map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`;
          })
          .filter(rejected)
          .map((body) => ({ url: at(), headers: json, body })),
      );
    }
    add(
      "body over 64 KiB",
      [413],
      fc
        .oneof(
          fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 3 }).map((n) => {
            const pad = "p".repeat(n);
            return { body: JSON.stringify({ ...validBody, padding: pad }) as FuzzCase["body"] };
          }),
          fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 2 }).map((n) => ({ body: "x".repeat(n) as FuzzCase["body"] })),
          fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 2 }).map((n) => ({ body: { stream: n } as FuzzCase["body"] })),
        )
        .map(({ body }) => ({ url: at(), headers: json, body })),
    );
    const badBytes = fc.constantFrom(
      [0xff],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe0, 0xa4],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
      [0x80],
      [0xfe, 0xff],
    );
    add(
      "invalid UTF-8",
      [400],
      fc
        .tuple(badBytes, fc.nat({ max: validJson.length }))
        .map(([bad, at_]) => {
          const text = new TextEncoder().encode(validJson);
          const cut = validJson.indexOf('"', Math.min(at_, validJson.length - 1));
          const i = cut > 0 ? cut + 1 : 1;
          const body = new Uint8Array([...text.slice(0, i), ...bad, ...text.slice(i)]);
          return { url: at(), headers: json, body };
        })
        .filter((c) => rejected(c.body)),
    );
  }

  const bodyPart = op.body ? { headers: json, body: validJson } : {};
  // parameters a value can break for sure (others take any string: nothing to fuzz there)
  const breakableParams = op.queryParams.filter((p) => hasStringRule(p.schema) || p.name === "filter" || p.name === "cursor");
  if (breakableParams.length > 0) {
    const param = fc.constantFrom(...breakableParams);
    add(
      "bad query value (long, negative, NaN, unknown enum, odd unicode)",
      [400],
      param
        .chain((p) => badQueryValue(p, ctx).map((v) => `${enc(p.name)}=${enc(v)}`))
        .map((query) => ({ url: at(query), ...bodyPart }))
        .filter((c) => queryCertainlyRejected(op, c.url("/api"), ctx)),
    );
    add(
      "repeated query keys (arrays)",
      [400],
      param
        .chain((p) =>
          fc.array(badQueryValue(p, ctx), { minLength: 2, maxLength: 4 }).map((vs) => vs.map((v) => `${enc(p.name)}=${enc(v)}`).join("&")),
        )
        .map((query) => ({ url: at(query), ...bodyPart }))
        .filter((c) => queryCertainlyRejected(op, c.url("/api"), ctx)),
    );
    add(
      "malformed query encoding",
      [400],
      fc
        .tuple(
          param,
          fc.constantFrom("%", "%Z", "%ZZ", "%E0%A4%A", "%FF", "%C0%AF", "%ED%A0%80", "%00%00%00", "+%2B+"),
          fc.integer({ min: 1, max: 300 }),
        )
        .map(([p, raw, n]) => `${enc(p.name)}=${raw.repeat(n)}`)
        .map((query) => ({ url: at(query), ...bodyPart }))
        .filter((c) => queryCertainlyRejected(op, c.url("/api"), ctx)),
    );
  }

  if (op.pathParams.length > 0) {
    const param = fc.constantFrom(...op.pathParams);
    add(
      "bad path parameter (huge, negative, non-numeric, unicode)",
      [400, 404],
      param.chain((p) =>
        badPathValue(p, ctx).map((v) => ({ url: (pre: string) => urlOf(op, pre, { ...base.path, [p.name]: enc(v) }), ...bodyPart })),
      ),
    );
  }
  return out;
}

/** Malformed percent-encodings for a path segment (no valid UTF-8 behind them). */
export const MALFORMED_SEGMENTS = ["%", "%Z", "%E0%A4%A", "%FF", "%C0%AF", "%ED%A0%80", "%F8%88%80%80%80", "1%", "%%"];

/** Bad `Authorization` headers for an operation whose only input is its token. */
export function badTokens(validOfOtherKinds: string[], acceptedTokens: string[]): fc.Arbitrary<Record<string, string>> {
  const latin1 = fc.string({ unit: fc.constantFrom(..."abcXYZ019-_.~+/=é\u00ff\u0080 \t".split("")), minLength: 1, maxLength: 200 });
  const tamper = (token: string, i: number) => {
    // change a character inside the middle segment (or in the middle of an opaque token): never
    // the last character of a base64url segment, whose low bits may not count
    const parts = token.split(".");
    const seg = parts.length === 3 ? 1 : 0;
    const s = parts[seg];
    const pos = 1 + (i % Math.max(1, s.length - 2));
    const swapped = s[pos] === "A" ? "B" : "A";
    parts[seg] = s.slice(0, pos) + swapped + s.slice(pos + 1);
    return parts.join(".");
  };
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const forged = [
    `${b64({ alg: "none", typ: "gatehouse-access+jwt" })}.${b64({ sub: "1", kind: "access" })}.`,
    `${b64({ alg: "none" })}.${b64({ sub: "1" })}.x`,
    `${b64({ alg: "HS256", typ: "gatehouse-sudo+jwt" })}.${b64({ sub: "1" })}.${"A".repeat(43)}`,
    "a.b.c",
    "....",
    "null",
    "undefined",
    "Bearer",
  ];
  return fc.oneof(
    fc.constantFrom<Record<string, string>>(
      {},
      { Authorization: "" },
      { Authorization: "Bearer" },
      { Authorization: "Bearer    " },
      { Authorization: "Basic dXNlcjpwYXNz" },
      { Authorization: "Token abc" },
    ),
    latin1.map((t) => ({ Authorization: `Bearer ${t}` })),
    fc.integer({ min: 101, max: 6000 }).map((n) => ({ Authorization: `Bearer ${"A".repeat(n)}` })),
    fc.constantFrom(...forged).map((t) => ({ Authorization: `Bearer ${t}` })),
    ...(validOfOtherKinds.length ? [fc.constantFrom(...validOfOtherKinds).map((t) => ({ Authorization: `Bearer ${t}` }))] : []),
    fc.tuple(fc.constantFrom(...acceptedTokens), fc.nat()).map(([t, i]) => ({ Authorization: `Bearer ${tamper(t, i)}` })),
    fc
      .tuple(fc.constantFrom(...acceptedTokens), fc.constantFrom("x", "é", ".", "..", "\t."))
      .map(([t, junk]) => ({ Authorization: `Bearer ${t}${junk}` })),
  );
}

/** Junk query parameters the document does not declare (valid per spec: unknown input is ignored). */
export const undeclaredQuery = fc
  .array(fc.tuple(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), oddString), fc.oneof(fc.string({ maxLength: 40 }), oddString)), {
    minLength: 1,
    maxLength: 4,
  })
  .map((pairs) =>
    pairs
      .filter(([k, v]) => isWellFormed(k) && isWellFormed(v))
      .map(([k, v]) => `${enc(k)}=${enc(v)}`)
      .join("&"),
  );

/** For an operation whose only input is its token: bad `Authorization` headers (and refresh cookies) → 401. */
export function tokenCategory(op: Operation, marker: string, headers: fc.Arbitrary<Record<string, string>>, expect: number[]) {
  const name = "bad or missing bearer token";
  return {
    name,
    arb: fc.tuple(fc.constantFrom(...op.prefixes), headers).map(([pre, auth]) =>
      fuzzCase({
        category: name,
        method: op.method,
        url: urlOf(op, pre, {}),
        headers: { "User-Agent": `gatehouse-fuzz/${marker}`, ...auth },
        expect,
      }),
    ),
  };
}

/** For a public operation without any input: undeclared query parameters, which docs/api.md says are ignored. */
export function ignoredInputCategory(op: Operation, marker: string) {
  const name = "undeclared query parameters (ignored per spec)";
  return {
    name,
    arb: fc.tuple(fc.constantFrom(...op.prefixes), undeclaredQuery).map(([pre, query]) =>
      fuzzCase({
        category: name,
        method: op.method,
        url: urlOf(op, pre, {}, query),
        headers: { "User-Agent": `gatehouse-fuzz/${marker}` },
        expect: [op.successStatus],
      }),
    ),
  };
}

export function hasInput(op: Operation): boolean {
  return !!op.body || op.queryParams.length > 0 || op.pathParams.length > 0;
}

// --- worst cases within the body limit (§8 "Input cost") ------------------------------------------

export interface CostCase extends FuzzCase {
  /** refused for its depth: the message must name it */
  tooDeep: boolean;
  /** refused before Next.js sees it (scripts/lib/crowded-request.mjs, run by scripts/server.mjs), with this code: no operation documents it */
  httpLimit?: string;
}

/** What the server refuses before Next.js parses a request (scripts/lib/crowded-request.mjs, run by scripts/server.mjs). */
export const MAX_QUERY_PARAMETERS = 100;
export const MAX_COOKIES = 200;

/** At most 64 KiB of JSON text, the first characters shown in a report. */
const bytes = (text: string) => Buffer.byteLength(text);
/** `levels` nested arrays around nothing. */
const nestedArrays = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
/** A JSON array of `unit` repeated to fill `room` bytes, `last` (if any) as its final element. */
const listFilling = (unit: string, room: number, last?: string) => {
  const fixed = 2 + (last ? last.length + 1 : 0);
  const n = Math.max(1, Math.floor((room - fixed + 1) / (unit.length + 1)));
  return `[${[...Array<string>(n).fill(unit), ...(last ? [last] : [])].join(",")}]`;
};
/** `{"k0":0,"k1":0,…}` members filling `room` bytes (without the braces). */
const keysFilling = (room: number) => {
  const members: string[] = [];
  for (let i = 0, used = 0; ; i++) {
    const member = `"k${i}":0`;
    if (used + member.length + 1 > room) break;
    members.push(member);
    used += member.length + 1;
  }
  return members.join(",");
};
/** As many parameters as the server takes (`k0=vvv…&k1=vvv…&…`), filling `room` characters. */
const paramsFilling = (room: number) => {
  const count = MAX_QUERY_PARAMETERS - 1;
  const value = "v".repeat(Math.floor(room / count) - `k${count}=&`.length);
  return Array.from({ length: count }, (_, i) => `k${i}=${value}`).join("&");
};
const member = (k: string, json: string) => `${JSON.stringify(k)}:${json}`;
/** The 12 KB that a URL carries well under Node's 16 KiB header limit (431 would be Node's, not the API's). */
const URL_ROOM = 12_000;

/**
 * The shapes that cost a naive server the most for their size, one request each, all within the
 * 64 KiB limit and all certainly refused whatever the depth rule says (so no shape can reach a
 * handler, on any version of the server): deep nesting (at the top, in objects, in a field),
 * width (a long array, many strings, many keys), long strings and strings made of escapes in
 * every limited field, and — in the URL — long and many query values, percent escapes, a long
 * path parameter, a long bearer token.
 */
export function worstCases(op: Operation, ctx: SchemaContext, base: Baseline, auth: Record<string, string>): CostCase[] {
  const out: CostCase[] = [];
  const ua = { "User-Agent": `gatehouse-fuzz/${base.marker}` };
  const prefix = op.prefixes[op.prefixes.length - 1];
  const json = { "Content-Type": "application/json" };
  const validJson = JSON.stringify(base.body ?? {});
  const add = (
    category: string,
    c: { url?: string; headers?: Record<string, string>; body?: string; expect?: number[]; tooDeep?: boolean; httpLimit?: string },
  ) =>
    out.push(
      fuzzCase({
        category,
        method: op.method,
        url: c.url ?? urlOf(op, prefix, base.path),
        headers: { ...ua, ...(c.headers ?? auth) },
        body: c.body,
        expect: c.expect ?? [400],
        tooDeep: !!c.tooDeep,
        httpLimit: c.httpLimit,
      } as CostCase) as CostCase,
    );

  if (op.body) {
    const schema = op.body.schema;
    const emptyIsObject = !op.body.required;
    const validBody = base.body ?? {};
    const props = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
    const required = (schema.required ?? []) as string[];
    const refusedAnyway = (body: string) => {
      const view = serverView(body, emptyIsObject);
      return view.rejected || certainlyInvalid(schema, view.value, ctx);
    };
    const others = (k: string) =>
      Object.entries(validBody)
        .filter(([x]) => x !== k)
        .map(([x, v]) => member(x, JSON.stringify(v)));
    /** `inner` where it breaks the body: as the first field's value, or as the only element of an array body */
    const holding = (inner: string) =>
      props.length ? `{${[...others(props[0][0]), member(props[0][0], inner)].join(",")}}` : `[${inner}]`;
    const room = MAX_BODY_BYTES - bytes(holding(""));
    const addBody = (category: string, body: string, extra: { headers?: Record<string, string>; tooDeep?: boolean } = {}) => {
      if (bytes(body) > MAX_BODY_BYTES) throw new Error(`fuzz-helpers: ${category} is ${bytes(body)} bytes`);
      if (!refusedAnyway(body)) throw new Error(`fuzz-helpers: ${category} could be accepted by ${op.method} ${op.path}`);
      add(category, { body, headers: { ...(extra.headers ?? auth), ...json }, tooDeep: extra.tooDeep });
    };

    // no token: the depth is checked before anything else, authorization included
    addBody("32,000 nested arrays, no token", nestedArrays(32_000), { headers: {}, tooDeep: true });
    const objectLevels = (wrap: number) => Math.floor((MAX_BODY_BYTES - 1 - wrap) / 6);
    const nestedObjects = (levels: number) => '{"k":'.repeat(levels) + "0" + "}".repeat(levels);
    addBody("nested objects", required.length ? nestedObjects(objectLevels(0)) : `[${nestedObjects(objectLevels(2))}]`, { tooDeep: true });
    addBody("nested arrays in a field", holding(nestedArrays(Math.floor(room / 2))), { tooDeep: true });
    addBody("a wide array", listFilling("0", MAX_BODY_BYTES));
    addBody("many strings, a NUL in the last", holding(listFilling('""', room, '"\\u0000"')));
    if (required.length) {
      const dropped = required[required.length - 1];
      const head = others(dropped).join(",");
      addBody("many keys", `{${head}${head ? "," : ""}${keysFilling(MAX_BODY_BYTES - 3 - head.length)}}`);
    } else addBody("many keys", `[{${keysFilling(MAX_BODY_BYTES - 4)}}]`);

    const limited = props.filter(([k, s]) => hasStringRule(effectiveSchema(k, s, ctx)));
    const inField = (k: string, text: string) => `{${[...others(k), member(k, text)].join(",")}}`;
    /** a JSON string of `unit` (JSON text) repeated to fill what is left beside field `k` */
    const stringFilling = (k: string | undefined, unit: string, tail = "") => {
      const left = MAX_BODY_BYTES - bytes(k ? inField(k, '""') : '""') - tail.length;
      return `"${unit.repeat(Math.floor(left / unit.length))}${tail}"`;
    };
    const email = (k: string, s: JsonSchema) => effectiveSchema(k, s, ctx).pattern === ctx.emailPattern;
    // a long string that passes every cheap rule it can (the email pattern, the password pattern), so validation reads all of it
    for (const [k, s] of limited)
      addBody(`a long string in ${k}`, inField(k, stringFilling(k, email(k, s) ? "a" : "Aa1", email(k, s) ? "@example.com" : "")));
    const escapes = '\\u00e9\\ud83d\\ude00\\"\\\\\\n\\/';
    if (limited.length) addBody(`a string of escapes in ${limited[0][0]}`, inField(limited[0][0], stringFilling(limited[0][0], escapes)));
    if (!props.length) {
      addBody("a long string", stringFilling(undefined, "a"));
      addBody("a string of escapes", stringFilling(undefined, escapes));
    }
  }

  const bodyPart = op.body ? { body: validJson, headers: { ...auth, ...json } } : {};
  const breakable = op.queryParams.filter((p) => hasStringRule(p.schema) || p.name === "filter" || p.name === "cursor");
  if (breakable.length) {
    const p = breakable[0];
    const addQuery = (category: string, query: string) => {
      const url = urlOf(op, prefix, base.path, query);
      if (!queryCertainlyRejected(op, url, ctx)) throw new Error(`fuzz-helpers: ${category} could be accepted by ${op.method} ${op.path}`);
      add(category, { url, ...bodyPart });
    };
    const name = enc(p.name);
    addQuery(`a 12 KB value of ${p.name}`, `${name}=${"A".repeat(URL_ROOM)}`);
    addQuery(`many query parameters, then a bad ${p.name}`, `${paramsFilling(URL_ROOM)}&${name}=${"A".repeat(300)}`);
    addQuery(`percent escapes in ${p.name}`, `${name}=${"%C3%A9".repeat(URL_ROOM / 6)}`);
  }
  for (const p of op.pathParams) {
    add(`a 12 KB path parameter ${p.name}`, {
      url: urlOf(op, prefix, { ...base.path, [p.name]: "9".repeat(URL_ROOM) }),
      expect: [400, 404],
      ...bodyPart,
    });
  }

  // Thousands of query parameters or cookies cost Next.js itself time quadratic in their number,
  // before any code of the API runs: refused before Next sees them. The rest of each request is
  // refused anyway (a body that is not an object, a bad query value or token), so it reaches no
  // handler even where that guard is missing.
  const refused: { query: string; headers: Record<string, string>; body?: string } = op.body
    ? { query: "", headers: { ...auth, ...json }, body: "[]" }
    : breakable.length
      ? { query: `&${enc(breakable[0].name)}=${"A".repeat(300)}`, headers: auth }
      : { query: "", headers: op.kinds.length || op.refreshCookie ? { Authorization: "Bearer not-a-token" } : {} };
  const path = Object.fromEntries(op.pathParams.map((p) => [p.name, "9".repeat(30)]));
  const manyParams = "a&".repeat(URL_ROOM / 2).slice(0, -1);
  if (manyParams.split("&").length <= MAX_QUERY_PARAMETERS) throw new Error("fuzz-helpers: too few query parameters");
  add(`${(URL_ROOM / 2).toLocaleString("en")} query parameters`, {
    url: urlOf(op, prefix, { ...base.path, ...path }, manyParams + refused.query),
    headers: refused.headers,
    body: refused.body,
    expect: [414],
    httpLimit: "TOO_MANY_QUERY_PARAMETERS",
  });
  const cookies = Array.from({ length: 1_500 }, (_, i) => `c${i}=1`).join("; ");
  if (1_500 <= MAX_COOKIES) throw new Error("fuzz-helpers: too few cookies");
  add("1,500 cookies", {
    url: urlOf(op, prefix, { ...base.path, ...path }, refused.query.slice(1)),
    headers: { ...refused.headers, Cookie: cookies },
    body: refused.body,
    expect: [431],
    httpLimit: "TOO_MANY_COOKIES",
  });

  if (!hasInput(op)) {
    if (op.kinds.length || op.refreshCookie)
      add("a 12 KB bearer token", { headers: { Authorization: `Bearer ${"A".repeat(URL_ROOM)}` }, expect: [401] });
    else add("many undeclared query parameters", { url: urlOf(op, prefix, {}, paramsFilling(URL_ROOM)), expect: [op.successStatus] });
  }
  return out;
}
