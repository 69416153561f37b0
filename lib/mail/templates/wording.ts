import { createTranslator } from "next-intl";
import { parseDeviceKey } from "../../devices/user-agent";
import { catalogues, type Messages } from "../../i18n/catalogues";
import type { Language } from "../../i18n/languages";
import type { TemplateName } from "../types";
import type { MethodKey } from "./catalog";

// The mail's words: the "Mail" namespace of the pages' catalogues (messages/<language>/mail.json),
// ICU messages with {brand} and the template's data as arguments. A message that names an
// argument the renderer did not pass throws, rather than mailing "{code}".

type MailTranslator = ReturnType<typeof createTranslator<Messages, "Mail">>;
/** Any message of the namespace; a template's own keys are built from its name (see ./catalog.ts). */
export type MailKey = Parameters<MailTranslator>[0];
export type Words = (key: MailKey, values?: Record<string, string | number>) => string;

// One translator per language, made on first use: it keeps the parsed messages.
const translators = new Map<Language, Words>();

export function mailWords(language: Language): Words {
  let words = translators.get(language);
  if (!words) {
    const t = createTranslator({
      locale: language,
      messages: catalogues[language],
      namespace: "Mail",
      timeZone: "UTC",
      onError: (error) => {
        throw error;
      },
    });
    // with no values next-intl hands a message back unformatted, "{brand}" and all: always pass some
    words = (key, values = {}) => t(key, values);
    translators.set(language, words);
  }
  return words;
}

/** The key of a template's own message: "2fa-email-code" + "subject". */
export const templateKey = (template: TemplateName, part: string) => `${template}.${part}` as MailKey;

/** "24 hours" rather than "1440 minutes": a lifetime of whole hours reads as hours. */
export function lifetime(words: Words, minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0
    ? words("common.linkExpiresInHours", { hours: minutes / 60 })
    : words("common.linkExpiresInMinutes", { minutes });
}

/** A lib/devices key in the mail's words: "Firefox on Windows", "curl", "an unknown device". */
export function deviceName(words: Words, key: string): string {
  const { browser, system } = parseDeviceKey(key);
  if (browser && system) return words("device.on", { browser, system });
  return browser ?? system ?? words("device.unknown");
}

export const methodName = (words: Words, method: MethodKey) => words(`methods.${method}`);

// en is written the British way (day before month, 24-hour clock), as the portal's times are
const dateLocales: Partial<Record<Language, string>> = { en: "en-GB" };

/**
 * An ISO instant as the mail's language writes it, in the account's saved time zone and naming
 * it ("10:30 UTC", "11:30 CET"); UTC when there is none (or it is not one Intl knows).
 */
export function readableTime(iso: string, language: Language, timeZone?: string | null): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = (zone: string) =>
    new Intl.DateTimeFormat(dateLocales[language] ?? language, {
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
      timeZone: zone,
    }).format(date);
  try {
    return format(timeZone || "UTC");
  } catch {
    return format("UTC"); // a RangeError: a zone this runtime does not know
  }
}
