"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useOptimistic, useState, useSyncExternalStore, useTransition } from "react";
import { useBrowserTimeZone, useSavedTimeZone } from "@/components/activity/local-time";
import { noChanges, useHydrated } from "@/components/use-hydrated";
import { useAccessCall } from "./use-portal-api";

// The time zone the portal's times are shown in, saved on the account (PUT /user/preferences)
// like the language picker's choice, so it follows the person to every device. "Automatic" saves
// none: then each browser shows its own zone.

/** The value of the "Automatic" option: no zone saved. */
const AUTOMATIC = "";

let zones: readonly string[] | undefined;
/** The browser's IANA zones (its list leaves out UTC, which a person may well want). */
const browserZones = () => (zones ??= [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort());
const noZones: readonly string[] = [];

/** "America/Argentina/Buenos_Aires" → "America/Argentina/Buenos Aires". */
const zoneName = (zone: string) => zone.replaceAll("_", " ");

export function TimeZonePicker() {
  const t = useTranslations("TimeZonePicker");
  const saved = useSavedTimeZone();
  const browser = useBrowserTimeZone();
  // the server cannot know the browser's list: its HTML holds the saved zone only, the browser fills in the rest
  const known = useSyncExternalStore(noChanges, browserZones, () => noZones);
  const options = saved && !known.includes(saved) ? [saved, ...known] : known;
  const call = useAccessCall();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // the choice shows at once; the saved one comes back with the refreshed layout
  const [shown, show] = useOptimistic(saved ?? AUTOMATIC);
  const [outcome, setOutcome] = useState<"saved" | "failed" | null>(null);
  const id = useId();
  const hydrated = useHydrated();

  function choose(value: string) {
    setOutcome(null);
    startTransition(async () => {
      show(value);
      const result = await call((api) => api.PUT("/user/preferences", { body: { timeZone: value === AUTOMATIC ? null : value } }));
      if (!result.ok) return setOutcome("failed");
      setOutcome("saved");
      // the layout hands the saved zone to every time on the page
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-2 text-sm">
      <label htmlFor={id} className="font-medium text-slate-900">
        {t("label")}
      </label>
      <select
        id={id}
        value={shown}
        disabled={!hydrated || pending}
        aria-busy={pending || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => choose(event.target.value)}
        className="min-h-10 w-full max-w-md rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-900"
        data-testid="time-zone-picker"
      >
        <option value={AUTOMATIC}>{browser ? t("automaticNamed", { zone: zoneName(browser) }) : t("automatic")}</option>
        {options.map((zone) => (
          <option key={zone} value={zone}>
            {zoneName(zone)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-slate-600">
        {t("hint")}
      </p>
      <div className="min-h-5" aria-live="polite">
        {outcome === "saved" && <p className="text-green-800">{t("saved")}</p>}
        {outcome === "failed" && (
          <p role="alert" className="text-red-700">
            {t("saveFailed")}
          </p>
        )}
      </div>
    </div>
  );
}
