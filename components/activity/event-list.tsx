import { useTranslations } from "next-intl";
import { useDeviceName } from "@/components/sessions/user-agent";
import { isNotable, useEventTexts } from "./event-labels";
import { LocalTime } from "./local-time";

export interface SecurityEventItem {
  id: string;
  kind: string;
  createdAt: Date | string;
  ip: string | null;
  userAgent: string | null;
  byAdministrator: boolean;
  detail?: Record<string, unknown> | null;
}

/** Security events, newest first, as the person reads them: what happened, when, from where. */
export function EventList({ events, label }: { events: SecurityEventItem[]; label?: string }) {
  const t = useTranslations("EventList");
  const texts = useEventTexts();
  const deviceName = useDeviceName();
  if (events.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <ol aria-label={label ?? t("label")} className="divide-y divide-slate-200" data-testid="event-list">
      {events.map((event) => {
        const detail = texts.detail(event.kind, event.detail);
        return (
          <li
            key={event.id}
            className="flex flex-col gap-0.5 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4"
            data-kind={event.kind}
          >
            <div className="flex flex-col gap-0.5">
              <span className={`text-sm font-medium ${isNotable(event.kind) ? "text-amber-900" : "text-slate-900"}`}>
                {isNotable(event.kind) && <span aria-hidden="true">⚠ </span>}
                {texts.label(event.kind)}
                {event.byAdministrator && (
                  <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">{t("byAdministrator")}</span>
                )}
              </span>
              {detail && <span className="text-sm break-all text-slate-700">{detail}</span>}
              <span className="text-xs text-slate-600">
                {deviceName(event.userAgent)}
                {event.ip ? ` · ${event.ip}` : ""}
              </span>
            </div>
            <LocalTime date={event.createdAt} className="shrink-0 text-xs text-slate-600" />
          </li>
        );
      })}
    </ol>
  );
}
