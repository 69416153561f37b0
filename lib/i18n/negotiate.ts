import { isLanguage, type Language } from "./languages";

// Which language a page is in (the contract's §10), in order: the choice saved on the account, the
// language picker's cookie, the browser's Accept-Language, the brand's default. A source that
// names a language the brand does not offer is skipped, as if it named none.

export interface LanguageSources {
  /** the account's saved language (signed in only) */
  saved?: string | null;
  /** the gatehouse_lang cookie */
  cookie?: string | null;
  /** the Accept-Language request header */
  acceptLanguage?: string | null;
}

export interface LanguageOffer {
  defaultLanguage: string;
  languages: readonly string[];
}

/** Accept-Language is the client's text: only this much of it is read (§8 "Input cost"). */
const MAX_HEADER_CHARS = 1024;
const MAX_RANGES = 32;

/**
 * The primary language subtags of an Accept-Language header, most wanted first (RFC 9110 §12.5.4):
 * "fr-BE,fr;q=0.9,en;q=0.5" → ["fr", "en"]. q=0 ("not this one"), `*` and malformed ranges drop out;
 * equal weights keep the header's order.
 */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  const ranges = header
    .slice(0, MAX_HEADER_CHARS)
    .split(",", MAX_RANGES)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/i.exec(p)).find(Boolean);
      const weight = q ? Number(q[1]) : params.some((p) => /^\s*q=/i.test(p)) ? 0 : 1;
      const primary = /^([a-z]{1,8})(?:-[a-z0-9]{1,8})*$/i.exec(tag.trim())?.[1]?.toLowerCase();
      return { primary, weight, index };
    })
    .filter((r): r is { primary: string; weight: number; index: number } => !!r.primary && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return [...new Set(ranges.map((r) => r.primary))];
}

/** The language of a page for these sources and this brand. */
export function negotiateLanguage(sources: LanguageSources, brand: LanguageOffer): Language {
  const offered = (value: string | null | undefined): value is Language => isLanguage(value) && brand.languages.includes(value);
  if (offered(sources.saved)) return sources.saved;
  if (offered(sources.cookie)) return sources.cookie;
  const accepted = acceptedLanguages(sources.acceptLanguage).find(offered);
  if (accepted) return accepted;
  // a brand's default is one of these by the brand rules (lib/mail/configurations.ts)
  return isLanguage(brand.defaultLanguage) ? brand.defaultLanguage : "en";
}
