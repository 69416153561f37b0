import type { z } from "zod";
import { badRequest } from "../errors";

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A 400 whose message names the offending field, e.g. "username is required". */
export function describeIssue(issue: z.core.$ZodIssue, where: "body" | "query" | "path", input?: unknown): string {
  const field = issue.path.length ? issue.path.map(String).join(".") : where;
  let message = issue.message;
  // a schema's custom message replaces zod's "received undefined", so look at the input itself
  const missing = issue.code === "invalid_type" && (/received undefined/.test(message) || (issue.path.length > 0 && valueAt(input, issue.path) === undefined));
  if (missing) message = "is required";
  else if (issue.code === "invalid_type") message = `must be of type ${issue.expected}`;
  else if (issue.code === "unrecognized_keys") message = `has unknown fields: ${issue.keys.join(", ")}`;
  return /^[a-z]/.test(message) ? `${field} ${message}` : `${field}: ${message}`;
}

/**
 * The path of the first string holding U+0000, which PostgreSQL cannot store in text. Iterative,
 * because a hostile body may nest arrays thousands deep.
 */
function nulAt(input: unknown): string[] | null {
  const pending: [unknown, string[]][] = [[input, []]];
  while (pending.length) {
    const [value, path] = pending.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return path;
    } else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value).reverse()) pending.push([child, [...path, key]]);
    }
  }
  return null;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: "body" | "query" | "path"): z.infer<S> {
  const nul = nulAt(input);
  if (nul) throw badRequest(`${nul.length ? nul.join(".") : where} must not contain NUL characters`);
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(describeIssue(result.error.issues[0], where, input));
  return result.data;
}
