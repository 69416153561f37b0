import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdminPage } from "@/app/guards";
import { eventDetail, eventLabel } from "@/components/activity/event-labels";
import { DateTime } from "@/components/admin/date-time";
import { describeUserAgent } from "@/components/sessions/user-agent";
import { UserActions } from "@/components/admin/user-actions";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { userIdParams, type UserDetail } from "@/lib/admin/schemas";
import { userDetail } from "@/lib/admin/users";
import { ApiError } from "@/lib/errors";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

const purposeLabels = {
  password: "Password",
  totp: "Authenticator code",
  emailOtp: "Email code",
  recoveryCode: "Recovery code",
  passkey: "Passkey",
} as const;

const notices: Record<string, { tone: "success" | "error"; message: string }> = {
  created: { tone: "success", message: "Account created. Its holder was sent a link to choose a password (valid 24 hours)." },
  "created-no-mail": {
    tone: "error",
    message: "Account created, but the set-password mail could not be sent. Use “Send password reset” to try again.",
  },
};

function describeDetail(event: UserDetail["events"][number], self: number) {
  const detail = event.detail ?? {};
  const parts: React.ReactNode[] = [];
  const sentence = eventDetail(event.kind, event.detail);
  if (sentence) parts.push(sentence);
  if (typeof detail.action === "string") parts.push(`action: ${detail.action}`);
  if (typeof detail.targetUserId === "number" && detail.targetUserId !== self) {
    parts.push(
      <Link key="target" href={`/admin/users/${detail.targetUserId}`} className="text-brand underline">
        account #{detail.targetUserId}
      </Link>,
    );
  }
  if (typeof detail.sessionsEnded === "number") parts.push(`${detail.sessionsEnded} session(s) ended`);
  if (typeof detail.via === "string") parts.push(`via ${detail.via}`);
  if (typeof detail.reason === "string") parts.push(detail.reason);
  return parts;
}

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdminPage();
  const parsed = userIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  let detail: UserDetail;
  try {
    detail = await userDetail(parsed.data.id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
  const notice = notices[String((await searchParams).notice ?? "")] ?? null;
  const { user, twoFactor, sessions, throttles, events } = detail;
  const isSelf = user.id === admin.userId;
  const hasTwoFactor = !!twoFactor.totp || !!twoFactor.emailOtp || twoFactor.passkeys.length > 0 || twoFactor.recoveryCodes.total > 0;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/users" className="text-sm text-brand underline-offset-2 hover:underline">
          ← Accounts
        </Link>
        <h1 className="mt-2 text-2xl font-semibold break-all" data-testid="account-email">
          {user.email}
        </h1>
        <p className="mt-1 flex flex-wrap gap-2 text-sm text-slate-700">
          <span>Account #{user.id}</span>
          {user.role === "admin" && (
            <span className="rounded bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-900">Administrator</span>
          )}
          {user.lockedAt ? (
            <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900" data-testid="account-status">
              Locked since <DateTime iso={user.lockedAt} />
            </span>
          ) : (
            <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900" data-testid="account-status">
              Active
            </span>
          )}
          {isSelf && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium">You</span>}
        </p>
      </div>

      {notice && <FormAlert message={notice.message} tone={notice.tone} />}

      <Card title="Actions">
        <p className="mb-4 text-sm text-slate-700">
          Each action asks you to confirm, then for your own second factor if you have not confirmed in the last 5 minutes.
        </p>
        <UserActions
          target={{
            id: user.id,
            email: user.email,
            role: user.role,
            locked: !!user.lockedAt,
            hasTwoFactor,
            sessions: sessions.length,
            isSelf,
          }}
        />
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Sign-in and two-factor">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="two-factor">
            <dt className="text-slate-600">Password</dt>
            <dd>{user.hasPassword ? "Set" : "Not set yet"}</dd>
            <dt className="text-slate-600">Authenticator app</dt>
            <dd>
              {twoFactor.totp?.activatedAt ? (
                <>
                  On since <DateTime iso={twoFactor.totp.activatedAt} />
                </>
              ) : (
                "Off"
              )}
              {twoFactor.totp?.pending && <span className="text-slate-600"> (a new setup is pending)</span>}
            </dd>
            <dt className="text-slate-600">Email codes</dt>
            <dd>
              {twoFactor.emailOtp?.activatedAt ? (
                <>
                  On since <DateTime iso={twoFactor.emailOtp.activatedAt} />, to {twoFactor.emailOtp.email}
                </>
              ) : (
                "Off"
              )}
              {twoFactor.emailOtp?.pendingEmail && (
                <span className="text-slate-600"> (setup pending for {twoFactor.emailOtp.pendingEmail})</span>
              )}
            </dd>
            <dt className="text-slate-600">Passkeys</dt>
            <dd data-testid="admin-passkeys">
              {twoFactor.passkeys.length === 0 ? (
                "None"
              ) : (
                <ul className="flex flex-col gap-1">
                  {twoFactor.passkeys.map((p) => (
                    <li key={p.id}>
                      <span className="font-medium">{p.name}</span>{" "}
                      <span className="text-slate-600">
                        (added <DateTime iso={p.createdAt} />,{" "}
                        {p.lastUsedAt ? (
                          <>
                            last used <DateTime iso={p.lastUsedAt} />
                          </>
                        ) : (
                          "not used yet"
                        )}
                        )
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt className="text-slate-600">Recovery codes</dt>
            <dd>
              {twoFactor.recoveryCodes.total ? (
                <>
                  {twoFactor.recoveryCodes.remaining} of {twoFactor.recoveryCodes.total} left (issued{" "}
                  <DateTime iso={twoFactor.recoveryCodes.createdAt} />)
                </>
              ) : (
                "None"
              )}
            </dd>
            <dt className="text-slate-600">Created</dt>
            <dd>
              <DateTime iso={user.createdAt} />
            </dd>
          </dl>
        </Card>

        <Card title="Throttles">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Failure counters and waits</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-700">
                <th scope="col" className="py-1 pr-3 font-medium">
                  Check
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Failures in a row
                </th>
                <th scope="col" className="py-1 font-medium">
                  Next try
                </th>
              </tr>
            </thead>
            <tbody>
              {throttles.map((t) => (
                <tr key={t.purpose} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {purposeLabels[t.purpose]}
                  </th>
                  <td className="py-1 pr-3 tabular-nums">{t.failures}</td>
                  <td className="py-1">
                    {t.waitSeconds > 0 ? (
                      <>
                        Waiting until <DateTime iso={t.blockedUntil} /> ({t.waitSeconds} s)
                      </>
                    ) : (
                      "Now"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>

      <Card title={`Sessions (${sessions.length})`}>
        {sessions.length === 0 ? (
          <p className="text-sm text-slate-700">No live sessions.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Live sessions</caption>
              <thead>
                <tr className="border-b border-slate-200 text-slate-700">
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Started
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Last used
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    IP address
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Browser or app
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id} className="border-b border-slate-100 last:border-0">
                    <td className="py-1 pr-3">
                      <DateTime iso={s.createdAt} />
                    </td>
                    <td className="py-1 pr-3">
                      <DateTime iso={s.lastUsedAt} />
                    </td>
                    <td className="py-1 pr-3">{s.ip ?? "—"}</td>
                    <td className="max-w-xs truncate py-1" title={s.userAgent ?? undefined}>
                      {s.userAgent ?? "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title="Security events">
        {events.length === 0 ? (
          <p className="text-sm text-slate-700">No events yet.</p>
        ) : (
          <ol className="flex flex-col gap-2 text-sm" data-testid="events">
            {events.map((event) => {
              const extra = describeDetail(event, user.id);
              return (
                <li key={event.id} className="flex flex-col gap-0.5 border-b border-slate-100 pb-2 last:border-0" data-kind={event.kind}>
                  <div className="flex flex-wrap justify-between gap-2">
                    <span className="font-medium">{eventLabel(event.kind, "admin")}</span>
                    <time dateTime={event.createdAt} className="text-slate-600 tabular-nums">
                      <DateTime iso={event.createdAt} />
                    </time>
                  </div>
                  <div className="flex flex-wrap gap-x-3 text-xs text-slate-600">
                    <span>{event.kind}</span>
                    {event.actor && (
                      <span>
                        by{" "}
                        <Link href={`/admin/users/${event.actor.id}`} className="text-brand underline">
                          {event.actor.email}
                        </Link>
                      </span>
                    )}
                    {extra.map((part, i) => (
                      <span key={i}>{part}</span>
                    ))}
                    {event.userAgent && <span>{describeUserAgent(event.userAgent)}</span>}
                    {event.ip && <span>from {event.ip}</span>}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </Card>
    </div>
  );
}
