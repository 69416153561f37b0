import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { currentBrand } from "@/lib/brands/current";
import { currentPortalSession } from "@/lib/browser-session";
import { LANGUAGE_COOKIE, negotiateLanguage } from "@/lib/i18n";
import { catalogues } from "@/lib/i18n/catalogues";
import { getPreferences } from "@/lib/preferences";

// next-intl's request configuration (without i18n routing: no language in the URL), read once per
// render. The language follows the contract's §10 order (lib/i18n/negotiate.ts). A signed-out
// page costs no database query (no session cookie, nothing to look up); a signed-in one one, for
// the saved preferences, beside the session check the page's guard shares.

/** Times are shown in the reader's saved time zone; without one in UTC, and the pages say so. */
const FALLBACK_TIME_ZONE = "UTC";

export default getRequestConfig(async () => {
  const [brand, cookieStore, requestHeaders, session] = await Promise.all([currentBrand(), cookies(), headers(), currentPortalSession()]);
  const saved = session ? await getPreferences(session.userId) : null;
  const locale = negotiateLanguage(
    { saved: saved?.language, cookie: cookieStore.get(LANGUAGE_COOKIE)?.value, acceptLanguage: requestHeaders.get("accept-language") },
    brand,
  );
  return { locale, messages: catalogues[locale], timeZone: saved?.timeZone ?? FALLBACK_TIME_ZONE };
});
