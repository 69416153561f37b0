import de from "@/messages/de";
import en from "@/messages/en";
import fr from "@/messages/fr";
import nl from "@/messages/nl";
import type { Language } from "./languages";

// The pages' message catalogues, one per language. English's is the shape every other one must
// have, checked by the type checker, and so by `tsc` and `next build`: a catalogue that lacks a
// key is not a Messages; one with a key English lacks is `never` below. ./catalogues.test.ts says
// which keys, and also finds placeholders that differ.

export type Messages = typeof en;

/** The keys (at any depth) that `Other` has and `Reference` lacks. */
type ExtraKeys<Reference, Other> = {
  [K in keyof Other]: K extends keyof Reference ? (Other[K] extends string ? never : ExtraKeys<Reference[K], Other[K]>) : K;
}[keyof Other];
type WithoutExtraKeys<C> = [ExtraKeys<Messages, C>] extends [never] ? C : never;

const exact = <C>(catalogue: WithoutExtraKeys<C>): C => catalogue;

export const catalogues: Readonly<Record<Language, Messages>> = {
  en,
  nl: exact<typeof nl>(nl),
  fr: exact<typeof fr>(fr),
  de: exact<typeof de>(de),
};

declare module "next-intl" {
  interface AppConfig {
    Locale: Language;
    Messages: Messages;
  }
}
