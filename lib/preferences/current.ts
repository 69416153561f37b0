import { cache } from "react";
import { currentPortalSession } from "../browser-session";
import { getPreferences, type Preferences } from ".";

/**
 * The signed-in reader's saved preferences, or null when no one is signed in. One query per
 * request however many parts of the page ask (i18n/request.ts for the language, the portal's
 * layout for the time zone); a signed-out page costs none.
 */
export const currentPreferences = cache(async (): Promise<Preferences | null> => {
  const session = await currentPortalSession();
  return session ? getPreferences(session.userId) : null;
});
