import { de } from "./de";
import { en } from "./en";
import { fr } from "./fr";
import { nl } from "./nl";
import type { LanguagePack } from "./types";

export type { CommonText, LanguagePack, TemplateText } from "./types";

/** Every language with a full set of templates. A brand may offer a subset of these. */
export const languagePacks: Readonly<Record<string, LanguagePack>> = { en, nl, fr, de };
export const availableLanguages = Object.keys(languagePacks);
