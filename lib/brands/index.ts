import { defaultMailConfiguration, listMailConfigurations, type MailConfiguration } from "../mail";
import { hostMatcher } from "./hosts";

// The brand a page wears (the contract's §10): a request whose Host is the host of a brand's
// portalUrl is that brand's portal; any other host gets the default brand. Brands are the mail
// configurations (lib/mail/configurations.json, docs/brands.md), so a brand is one entry there
// plus its images under public/brands/: nothing here names a brand. ./current.ts gives the
// brand of the page being rendered.

export type Brand = MailConfiguration;

let match: ((host: string | null | undefined) => Brand) | undefined;

/** The brand of a Host header (./hosts.ts has the rule); a map lookup. */
export const brandForHost = (host: string | null | undefined): Brand =>
  (match ??= hostMatcher(listMailConfigurations(), defaultMailConfiguration()))(host);

export { brandIcon, brandLogo } from "./images";

/**
 * Its colours as the CSS custom properties app/globals.css declares (with the default brand's
 * values): the root element carries these, so every page takes the brand's colours.
 */
export function brandStyle(brand: Brand): Record<`--${string}`, string> {
  const c = brand.colors;
  return {
    "--color-brand": c.primary,
    "--color-on-brand": c.onPrimary,
    "--color-page": c.background,
    "--color-surface": c.surface,
    "--color-ink": c.text,
    "--color-ink-muted": c.muted,
  };
}
