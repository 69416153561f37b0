import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Language } from "@/lib/i18n/languages";
import { LocalTime, SavedTimeZoneProvider } from "./local-time";

// A time as the server renders it: in the account's saved zone when there is one (the browser
// then agrees), else in UTC, saying so, until the browser swaps in its own zone. In the page's
// language either way. (The browser's side: e2e/portal-sign-in-walk.spec.ts, e2e/i18n-portal.spec.ts.)

const MOMENT = "2026-12-01T22:45:00.000Z";

function render(locale: Language, saved: string | null) {
  // next-intl's own zone is the server's fallback (i18n/request.ts): the time must not follow it
  const time = createElement(LocalTime, { date: MOMENT });
  /* eslint-disable react/no-children-prop -- the unit project takes .ts files: no JSX here */
  const page = createElement(SavedTimeZoneProvider, { timeZone: saved, children: time });
  return renderToString(createElement(NextIntlClientProvider, { locale, timeZone: "Pacific/Honolulu", messages: {}, children: page }));
  /* eslint-enable react/no-children-prop */
}

describe("LocalTime on the server", () => {
  it("shows the saved zone, in the page's language", () => {
    expect(render("nl", "Asia/Tokyo")).toContain("2 dec 2026, 07:45 GMT+9");
    expect(render("de", "Europe/Berlin")).toContain("1. Dez. 2026, 23:45 MEZ");
  });

  it("shows UTC when none is saved, whatever next-intl's zone", () => {
    expect(render("fr", null)).toContain("1 déc. 2026, 22:45 UTC");
    expect(render("en", null)).toMatch(/<time dateTime="2026-12-01T22:45:00.000Z">1 Dec 2026, 22:45 UTC<\/time>/);
  });
});
