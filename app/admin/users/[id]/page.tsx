import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdminPage } from "@/app/guards";
import { AccountEvents } from "@/components/admin/account-events";
import { DateTime } from "@/components/admin/date-time";
import { UserActions } from "@/components/admin/user-actions";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { userIdParams, type UserDetail } from "@/lib/admin/schemas";
import { userDetail } from "@/lib/admin/users";
import { ApiError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AccountPage");
  return { title: t("title") };
}

/** The notices a page that sent the administrator here asks for (?notice=…), with their tone. */
const notices = { created: "success", "created-no-mail": "error" } as const;
const isNotice = (value: unknown): value is keyof typeof notices => typeof value === "string" && Object.hasOwn(notices, value);

/** A time inside a sentence of the catalogue: `<time></time>` there stands for it. */
function at(iso: string | null | undefined) {
  return function time() {
    return <DateTime iso={iso} />;
  };
}

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [admin, t] = await Promise.all([requireAdminPage(), getTranslations("AccountPage")]);
  const parsed = userIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  let detail: UserDetail;
  try {
    detail = await userDetail(parsed.data.id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
  const asked = (await searchParams).notice;
  const notice = isNotice(asked) ? { tone: notices[asked], message: t(`notices.${asked}`) } : null;
  const { user, twoFactor, sessions, throttles, events } = detail;
  const isSelf = user.id === admin.userId;
  const hasTwoFactor = !!twoFactor.totp || !!twoFactor.emailOtp || twoFactor.passkeys.length > 0 || twoFactor.recoveryCodes.total > 0;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/users" className="text-sm text-brand underline-offset-2 hover:underline">
          ← {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold break-all" data-testid="account-email">
          {user.email}
        </h1>
        <p className="mt-1 flex flex-wrap gap-2 text-sm text-slate-700">
          <span>{t("number", { id: user.id })}</span>
          {user.role === "admin" && (
            <span className="rounded bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-900">{t("administrator")}</span>
          )}
          {user.lockedAt ? (
            <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900" data-testid="account-status">
              {t.rich("lockedSince", { time: at(user.lockedAt) })}
            </span>
          ) : (
            <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900" data-testid="account-status">
              {t("active")}
            </span>
          )}
          {isSelf && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium">{t("you")}</span>}
        </p>
      </div>

      {notice && <FormAlert message={notice.message} tone={notice.tone} />}

      <Card title={t("actions")}>
        <p className="mb-4 text-sm text-slate-700">{t("actionsIntro")}</p>
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
        <Card title={t("signIn")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="two-factor">
            <dt className="text-slate-600">{t("password")}</dt>
            <dd>{user.hasPassword ? t("passwordSet") : t("passwordNotSet")}</dd>
            <dt className="text-slate-600">{t("authenticator")}</dt>
            <dd>
              {twoFactor.totp?.activatedAt ? t.rich("totpOnSince", { time: at(twoFactor.totp.activatedAt) }) : t("totpOff")}
              {twoFactor.totp?.pending && <span className="text-slate-600"> {t("totpPending")}</span>}
            </dd>
            <dt className="text-slate-600">{t("emailCodes")}</dt>
            <dd>
              {twoFactor.emailOtp?.activatedAt
                ? t.rich("emailOnSince", { time: at(twoFactor.emailOtp.activatedAt), email: twoFactor.emailOtp.email ?? "—" })
                : t("emailOff")}
              {twoFactor.emailOtp?.pendingEmail && (
                <span className="text-slate-600"> {t("emailPending", { email: twoFactor.emailOtp.pendingEmail })}</span>
              )}
            </dd>
            <dt className="text-slate-600">{t("passkeys")}</dt>
            <dd data-testid="admin-passkeys">
              {twoFactor.passkeys.length === 0 ? (
                t("passkeysNone")
              ) : (
                <ul className="flex flex-col gap-1">
                  {twoFactor.passkeys.map((p) => (
                    <li key={p.id}>
                      <span className="font-medium">{p.name}</span>{" "}
                      <span className="text-slate-600">
                        {p.lastUsedAt
                          ? t.rich("passkeyUsed", { added: at(p.createdAt), used: at(p.lastUsedAt) })
                          : t.rich("passkeyUnused", { added: at(p.createdAt) })}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt className="text-slate-600">{t("recoveryCodes")}</dt>
            <dd>
              {twoFactor.recoveryCodes.total
                ? t.rich("recoveryCodesLeft", {
                    remaining: twoFactor.recoveryCodes.remaining,
                    total: twoFactor.recoveryCodes.total,
                    issued: at(twoFactor.recoveryCodes.createdAt),
                  })
                : t("recoveryCodesNone")}
            </dd>
            <dt className="text-slate-600">{t("created")}</dt>
            <dd>
              <DateTime iso={user.createdAt} />
            </dd>
          </dl>
        </Card>

        <Card title={t("throttles")}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("throttlesCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-700">
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("check")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("failuresInARow")}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t("nextTry")}
                </th>
              </tr>
            </thead>
            <tbody>
              {throttles.map((throttle) => (
                <tr key={throttle.purpose} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {t(`purposes.${throttle.purpose}`)}
                  </th>
                  <td className="py-1 pr-3 tabular-nums">{throttle.failures}</td>
                  <td className="py-1">
                    {throttle.waitSeconds > 0
                      ? t.rich("waiting", { time: at(throttle.blockedUntil), seconds: throttle.waitSeconds })
                      : t("now")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>

      <Card title={t("sessions", { count: sessions.length })}>
        {sessions.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noSessions")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("sessionsCaption")}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-slate-700">
                  <th scope="col" className="py-1 pr-3 font-medium">
                    {t("started")}
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    {t("lastUsed")}
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    {t("ip")}
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    {t("browser")}
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

      <Card title={t("events")}>
        <AccountEvents events={events} self={user.id} />
      </Card>
    </div>
  );
}
