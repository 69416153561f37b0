import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ApiError } from "../errors";
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
  const body = z.object({
    email: emailSchema,
    nested: z.object({ code: z.string().length(6, "must be exactly 6 characters") }).optional(),
  });
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
    expect(message(z.object({}), ["ok", ["b\u0000d"]])).toBe("body.1.0 must not contain NUL characters");
  });
  it("looks for NUL in time linear in the input, however deep it nests (§8 Input cost)", () => {
    // parsed bodies are at most 64 levels deep (lib/http/json-depth.ts), but the walk must not
    // depend on that: copying the path at every level made 32,000 levels take seconds
    let deep: unknown = "x";
    for (let i = 0; i < 32_000; i++) deep = [deep];
    const started = performance.now();
    expect(message(z.object({ a: z.string() }), deep)).toBe("body must be of type object");
    expect(performance.now() - started).toBeLessThan(50);
  });
  it("names the path of a NUL found deep down, shortened when it is long", () => {
    expect(message(z.object({ a: z.unknown() }), { a: [{ b: "ok" }, { b: ["x", "\u0000"] }] })).toBe(
      "a.1.b.1 must not contain NUL characters",
    );
    let deep: unknown = "\u0000";
    for (let i = 0; i < 32_000; i++) deep = [deep];
    const text = message(z.object({ a: z.unknown() }), { a: deep })!;
    expect(text).toMatch(/^a\.0\.0\.0.*… must not contain NUL characters$/);
    expect(text.length).toBeLessThan(200);
  });
  it("keeps a message short when the input names a huge field or thousands of unknown ones", () => {
    const keys = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`extra${i}`, 0]));
    const unknown = message(z.strictObject({}), keys)!;
    expect(unknown).toBe("body has unknown fields: extra0, extra1, extra2, extra3, extra4 and 4995 more");
    const longKey = message(z.strictObject({}), { ["k".repeat(60_000)]: 0 })!;
    expect(longKey).toMatch(/^body has unknown fields: k+…$/);
    expect(longKey.length).toBeLessThan(200);
    const nulUnderLongKey = message(z.object({}), { ["k".repeat(60_000)]: "\u0000" })!;
    expect(nulUnderLongKey).toMatch(/^k+… must not contain NUL characters$/);
    expect(nulUnderLongKey.length).toBeLessThan(200);
  });
  it("names the field in the error's `field` too: the dotted path its message starts with, or the whole input", () => {
    const fieldOf = (schema: z.ZodType, input: unknown) => {
      try {
        parseOrThrow(schema, input, "body");
      } catch (error) {
        return (error as ApiError).extras.field;
      }
      return null;
    };
    expect(fieldOf(body, {})).toBe("email");
    expect(fieldOf(body, { email: "a@example.com", nested: { code: "1" } })).toBe("nested.code");
    expect(fieldOf(body, { email: "a\u0000@example.com" })).toBe("email");
    expect(fieldOf(z.object({}), ["ok", ["b\u0000d"]])).toBe("body.1.0");
    expect(fieldOf(body, [])).toBe("body");
    expect(fieldOf(body, { email: "a@example.com" })).toBeNull();
  });
  it("names the body itself when it is not an object", () => {
    expect(message(body, [])).toBe("body must be of type object");
  });
});
