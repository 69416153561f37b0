import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogues";
import type { Language } from "@/lib/i18n/languages";
import { eventTexts } from "./event-labels";

// The security events as the portal and the dashboard word them, in each language: a kind's
// label, the dashboard's own words where they differ, and the line a detail adds.

const texts = (locale: Language) =>
  eventTexts(
    createTranslator({ locale, messages: catalogues[locale], namespace: "SecurityEvents" }),
    createTranslator({ locale, messages: catalogues[locale], namespace: "Devices" }),
  );
const CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

describe("eventTexts", () => {
  it("labels a kind in the page's language, the dashboard's words where they differ", () => {
    expect(texts("en").label("login.success")).toBe("Signed in");
    expect(texts("nl").label("login.success")).toBe("Aangemeld");
    expect(texts("en").label("2fa.reset")).toBe("Two-step verification reset");
    expect(texts("en").label("2fa.reset", "admin")).toBe("Two-factor authentication reset");
    expect(texts("de").label("2fa.reset", "admin")).toBe("Zwei-Faktor-Authentifizierung zurückgesetzt");
    // a kind the dashboard words as the portal does
    expect(texts("fr").label("passkey.added", "admin")).toBe(texts("fr").label("passkey.added"));
  });

  it("shows a kind it does not know as the kind itself, also one that names a group of kinds", () => {
    expect(texts("nl").label("login.teleported")).toBe("login.teleported");
    expect(texts("nl").label("login")).toBe("login");
    expect(texts("nl").detail("login", { remaining: 2 })).toBeNull();
  });

  it("words a detail's fields, with plurals, and says nothing when the fields are missing", () => {
    expect(texts("en").detail("recovery_code.used", { remaining: 1 })).toBe("1 recovery code left");
    expect(texts("nl").detail("recovery_code.used", { remaining: 3 })).toBe("nog 3 herstelcodes over");
    expect(texts("fr").detail("totp.failure", { during: "step-up" })).toBe("Lors de la confirmation d’une action");
    expect(texts("fr").detail("totp.failure", { during: "elsewhere" })).toBeNull();
    expect(texts("de").detail("email.transfer_completed", { oldEmail: "a@example.com", newEmail: "b@example.com" })).toBe(
      "Von a@example.com an b@example.com",
    );
    expect(texts("de").detail("email.transfer_completed", { oldEmail: "a@example.com" })).toBeNull();
    expect(texts("en").detail("session.revoked", { sessionUserAgent: CHROME_ON_LINUX, current: true })).toBe(
      "The session of Chrome on Linux (the one in use)",
    );
    expect(texts("nl").detail("session.revoked", { sessionUserAgent: null })).toBe("De sessie van Onbekend apparaat");
    expect(texts("en").detail("login.success", { remaining: 1 })).toBeNull();
    expect(texts("en").detail("recovery_code.used", null)).toBeNull();
  });
});
