// Where a sign-in returns to: the portal or dashboard page the person asked for before they were
// sent to /login. Only a path on this origin is taken — anything else (another host, a
// protocol-relative `//evil.example`, a backslash trick, the sign-in pages themselves) would make
// the sign-in form an open redirect, so it lands on the account page instead.

export const HOME_PATH = "/account";
/** the request header proxy.ts gives every page render: the page's path and query */
export const PAGE_PATH_HEADER = "x-gatehouse-page";
const RETURNABLE = /^\/(account|admin)(?:[/?#]|$)/;
const MAX_LENGTH = 512;

/** `next` when it is a page of the portal or the dashboard on this origin, else the account page. */
export function returnPath(next: unknown): string {
  if (typeof next !== "string" || next.length > MAX_LENGTH) return HOME_PATH;
  if (/[\u0000-\u001f\u007f\\]/.test(next) || !RETURNABLE.test(next)) return HOME_PATH;
  // the URL parser has the last word: the path must stay on this origin once resolved
  const base = "http://gatehouse.invalid";
  const resolved = new URL(next, base);
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return resolved.origin === base && RETURNABLE.test(path) ? path : HOME_PATH;
}

/** Why the person is at /login, for the notice the sign-in page shows. */
export type SignInReason = "ended";

/** The sign-in page's address for someone sent there from `from`. */
export function signInPath(from: string | null, reason?: SignInReason): string {
  const params = new URLSearchParams();
  if (from && returnPath(from) === from && from !== HOME_PATH) params.set("next", from);
  if (reason) params.set("reason", reason);
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
}
