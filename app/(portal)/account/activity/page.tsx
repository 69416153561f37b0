import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePortalSession } from "@/app/guards";
import { EventList } from "@/components/activity/event-list";
import { Card } from "@/components/ui/card";
import { listSecurityEvents } from "@/lib/events";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ActivityPage");
  return { title: t("title") };
}

const SHOWN = 100;

export default async function ActivityPage() {
  const session = await requirePortalSession();
  const [events, t] = await Promise.all([listSecurityEvents(session.userId, SHOWN), getTranslations("ActivityPage")]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-700">{events.length === SHOWN ? t("introLatest", { count: SHOWN }) : t("intro")}</p>
      </div>
      <Card>
        <EventList events={events} />
      </Card>
    </div>
  );
}
