import { z } from "zod";
import { LANGUAGES } from "../i18n/languages";

// The preferences API's schemas (the contract's §10). Pure zod: the route, the portal's language
// picker and the OpenAPI document share them.

/** IANA names are letters, digits, `_`, `+`, `-` in `/`-separated parts: "Europe/Brussels", "Etc/GMT+1", "UTC". */
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const MAX_TIME_ZONE_CHARS = 64;

/** The canonical name of an IANA time zone, or null when the runtime's time zone database does not know it. */
export function canonicalTimeZone(name: string): string | null {
  if (name.length > MAX_TIME_ZONE_CHARS || !IANA_NAME.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const LANGUAGE_RULE = `must be one of ${LANGUAGES.join(", ")} (or null)`;
const TIME_ZONE_RULE = "must be an IANA time zone name such as Europe/Brussels (or null)";

const languageField = z.enum(LANGUAGES, { error: LANGUAGE_RULE }).nullable();
const timeZoneField = z
  .string({ error: TIME_ZONE_RULE })
  .max(MAX_TIME_ZONE_CHARS, TIME_ZONE_RULE)
  .transform((name, ctx) => canonicalTimeZone(name) ?? (ctx.addIssue({ code: "custom", message: TIME_ZONE_RULE }), z.NEVER))
  .nullable();

export const preferencesResponse = z.object({
  language: languageField.describe(
    "The language of the pages and of mails that name none; null: not chosen (the browser's, then the brand's)",
  ),
  timeZone: z.string().nullable().describe("An IANA time zone name; null: not chosen"),
});
export type Preferences = z.infer<typeof preferencesResponse>;

export const preferencesBody = z.object({
  language: languageField.optional().describe(`One of ${LANGUAGES.join(", ")}; null clears the choice; left out: unchanged`),
  timeZone: timeZoneField.optional().describe("An IANA time zone name, e.g. Europe/Brussels; null clears it; left out: unchanged"),
});
export type PreferencesBody = z.infer<typeof preferencesBody>;
