import type { MailConfiguration } from "../mail";

// Which brand a Host header names: the one whose portalUrl has that host (the contract's §10).

/** "Portal.Example:443" → { hostname: "portal.example", port: "443" }; null for what is no host. */
function parseHost(host: string): { hostname: string; port: string } | null {
  try {
    const url = new URL(`http://${host.trim()}`);
    // a Host header is host[:port] and nothing else (no user, path, query)
    if (url.username || url.password || url.pathname !== "/" || url.search || url.hash) return null;
    return { hostname: url.hostname.replace(/\.$/, ""), port: url.port === "80" || url.port === "443" ? "" : url.port };
  } catch {
    return null;
  }
}

/**
 * A lookup from Host header to brand. Case does not matter, nor the scheme's default port; nor
 * any other port when no other brand's portal has the same hostname (a portal behind a proxy on
 * another port, the browser tests' mapped host). Anything else, a missing header included, is
 * `fallback`.
 */
export function hostMatcher<B extends Pick<MailConfiguration, "portalUrl">>(
  brands: readonly B[],
  fallback: B,
): (host: string | null | undefined) => B {
  const byHost = new Map<string, B>();
  const byHostname = new Map<string, B[]>();
  for (const brand of brands) {
    const { host, hostname } = new URL(brand.portalUrl);
    if (!byHost.has(host)) byHost.set(host, brand);
    byHostname.set(hostname, [...(byHostname.get(hostname) ?? []), brand]);
  }
  return (host) => {
    const parsed = host ? parseHost(host) : null;
    if (!parsed) return fallback;
    const only = byHostname.get(parsed.hostname);
    return byHost.get(parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname) ?? (only?.length === 1 ? only[0] : fallback);
  };
}
