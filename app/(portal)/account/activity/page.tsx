import type { Metadata } from "next";
import { requirePortalSession } from "@/app/guards";
import { EventList } from "@/components/activity/event-list";
import { Card } from "@/components/ui/card";
import { listSecurityEvents } from "@/lib/events";

export const metadata: Metadata = { title: "Activity" };

const SHOWN = 100;

export default async function ActivityPage() {
  const session = await requirePortalSession();
  const events = await listSecurityEvents(session.userId, SHOWN);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Activity</h1>
        <p className="mt-1 text-sm text-slate-700">
          What happened to your account, newest first{events.length === SHOWN ? ` (the last ${SHOWN} events)` : ""}. If something here was
          not you, change your password and end your other sessions.
        </p>
      </div>
      <Card>
        <EventList events={events} />
      </Card>
    </div>
  );
}
