import { badRequest } from "../errors";

/** §8 "Input cost": a body nested deeper than this is refused before anything else looks at it. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * How deep the arrays and objects of a JSON text nest, read off the raw text in one pass:
 * brackets inside strings do not count. Measuring after JSON.parse would be too late: the parser,
 * and every walk over what it returns, pays for the depth before anyone can refuse it. Text that
 * is not JSON is measured the same way (the parser refuses it afterwards); a stray closer never
 * takes the count below zero.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPENERS.has(c)) deepest = Math.max(deepest, ++depth);
    else if (CLOSERS.has(c) && depth > 0) depth--;
  }
  return deepest;
}

export function assertJsonDepth(text: string): void {
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    throw badRequest(`body is nested ${depth} levels deep: at most ${MAX_JSON_DEPTH} levels of arrays and objects are allowed`, "body");
  }
}
