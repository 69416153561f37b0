import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { currentBrand } from "@/lib/brands/current";
import { LANGUAGE_COOKIE, negotiateLanguage } from "@/lib/i18n";
import { catalogues } from "@/lib/i18n/catalogues";
import { currentPreferences } from "@/lib/preferences/current";

// next-intl's request configuration (without i18n routing: no language in the URL), read once per
// render. The language follows the contract's §10 order (lib/i18n/negotiate.ts). A signed-out
// page costs no database query (no session cookie, nothing to look up); a signed-in one one, for
// the saved preferences, shared with the layouts that ask for them too (lib/preferences/current.ts).

/**
 * The zone of the server's own formatting when the reader saved none. The pages' times do not
 * rely on it: components/activity/local-time.tsx names its zone in every format (the saved one,
 * else the browser's), so a reader without a saved zone is never shown UTC once the page is in
 * the browser.
 */
const FALLBACK_TIME_ZONE = "UTC";

export default getRequestConfig(async () => {
  const [brand, cookieStore, requestHeaders, saved] = await Promise.all([currentBrand(), cookies(), headers(), currentPreferences()]);
  const locale = negotiateLanguage(
    { saved: saved?.language, cookie: cookieStore.get(LANGUAGE_COOKIE)?.value, acceptLanguage: requestHeaders.get("accept-language") },
    brand,
  );
  return { locale, messages: catalogues[locale], timeZone: saved?.timeZone ?? FALLBACK_TIME_ZONE };
});
