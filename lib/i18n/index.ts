// Languages of the pages (the contract's §10): which ones there are, and which one a request gets.
// The wiring into next-intl is i18n/request.ts; the catalogues are messages/<language>.json
// (./catalogues.ts types them; it is imported on its own, so that no client bundle takes all four).

export { LANGUAGES, LANGUAGE_COOKIE, LANGUAGE_NAMES, isLanguage, type Language } from "./languages";
export { acceptedLanguages, negotiateLanguage, type LanguageOffer, type LanguageSources } from "./negotiate";
