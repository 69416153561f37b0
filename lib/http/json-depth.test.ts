import { describe, expect, it } from "vitest";
import { assertJsonDepth, jsonDepth, MAX_JSON_DEPTH } from "./json-depth";

const nested = (levels: number, inner = "0") => "[".repeat(levels) + inner + "]".repeat(levels);
const refusal = (text: string) => {
  try {
    assertJsonDepth(text);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe("the nesting depth of a JSON text (§8 Input cost)", () => {
  it("counts arrays and objects alike", () => {
    expect(jsonDepth("0")).toBe(0);
    expect(jsonDepth("[]")).toBe(1);
    expect(jsonDepth('{"a":[{"b":[]}],"c":{}}')).toBe(4);
    expect(jsonDepth(nested(64))).toBe(64);
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    expect(jsonDepth(JSON.stringify({ a: "[[[[{{{{" }))).toBe(1);
    expect(jsonDepth(JSON.stringify(['"[[[', "\\", "[[", '\\"{{'], null, 0))).toBe(1);
    expect(jsonDepth(JSON.stringify({ [`${"[".repeat(500)}"`]: "}}}" }))).toBe(1);
  });

  it("accepts 64 levels and refuses 65, naming the depth and the limit", () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(refusal(nested(64))).toBeNull();
    expect(refusal(JSON.stringify({ a: JSON.parse(nested(63)) }))).toBeNull();
    expect(refusal(nested(65))).toBe("body is nested 65 levels deep: at most 64 levels of arrays and objects are allowed");
  });

  it("measures text that is not valid JSON too: an unclosed or unbalanced body is refused by its depth", () => {
    expect(refusal("[".repeat(100))).toMatch(/^body is nested 100 levels deep/);
    expect(refusal("]".repeat(10) + "[".repeat(100))).toMatch(/^body is nested 100 levels deep/);
    expect(refusal('"an unterminated string [[[[')).toBeNull();
  });

  it("takes time linear in the text: 64 KiB of brackets in well under the 50 ms rule", () => {
    const worst = [nested(32_000), '{"a":'.repeat(10_900) + "0" + "}".repeat(10_900), `["${'\\"['.repeat(21_000)}"]`];
    for (const text of worst) {
      const started = performance.now();
      refusal(text);
      expect(performance.now() - started).toBeLessThan(25);
    }
  });
});
