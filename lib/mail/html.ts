// Escaping and placeholder filling for the mail templates. Translations are plain text with
// {name} placeholders; every piece of text that ends up in HTML goes through escapeHtml.

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => entities[c]);
}

export const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/**
 * Replaces each {name} in `text` with `values[name]`. With `html`, the text around the
 * placeholders and every value are escaped. A placeholder without a value is a bug in a
 * translation (or a caller that forgot data), so it throws instead of sending "{code}".
 */
export function fill(text: string, values: Record<string, string | number>, mode: "text" | "html"): string {
  const escape = mode === "html" ? escapeHtml : (v: string | number) => String(v);
  let out = "";
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (!(name in values)) throw new Error(`mail template placeholder {${name}} has no value`);
    out += escape(text.slice(last, match.index)) + escape(values[name]);
    last = match.index + match[0].length;
  }
  return out + escape(text.slice(last));
}
