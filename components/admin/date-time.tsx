"use client";

import { useLocale } from "next-intl";
import { useCallback } from "react";
import { dateLocale, LocalTime } from "@/components/activity/local-time";

// Times in the dashboard, in the page's language and the reader's time zone, as the portal shows
// them (components/activity/local-time.tsx). Days (an account's creation, the activity chart's)
// are UTC days, as the chart's caption says.

const dayStyles = {
  /** "5 Jan 2026" */
  long: { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
  /** "5 Jan", for a chart's axis */
  short: { day: "numeric", month: "short", timeZone: "UTC" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type DayStyle = keyof typeof dayStyles;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(language: string, style: DayStyle): Intl.DateTimeFormat {
  const key = `${language} ${style}`;
  let found = formats.get(key);
  if (!found) formats.set(key, (found = new Intl.DateTimeFormat(dateLocale(language), dayStyles[style])));
  return found;
}

const valid = (iso: string | null | undefined): iso is string => !!iso && !Number.isNaN(new Date(iso).getTime());

/** A time in the dashboard ("—" for none); `day` shows only its (UTC) day. */
export function DateTime({ iso, day = false }: { iso: string | null | undefined; day?: boolean }) {
  const language = useLocale();
  if (!valid(iso)) return <>—</>;
  if (!day) return <LocalTime date={iso} />;
  const instant = new Date(iso);
  return <time dateTime={instant.toISOString().slice(0, 10)}>{format(language, "long").format(instant)}</time>;
}

/** A formatter of UTC days ("2026-01-05") in the page's language, for texts that must be strings (a chart's ticks). */
export function useFormatDay(): (day: string, style?: DayStyle) => string {
  const language = useLocale();
  return useCallback((day, style = "long") => format(language, style).format(new Date(`${day.slice(0, 10)}T00:00:00Z`)), [language]);
}
