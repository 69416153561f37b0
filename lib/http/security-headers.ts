// Response headers that guard the pages and the API. Pages get a per-request nonce CSP from
// proxy.ts (Next puts the nonce on its own scripts), so no inline script runs without it.

/** The pages' policy: scripts only from this origin with this request's nonce; no framing. */
export function pageContentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced bootstrap loads (Next's chunks) are trusted too;
    // next dev needs eval for its overlay and fast refresh
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // style attributes (React `style`, the mail viewer) need inline styles; scripts never do
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The API only ever answers data: nothing in a response may run, load or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers for every response (next.config.mjs mirrors this list; a test keeps them in step). */
export const commonSecurityHeaders: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  // reset and undo links carry tokens in their URL: never send it anywhere as a Referer
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** HSTS for production builds; browsers ignore it on plain-HTTP responses (RFC 6797 §8.1). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
