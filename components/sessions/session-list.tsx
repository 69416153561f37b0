"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useDescribeFailure } from "@/components/api-client";
import { LocalTime, useLocalTime } from "@/components/activity/local-time";
import { MessageSlot } from "@/components/account/message-slot";
import { useAccessCall } from "@/components/account/use-portal-api";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useSingleFlight } from "@/components/use-single-flight";
import type { paths } from "@/lib/api-client";
import { useDeviceName } from "./user-agent";

/** One live session, as GET /user/sessions answers it. */
type SessionItem = paths["/user/sessions"]["get"]["responses"][200]["content"]["application/json"][number];

/**
 * The person's live sessions (GET /user/sessions), this one marked; end one
 * (DELETE /user/sessions/{id}) or every other one (DELETE /user/sessions).
 */
export function SessionList() {
  const t = useTranslations("SessionList");
  const deviceName = useDeviceName();
  const call = useAccessCall();
  const describeFailure = useDescribeFailure();
  const [sessions, setSessions] = useState<SessionItem[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmingAll, setConfirmingAll] = useState(false);
  const [ending, setEnding] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const result = await call((api) => api.GET("/user/sessions"));
    if (result.ok) setSessions(result.data);
    else setFailure(describeFailure(result.error));
  }, [call, describeFailure]);

  useEffect(() => {
    // the list is the API's, fetched once the page is in the browser
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const endOne = useSingleFlight(async (session: SessionItem) => {
    setFailure(null);
    setNotice(null);
    setEnding(session.id);
    try {
      const result = await call((api) => api.DELETE("/user/sessions/{id}", { params: { path: { id: session.id } } }));
      if (!result.ok && result.error.code !== "SESSION_NOT_FOUND") return setFailure(describeFailure(result.error));
      setNotice(t("ended", { device: deviceName(session.userAgent) }));
      await load();
      heading.current?.focus();
    } finally {
      setEnding(null);
    }
  });

  const endOthers = useSingleFlight(async () => {
    setFailure(null);
    setNotice(null);
    setEnding("others");
    try {
      const result = await call((api) => api.DELETE("/user/sessions"));
      if (!result.ok) return setFailure(describeFailure(result.error));
      setConfirmingAll(false);
      setNotice(t("othersEnded"));
      await load();
      heading.current?.focus();
    } finally {
      setEnding(null);
    }
  });

  const others = sessions?.filter((s) => !s.current) ?? [];

  return (
    <Card>
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
            {sessions ? t("count", { count: sessions.length }) : t("heading")}
          </h2>
          {others.length > 0 && !confirmingAll && (
            <Button type="button" variant="secondary" onClick={() => setConfirmingAll(true)}>
              {t("endOthers")}
            </Button>
          )}
        </div>
        {confirmingAll && (
          <div
            role="group"
            aria-labelledby="end-all-question"
            className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-4"
          >
            <p id="end-all-question" className="text-sm text-amber-950">
              {t("confirmEndOthers", { count: others.length })}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="danger" pending={ending === "others"} onClick={() => void endOthers()} autoFocus>
                {ending === "others" ? t("ending") : t("confirm")}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirmingAll(false)}>
                {t("cancel")}
              </Button>
            </div>
          </div>
        )}
        {!sessions ? (
          <p className="text-sm text-slate-600" aria-busy="true">
            {t("loading")}
          </p>
        ) : (
          <ul aria-label={t("listLabel")} className="divide-y divide-slate-200" data-testid="session-list">
            {sessions.map((session) => (
              <SessionRow key={session.id} session={session} ending={ending === session.id} onEnd={() => void endOne(session)} />
            ))}
          </ul>
        )}
        <MessageSlot message={failure ?? notice} tone={failure ? "error" : "success"} />
      </div>
    </Card>
  );
}

function SessionRow({ session, ending, onEnd }: { session: SessionItem; ending: boolean; onEnd: () => void }) {
  const t = useTranslations("SessionList.row");
  const deviceName = useDeviceName();
  const device = deviceName(session.userAgent);
  const lastActive = useLocalTime(session.lastUsedAt);
  return (
    <li
      className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
      data-current={session.current}
      data-testid="session"
    >
      <div className="min-w-0">
        <p className="text-sm font-medium text-slate-900">
          {device}
          {session.current && (
            <span className="ml-2 rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">{t("thisDevice")}</span>
          )}
        </p>
        <p className="text-xs text-slate-600">
          {session.ip ? `${session.ip} · ` : ""}
          {t.rich("times", {
            signedIn: () => <LocalTime date={session.createdAt} />,
            lastActive: () => <LocalTime date={session.lastUsedAt} />,
          })}
        </p>
      </div>
      {!session.current && (
        <Button
          type="button"
          variant="secondary"
          className="shrink-0 self-start sm:self-auto"
          pending={ending}
          aria-label={t("endLabel", { device, lastActive })}
          onClick={onEnd}
        >
          {ending ? t("ending") : t("end")}
        </Button>
      )}
    </li>
  );
}
