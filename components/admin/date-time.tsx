"use client";

import { useLocale } from "next-intl";
import { useCallback, useSyncExternalStore } from "react";

// Times in the dashboard, in the page's language and the reader's time zone. The zone is the
// browser's, which the server cannot know: the server's HTML says UTC and the browser swaps in its
// own zone as it hydrates (useSyncExternalStore's server snapshot keeps the two renders apart, as
// in components/activity/local-time.tsx). Days (an account's creation, the activity chart's) are
// UTC days in both renders, as the chart's caption says. The dashboard's English is British:
// "1 Dec 2026, 23:45 CET", not "Dec 1, 2026, 11:45 PM".

const dateLocale = (language: string) => (language === "en" ? "en-GB" : language);

// (dateStyle cannot be combined with timeZoneName: the parts are spelled out)
const instantParts: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" };
const dayStyles = {
  /** "5 Jan 2026" */
  long: { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
  /** "5 Jan", for a chart's axis */
  short: { day: "numeric", month: "short", timeZone: "UTC" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type DayStyle = keyof typeof dayStyles;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(language: string, kind: "utc" | "local" | DayStyle): Intl.DateTimeFormat {
  const key = `${language} ${kind}`;
  let found = formats.get(key);
  if (!found) {
    const options =
      kind === "utc"
        ? { ...instantParts, timeZone: "UTC", timeZoneName: "short" as const }
        : kind === "local"
          ? { ...instantParts, timeZoneName: "short" as const }
          : dayStyles[kind];
    found = new Intl.DateTimeFormat(dateLocale(language), options);
    formats.set(key, found);
  }
  return found;
}

const valid = (iso: string | null | undefined): iso is string => !!iso && !Number.isNaN(new Date(iso).getTime());
const noChanges = () => () => {};

function Instant({ iso }: { iso: string }) {
  const language = useLocale();
  const instant = new Date(iso);
  const text = useSyncExternalStore(
    noChanges,
    () => format(language, "local").format(instant),
    () => format(language, "utc").format(instant),
  );
  return <time dateTime={instant.toISOString()}>{text}</time>;
}

/** A time in the dashboard ("—" for none); `day` shows only its (UTC) day. */
export function DateTime({ iso, day = false }: { iso: string | null | undefined; day?: boolean }) {
  const language = useLocale();
  if (!valid(iso)) return <>—</>;
  if (!day) return <Instant iso={iso} />;
  const instant = new Date(iso);
  return <time dateTime={instant.toISOString().slice(0, 10)}>{format(language, "long").format(instant)}</time>;
}

/** A formatter of UTC days ("2026-01-05") in the page's language, for texts that must be strings (a chart's ticks). */
export function useFormatDay(): (day: string, style?: DayStyle) => string {
  const language = useLocale();
  return useCallback((day, style = "long") => format(language, style).format(new Date(`${day.slice(0, 10)}T00:00:00Z`)), [language]);
}
