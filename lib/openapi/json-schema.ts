import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/**
 * Zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect). Requests are described as the client sends
 * them (`io: "input"`: before any `.transform()`; zod leaves objects open there, as the server
 * ignores unknown fields); responses as the server answers them (`io: "output"`), without
 * `additionalProperties: false` either, so a client does not break when a field is added.
 * Named sub-schemas (`.meta({ id })`) are moved into `defs` and referenced from components.
 */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output", defs: Record<string, JsonSchema>): JsonSchema {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  const { $schema: _schema, $defs, ...rest } = converted;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
    const component = rewrite(def, io) as JsonSchema;
    if (defs[name] && JSON.stringify(defs[name]) !== JSON.stringify(component)) {
      throw new Error(`OpenAPI: two different schemas are named "${name}" (an input and an output form?): give them distinct ids`);
    }
    defs[name] = component;
  }
  return rewrite(rest, io) as JsonSchema;
}

function rewrite(node: unknown, io: "input" | "output"): unknown {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, io));
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/")) {
      out[key] = `#/components/schemas/${value.slice("#/$defs/".length)}`;
    } else if (key === "additionalProperties" && value === false && io === "output") {
      continue;
    } else if (key === "properties" && value && typeof value === "object") {
      // property names are data, not keywords: rewrite only their schemas
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, rewrite(s, io)]));
    } else {
      out[key] = rewrite(value, io);
    }
  }
  return out;
}

/** The properties of an object schema, for turning a query or path schema into parameters. */
export function objectProperties(schema: JsonSchema): { name: string; schema: JsonSchema; required: boolean }[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({ name, schema: s, required: required.has(name) }));
}
