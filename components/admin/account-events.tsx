import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEventTexts, type EventTexts } from "@/components/activity/event-labels";
import { useDeviceName } from "@/components/sessions/user-agent";
import type { UserDetail } from "@/lib/admin/schemas";
import { DateTime } from "./date-time";

type SecurityEvent = UserDetail["events"][number];
type Translate = ReturnType<typeof useTranslations<"AccountEvents">>;

const linkStyle = "text-brand underline";

/** What the dashboard adds under an event's label: the detail's sentence, then the fields an administrator reads. */
function describeDetail(event: SecurityEvent, self: number, t: Translate, texts: EventTexts) {
  const detail = event.detail ?? {};
  const parts: React.ReactNode[] = [];
  const sentence = texts.detail(event.kind, event.detail);
  if (sentence) parts.push(sentence);
  if (typeof detail.action === "string") parts.push(t("action", { action: detail.action }));
  if (typeof detail.targetUserId === "number" && detail.targetUserId !== self) {
    parts.push(
      <Link key="target" href={`/admin/users/${detail.targetUserId}`} className={linkStyle}>
        {t("target", { id: detail.targetUserId })}
      </Link>,
    );
  }
  if (typeof detail.sessionsEnded === "number") parts.push(t("sessionsEnded", { count: detail.sessionsEnded }));
  if (typeof detail.via === "string") parts.push(t("via", { via: detail.via }));
  if (typeof detail.reason === "string") parts.push(detail.reason);
  return parts;
}

/** An account's security events on its dashboard page, newest first, with who acted and from where. */
export function AccountEvents({ events, self }: { events: SecurityEvent[]; self: number }) {
  const t = useTranslations("AccountEvents");
  const texts = useEventTexts();
  const deviceName = useDeviceName();
  if (events.length === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <ol className="flex flex-col gap-2 text-sm" data-testid="events">
      {events.map((event) => (
        <li key={event.id} className="flex flex-col gap-0.5 border-b border-slate-100 pb-2 last:border-0" data-kind={event.kind}>
          <div className="flex flex-wrap justify-between gap-2">
            <span className="font-medium">{texts.label(event.kind, "admin")}</span>
            <span className="text-slate-600 tabular-nums">
              <DateTime iso={event.createdAt} />
            </span>
          </div>
          <div className="flex flex-wrap gap-x-3 text-xs text-slate-600">
            <span>{event.kind}</span>
            {event.actor && (
              <span>
                {t.rich("by", {
                  email: event.actor.email,
                  actor: (chunks) => (
                    <Link href={`/admin/users/${event.actor!.id}`} className={linkStyle}>
                      {chunks}
                    </Link>
                  ),
                })}
              </span>
            )}
            {describeDetail(event, self, t, texts).map((part, i) => (
              <span key={i}>{part}</span>
            ))}
            {event.userAgent && <span>{deviceName(event.userAgent)}</span>}
            {event.ip && <span>{t("from", { ip: event.ip })}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}
