// Languages of the pages (the contract's §10): which ones there are (./languages.ts, also for
// client components, which import it on its own), and which one a request gets. The wiring into
// next-intl is i18n/request.ts; the catalogues are messages/<language>/ (one file per area, joined by its index.ts), typed by
// ./catalogues.ts (imported on its own too, so that no client bundle takes all four).

export { LANGUAGE_COOKIE, type Language } from "./languages";
export { negotiateLanguage, type LanguageOffer, type LanguageSources } from "./negotiate";
