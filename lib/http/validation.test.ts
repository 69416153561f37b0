import { describe, expect, it } from "vitest";
import { z } from "zod";
import { emailSchema } from "../users/schemas";
import { parseOrThrow } from "./validation";

const message = (schema: z.ZodType, input: unknown) => {
  try {
    parseOrThrow(schema, input, "body");
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe("400 messages name the field", () => {
  const body = z.object({ email: emailSchema, nested: z.object({ code: z.string().length(6, "must be exactly 6 characters") }).optional() });
  it("says a missing field is required, also when the schema has a custom message", () => {
    expect(message(body, {})).toBe("email is required");
  });
  it("says which type a field must have", () => {
    expect(message(body, { email: 42 })).toBe("email must be of type string");
  });
  it("uses the schema's own wording for a broken rule, with the full path", () => {
    expect(message(body, { email: "nope" })).toBe("email must be a valid email address");
    expect(message(body, { email: "a@example.com", nested: { code: "1" } })).toBe("nested.code must be exactly 6 characters");
  });
  it("refuses NUL characters anywhere (PostgreSQL cannot store them), naming the field", () => {
    expect(message(body, { email: "a\u0000@example.com" })).toBe("email must not contain NUL characters");
    expect(message(z.object({ list: z.array(z.string()) }), { list: ["ok", "b\u0000d"] })).toBe("list.1 must not contain NUL characters");
  });
  it("survives a hostile nesting depth while looking for NUL", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(message(z.object({ a: z.string() }), deep)).toBe("body must be of type object");
  });
  it("names the body itself when it is not an object", () => {
    expect(message(body, [])).toBe("body must be of type object");
  });
});
