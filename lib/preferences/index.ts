import { db } from "../db";
import { isLanguage } from "../i18n/languages";
import type { Preferences, PreferencesBody } from "./schemas";

export * from "./schemas";

// The person's own choices saved on the account (the contract's §10): the language of the pages
// and of every mail sent for the account that names no `language`, and the time zone times are
// shown in. Both null until chosen. The rules (one of our languages; an IANA name, stored
// canonical) are the schemas' (./schemas.ts), so a value read back is always one that was accepted.

const selected = { language: true, timeZone: true } as const;

function asPreferences(row: { language: string | null; timeZone: string | null } | null): Preferences {
  return { language: isLanguage(row?.language) ? row.language : null, timeZone: row?.timeZone ?? null };
}

export async function getPreferences(userId: number): Promise<Preferences> {
  return asPreferences(await db.user.findUnique({ where: { id: userId }, select: selected }));
}

/** Saves the keys the body has (null clears one); a body without any changes nothing. */
export async function savePreferences(userId: number, body: PreferencesBody): Promise<void> {
  const data: Partial<Preferences> = {};
  if (body.language !== undefined) data.language = body.language;
  if (body.timeZone !== undefined) data.timeZone = body.timeZone;
  if (Object.keys(data).length === 0) return;
  await db.user.update({ where: { id: userId }, data });
}
