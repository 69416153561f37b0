import { createRequire } from "node:module";
import { config } from "../config";
import { forbidden } from "../errors";

// Disposable-mail providers are refused wherever an address receives account mail (password
// reset, email transfer, …): 403 FORBIDDEN_MAIL_PROVIDER. The list is the `disposable-email-domains`
// package (its main list and its wildcard list) plus MAIL_FORBIDDEN_DOMAINS; a subdomain of a
// listed domain is refused too.

/** The domain of an address: after the last "@", lower-cased, without a trailing dot. */
export function mailDomain(email: string): string {
  return email
    .slice(email.lastIndexOf("@") + 1)
    .trim()
    .toLowerCase()
    .replace(/\.+$/, "");
}

export type DomainCheck = (domain: string) => boolean;

/** A checker for one list: true when the domain or any parent domain is on it. */
export function forbiddenDomainChecker(domains: Iterable<string>): DomainCheck {
  const set = new Set<string>();
  for (const d of domains) {
    const clean = d
      .trim()
      .toLowerCase()
      .replace(/^\*?\.+/, "")
      .replace(/\.+$/, "");
    if (clean) set.add(clean);
  }
  return (domain) => {
    let candidate = domain.toLowerCase().replace(/\.+$/, "");
    while (candidate) {
      if (set.has(candidate)) return true;
      const dot = candidate.indexOf(".");
      if (dot < 0) return false;
      candidate = candidate.slice(dot + 1);
    }
    return false;
  };
}

let check: DomainCheck | undefined;

// The list (~120,000 domains, 2.4 MB of JSON) is read on the first check, not when a route that
// could check loads: most routes never do, and bundled it was copied into each route group's
// chunk and parsed with it. The package stays outside the bundle (next.config.mjs
// serverExternalPackages), so this reads it from node_modules, once.
function disposableDomains(): string[] {
  const require = createRequire(import.meta.url);
  return [...(require("disposable-email-domains") as string[]), ...(require("disposable-email-domains/wildcard.json") as string[])];
}

/** Is this address at a disposable-mail provider (built-in list or MAIL_FORBIDDEN_DOMAINS)? */
export function isForbiddenMailAddress(email: string): boolean {
  check ??= forbiddenDomainChecker([...disposableDomains(), ...config().MAIL_FORBIDDEN_DOMAINS]);
  return check(mailDomain(email));
}

/** Throws 403 FORBIDDEN_MAIL_PROVIDER for disposable-mail addresses. */
export function assertAllowedMailProvider(email: string): void {
  if (isForbiddenMailAddress(email)) throw forbidden("FORBIDDEN_MAIL_PROVIDER");
}
