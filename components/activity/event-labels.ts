import { useTranslations } from "next-intl";
import { nameDevice, type DeviceWords } from "@/components/sessions/user-agent";
import type { EventKind } from "@/lib/events";
import type { CheckedDuring } from "@/lib/two-factor/context";

// How each security event of lib/events (docs/api.md §6) reads: in the portal, to the account
// holder, and on the admin pages where the dashboard's own words differ (it says "two-factor"
// where the portal says "two-step", and it also shows the events an administrator's own actions
// left). The words are the catalogue's SecurityEvents, a label per kind under `labels` (the kind's
// dots are the catalogue's nesting), so a kind without a label fails the type check. Kinds a
// newer server writes and the catalogue does not know fall back to the kind itself, so an event
// never disappears from a list.

/** The SecurityEvents messages: useTranslations("SecurityEvents"), or await getTranslations("SecurityEvents"). */
export type EventWords = ReturnType<typeof useTranslations<"SecurityEvents">>;

/** The kinds the dashboard words its own way (catalogue: SecurityEvents.adminLabels). */
type AdminWorded = "login.2fa_required" | "passkey.possible_clone" | "sessions.revoked" | "2fa.reset";
const adminWorded: ReadonlySet<string> = new Set<AdminWorded>([
  "login.2fa_required",
  "passkey.possible_clone",
  "sessions.revoked",
  "2fa.reset",
]);

/** Events a person should look at twice. */
const notable: ReadonlySet<string> = new Set<EventKind>([
  "login.failure",
  "login.new_device",
  "totp.failure",
  "email_otp.failure",
  "recovery_code.failure",
  "passkey.failure",
  "login.locked",
  "throttle.triggered",
  "totp.disabled",
  "email_otp.disabled",
  "passkey.removed",
  "passkey.possible_clone",
  "2fa.reset",
  "account.locked",
  "email.transfer_undone",
]);

export const isNotable = (kind: string) => notable.has(kind);

// The line under an event's label: what its detail says, in words. Kinds without a line here
// (or older events whose detail lacks the fields) show none.
type Detail = Record<string, unknown>;
type DetailLine = (detail: Detail, t: EventWords, devices: DeviceWords) => string | null;

const text = (value: unknown) => (typeof value === "string" && value ? value : null);
const duringPhases: readonly string[] = ["sign-in", "step-up", "setup"] satisfies CheckedDuring[];

/** The line when every named field of the detail is a non-empty string. */
const ofTexts =
  <F extends string>(fields: readonly F[], line: (values: Record<F, string>, t: EventWords) => string): DetailLine =>
  (d, t) => {
    const values = Object.fromEntries(fields.map((field) => [field, text(d[field])]));
    return fields.every((field) => values[field] !== null) ? line(values as Record<F, string>, t) : null;
  };
const wrongCode: DetailLine = (d, t) => (duringPhases.includes(String(d.during)) ? t(`during.${d.during as CheckedDuring}`) : null);

const details: Partial<Record<EventKind, DetailLine>> = {
  "totp.failure": wrongCode,
  "email_otp.failure": wrongCode,
  "recovery_code.failure": wrongCode,
  "passkey.failure": wrongCode,
  "recovery_code.used": (d, t) => (typeof d.remaining === "number" ? t("codesLeft", { count: d.remaining }) : null),
  "session.revoked": (d, t, devices) =>
    d.sessionUserAgent === undefined
      ? null
      : t(d.current === true ? "endedCurrentSession" : "endedSession", { device: nameDevice(text(d.sessionUserAgent), devices) }),
  "email.transfer_started": ofTexts(["newEmail"], ({ newEmail }, t) => t("emailTo", { to: newEmail })),
  "email.transfer_address_taken": ofTexts(["newEmail"], ({ newEmail }, t) => t("emailTo", { to: newEmail })),
  "email.transfer_completed": ofTexts(["oldEmail", "newEmail"], ({ oldEmail, newEmail }, t) =>
    t("emailFromTo", { from: oldEmail, to: newEmail }),
  ),
  "email.transfer_undone": ofTexts(["fromEmail", "restoredEmail"], ({ fromEmail, restoredEmail }, t) =>
    t("emailUndone", { from: fromEmail, back: restoredEmail }),
  ),
};

export interface EventTexts {
  /** The label of an event kind for the portal (the default) or the admin pages. */
  label(kind: string, audience?: "portal" | "admin"): string;
  /** What an event's detail adds to its label, as a sentence; null when it adds nothing. */
  detail(kind: string, detail: Detail | null | undefined): string | null;
}

/** The events' words from the SecurityEvents and Devices messages. */
export function eventTexts(t: EventWords, devices: DeviceWords): EventTexts {
  const known = (kind: string): kind is EventKind =>
    t.has(`labels.${kind as EventKind}`) && typeof t.raw(`labels.${kind as EventKind}`) === "string";
  return {
    label(kind, audience = "portal") {
      if (!known(kind)) return kind;
      return audience === "admin" && adminWorded.has(kind) ? t(`adminLabels.${kind as AdminWorded}`) : t(`labels.${kind}`);
    },
    detail(kind, detail) {
      if (!detail || !known(kind)) return null;
      return details[kind]?.(detail, t, devices) ?? null;
    },
  };
}

/** The events' words in the page's language. */
export function useEventTexts(): EventTexts {
  return eventTexts(useTranslations("SecurityEvents"), useTranslations("Devices"));
}
