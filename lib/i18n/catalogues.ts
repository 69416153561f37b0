import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import type { Language } from "./languages";

// The pages' message catalogues, one per language. English's is the shape every other one must
// have: a catalogue that lacks a key fails the type check here, and so `tsc` and `next build`;
// ./catalogues.test.ts also finds keys that only some catalogues have, and placeholders that differ.

export type Messages = typeof en;

export const catalogues: Readonly<Record<Language, Messages>> = { en, nl, fr, de };

declare module "next-intl" {
  interface AppConfig {
    Locale: Language;
    Messages: Messages;
  }
}
