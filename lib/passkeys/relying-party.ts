import { config } from "../config";
import { defaultMailConfiguration, listMailConfigurations } from "../mail";

// §9 "Relying party": who the passkeys belong to. The RP id is WEBAUTHN_RP_ID (default: APP_URL's
// host name); a credential answers only to pages of that id's origins, which are APP_URL's and
// every brand's portal (a portal on another domain may use the RP id through WebAuthn Related
// Origin Requests: GET /.well-known/webauthn lists them). The RP name a browser shows is the
// brand's.

export interface RelyingParty {
  id: string;
  name: string;
  /** every origin an assertion or attestation may come from (clientDataJSON.origin) */
  origins: string[];
}

interface Brand {
  displayName: string;
  /** no trailing slash; the default brand's is APP_URL */
  portalUrl: string;
}

/** The pure rule, for tests: APP_URL's origin first, then each brand portal's, each once. */
export function relyingPartyOf(input: { appUrl: string; rpId?: string; brands: readonly Brand[]; brand: Brand }): RelyingParty {
  const app = new URL(input.appUrl);
  const origins = [...new Set([app.origin, ...input.brands.map((b) => new URL(b.portalUrl).origin)])];
  return { id: input.rpId || app.hostname, name: input.brand.displayName, origins };
}

/** The brand whose portal is served at `host` (a request's Host header), else the default brand. */
function brandAt(host: string | null | undefined): Brand {
  const wanted = host?.trim().toLowerCase();
  const found = wanted ? listMailConfigurations().find((b) => new URL(b.portalUrl).host === wanted) : undefined;
  return found ?? defaultMailConfiguration();
}

/** The relying party for a request that arrived at `host`. */
export function relyingParty(host?: string | null): RelyingParty {
  return relyingPartyOf({
    appUrl: config().APP_URL,
    rpId: config().WEBAUTHN_RP_ID,
    brands: listMailConfigurations(),
    brand: brandAt(host),
  });
}
