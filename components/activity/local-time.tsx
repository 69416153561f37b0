"use client";

import { useLocale } from "next-intl";
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import { noChanges } from "@/components/use-hydrated";

// Times in the reader's time zone: the one saved on the account (PUT /user/preferences), else the
// browser's; in the page's language either way. A saved zone is known on the server, so both
// renders agree. The browser's is not: without a saved zone the server's HTML says UTC and the
// browser swaps in its own zone as it hydrates (useSyncExternalStore's server snapshot keeps the
// two renders apart, so React reports no mismatch). next-intl's own time zone (i18n/request.ts)
// is only the server's fallback, so every format here names its zone.

/** The zone a layout knows the reader saved; null: none saved, or a page outside such a layout. */
const SavedTimeZoneContext = createContext<string | null>(null);

/** Set by a layout from the signed-in account's preferences. */
export function SavedTimeZoneProvider({ timeZone, children }: { timeZone: string | null; children: ReactNode }) {
  return <SavedTimeZoneContext value={timeZone}>{children}</SavedTimeZoneContext>;
}

/** The zone the reader saved, or null. */
export const useSavedTimeZone = () => useContext(SavedTimeZoneContext);

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The browser's own zone; null on the server, which cannot know it. */
export const useBrowserTimeZone = (): string | null => useSyncExternalStore(noChanges, browserTimeZone, () => null);

/** Where times are shown: the saved zone, else the browser's; UTC on the server when none is saved. */
export function useReaderTimeZone(): string {
  const saved = useSavedTimeZone();
  const browser = useBrowserTimeZone();
  return saved ?? browser ?? "UTC";
}

/** The locale dates are written in: English the British way (day before month, a 24-hour clock), as the mails write it. */
export const dateLocale = (language: string) => (language === "en" ? "en-GB" : language);

// (dateStyle cannot be combined with timeZoneName: the parts are spelled out)
const parts = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" } as const;

const formats = new Map<string, Intl.DateTimeFormat>();
function instantFormat(language: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${language} ${timeZone}`;
  let found = formats.get(key);
  if (!found) formats.set(key, (found = new Intl.DateTimeFormat(dateLocale(language), { ...parts, timeZone })));
  return found;
}

/** "1 déc. 2026, 23:45 UTC+1" in French in Amsterdam, "1 Dec 2026, 17:45 GMT-5" in English in New York. */
export function useLocalTime(date: Date | string): string {
  const language = useLocale();
  const timeZone = useReaderTimeZone();
  return instantFormat(language, timeZone).format(new Date(date));
}

export function LocalTime({ date, className }: { date: Date | string; className?: string }) {
  const text = useLocalTime(date);
  return (
    <time dateTime={new Date(date).toISOString()} className={className}>
      {text}
    </time>
  );
}
