"use client";

import { useSyncExternalStore } from "react";

// Times in the reader's own time zone (the browser's; a saved preference comes with the
// language settings). The server cannot know it, so the server's HTML says UTC and the browser
// swaps in its own zone as it hydrates: useSyncExternalStore's server snapshot keeps the two
// renders apart, so React reports no mismatch.

// (dateStyle cannot be combined with timeZoneName: the parts are spelled out)
const parts: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" };
const utc = new Intl.DateTimeFormat("en-GB", { ...parts, timeZone: "UTC" });
let local: Intl.DateTimeFormat | null = null;
const localFormat = () => (local ??= new Intl.DateTimeFormat("en-GB", { ...parts, timeZoneName: "short" }));

const noChanges = () => () => {};

/** "1 Dec 2026, 23:45 CET" in the browser, "1 Dec 2026, 22:45 UTC" on the server. */
export function useLocalTime(date: Date | string): string {
  const instant = new Date(date);
  return useSyncExternalStore(
    noChanges,
    () => localFormat().format(instant),
    () => `${utc.format(instant)} UTC`,
  );
}

export function LocalTime({ date, className }: { date: Date | string; className?: string }) {
  const text = useLocalTime(date);
  return (
    <time dateTime={new Date(date).toISOString()} className={className}>
      {text}
    </time>
  );
}
