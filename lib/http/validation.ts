import type { z } from "zod";
import { badRequest } from "../errors";

// Every step here takes time linear in the input (§8 "Input cost"), and no message grows with it:
// a field's name and a list of unknown keys come from the client, so both are cut short.
const MAX_FIELD_CHARS = 80;
const UNKNOWN_KEYS_SHOWN = 5;

const shortened = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** "a.0.b" for a path, at most MAX_FIELD_CHARS long (only the segments that fit are joined). */
function fieldName(path: readonly PropertyKey[], where: string): string {
  if (path.length === 0) return where;
  let name = "";
  for (const key of path) {
    name += (name ? "." : "") + shortened(String(key), MAX_FIELD_CHARS);
    if (name.length > MAX_FIELD_CHARS) break;
  }
  return shortened(name, MAX_FIELD_CHARS);
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function unknownFields(keys: string[]): string {
  const shown = keys.slice(0, UNKNOWN_KEYS_SHOWN).map((k) => shortened(k, MAX_FIELD_CHARS));
  const more = keys.length - shown.length;
  return `has unknown fields: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

type Where = "body" | "query" | "path";

/** A 400's sentence, naming the offending field ("username is required"), and that field. */
export function issueFailure(issue: z.core.$ZodIssue, where: Where, input?: unknown): { message: string; field: string } {
  const field = fieldName(issue.path, where);
  let message = issue.message;
  // a schema's custom message replaces zod's "received undefined", so look at the input itself
  const missing =
    issue.code === "invalid_type" &&
    (/received undefined/.test(message) || (issue.path.length > 0 && valueAt(input, issue.path) === undefined));
  if (missing) message = "is required";
  else if (issue.code === "invalid_type") message = `must be of type ${issue.expected}`;
  else if (issue.code === "unrecognized_keys") message = unknownFields(issue.keys);
  return { message: /^[a-z]/.test(message) ? `${field} ${message}` : `${field}: ${message}`, field };
}

/** A container being walked: its keys (objects only; arrays go by index) and the next child to look at. */
interface Frame {
  container: Record<string, unknown> | unknown[];
  keys: string[] | null;
  next: number;
}

const frameOf = (container: object): Frame =>
  Array.isArray(container)
    ? { container, keys: null, next: 0 }
    : { container: container as Record<string, unknown>, keys: Object.keys(container), next: 0 };
/** The key of the child a frame looks at now. */
const currentKey = (frame: Frame) => (frame.keys ? frame.keys[frame.next - 1] : String(frame.next - 1));

/**
 * The path of the first string holding U+0000, which PostgreSQL cannot store in text. One pass in
 * document order, iterative (a hostile input may nest thousands deep): a frame per open
 * container, none per string or number, and the path is read off the frames for the hit only.
 * Copying the path at every level, as before, made 32,000 nested arrays cost seconds.
 */
function nulAt(input: unknown): string[] | null {
  if (typeof input === "string") return input.includes("\u0000") ? [] : null;
  if (!input || typeof input !== "object") return null;
  const open: Frame[] = [frameOf(input)];
  while (open.length) {
    const frame = open[open.length - 1];
    const size = frame.keys ? frame.keys.length : (frame.container as unknown[]).length;
    if (frame.next >= size) {
      open.pop();
      continue;
    }
    const child = frame.keys
      ? (frame.container as Record<string, unknown>)[frame.keys[frame.next++]]
      : (frame.container as unknown[])[frame.next++];
    if (typeof child === "string") {
      if (child.includes("\u0000")) return open.map(currentKey);
    } else if (child && typeof child === "object") open.push(frameOf(child));
  }
  return null;
}

/** The input parsed by `schema`, or a 400 naming the field at fault in its message and in `field`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: Where): z.infer<S> {
  const nul = nulAt(input);
  if (nul) {
    // inside an array body there is no field to name: "body.0.1"
    const field = fieldName(Array.isArray(input) ? [where, ...nul] : nul, where);
    throw badRequest(`${field} must not contain NUL characters`, field);
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    const { message, field } = issueFailure(result.error.issues[0], where, input);
    throw badRequest(message, field);
  }
  return result.data;
}
