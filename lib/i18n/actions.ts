"use server";

import { cookies } from "next/headers";
import { isLanguage, LANGUAGE_COOKIE } from "./languages";

// The language picker of the pages before sign-in (components/i18n): the choice is a cookie, read
// by i18n/request.ts after the account's saved language and before Accept-Language.

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Remembers the language in this browser; anything that is not one of ours is ignored. */
export async function chooseLanguage(language: unknown): Promise<void> {
  if (!isLanguage(language)) return;
  // only the server reads it; Lax: it comes along when a mail's link opens the portal
  (await cookies()).set(LANGUAGE_COOKIE, language, { path: "/", maxAge: ONE_YEAR_SECONDS, sameSite: "lax", httpOnly: true });
}
