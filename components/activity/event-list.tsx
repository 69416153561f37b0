import { describeUserAgent } from "@/components/sessions/user-agent";
import { eventDetail, eventLabel, isNotable } from "./event-labels";
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
export function EventList({ events, label = "Security events" }: { events: SecurityEventItem[]; label?: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing has happened on this account yet.</p>;
  return (
    <ol aria-label={label} className="divide-y divide-slate-200" data-testid="event-list">
      {events.map((event) => (
        <li
          key={event.id}
          className="flex flex-col gap-0.5 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4"
          data-kind={event.kind}
        >
          <div className="flex flex-col gap-0.5">
            <span className={`text-sm font-medium ${isNotable(event.kind) ? "text-amber-900" : "text-slate-900"}`}>
              {isNotable(event.kind) && <span aria-hidden="true">⚠ </span>}
              {eventLabel(event.kind)}
              {event.byAdministrator && (
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">by an administrator</span>
              )}
            </span>
            <EventDetail kind={event.kind} detail={event.detail} />
            <span className="text-xs text-slate-600">
              {describeUserAgent(event.userAgent)}
              {event.ip ? ` · ${event.ip}` : ""}
            </span>
          </div>
          <LocalTime date={event.createdAt} className="shrink-0 text-xs text-slate-600" />
        </li>
      ))}
    </ol>
  );
}

function EventDetail({ kind, detail }: Pick<SecurityEventItem, "kind" | "detail">) {
  const sentence = eventDetail(kind, detail);
  return sentence ? <span className="text-sm break-all text-slate-700">{sentence}</span> : null;
}
