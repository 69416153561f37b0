import { apiError, badRequest } from "../errors";
import { assertJsonDepth } from "./json-depth";

export const MAX_BODY_BYTES = 64 * 1024;
const tooLarge = () => apiError("PAYLOAD_TOO_LARGE");

/** Reads the body as text, refusing more than 64 KiB without buffering it all. */
export async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest("body is not valid UTF-8", "body");
  }
}

/** The body's text: at most 64 KiB, UTF-8, and nested at most 64 levels deep (§8 "Input cost"). */
export async function readJsonText(request: Request): Promise<string> {
  const text = await readBodyText(request);
  assertJsonDepth(text);
  return text;
}

/** The JSON in a body's text; an empty body counts as {} where the endpoint allows it (docs/api.md §7). */
export function parseJsonBody(text: string, emptyIsObject: boolean): unknown {
  if (text.trim() === "") {
    if (emptyIsObject) return {};
    throw badRequest("body is required: send a JSON object", "body");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("body is not valid JSON", "body");
  }
}
