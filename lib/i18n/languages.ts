// The languages Gatehouse speaks: each has a message catalogue (messages/<code>/, one file per area)
// with the words of every page and every mail (mail.json). A brand offers some or all of them.

export const LANGUAGES = ["en", "nl", "fr", "de"] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/** Set by the language picker on the pages before sign-in; the account's saved choice comes first. */
export const LANGUAGE_COOKIE = "gatehouse_lang";

/** Each language's name in itself, as a language picker lists them. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: "English", nl: "Nederlands", fr: "Français", de: "Deutsch" };
