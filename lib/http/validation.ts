import type { z } from "zod";
import { badRequest } from "../errors";

/** A 400 whose message names the offending field, e.g. "username is required". */
export function describeIssue(issue: z.core.$ZodIssue, where: "body" | "query" | "path"): string {
  const field = issue.path.length ? issue.path.map(String).join(".") : where;
  let message = issue.message;
  if (issue.code === "invalid_type" && /received undefined/.test(message)) message = "is required";
  else if (issue.code === "invalid_type") message = `must be of type ${issue.expected}`;
  else if (issue.code === "unrecognized_keys") message = `has unknown fields: ${issue.keys.join(", ")}`;
  return /^[a-z]/.test(message) ? `${field} ${message}` : `${field}: ${message}`;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: "body" | "query" | "path"): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(describeIssue(result.error.issues[0], where));
  return result.data;
}
