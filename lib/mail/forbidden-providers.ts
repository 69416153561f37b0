import disposableDomains from "disposable-email-domains";
import wildcardDomains from "disposable-email-domains/wildcard.json";
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

/** Is this address at a disposable-mail provider (built-in list or MAIL_FORBIDDEN_DOMAINS)? */
export function isForbiddenMailAddress(email: string): boolean {
  check ??= forbiddenDomainChecker([...disposableDomains, ...wildcardDomains, ...config().MAIL_FORBIDDEN_DOMAINS]);
  return check(mailDomain(email));
}

/** Throws 403 FORBIDDEN_MAIL_PROVIDER for disposable-mail addresses. */
export function assertAllowedMailProvider(email: string): void {
  if (isForbiddenMailAddress(email)) throw forbidden("FORBIDDEN_MAIL_PROVIDER");
}
