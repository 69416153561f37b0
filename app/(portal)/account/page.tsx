import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePortalSession } from "@/app/guards";
import { ActionLink } from "@/components/account/action-link";
import { StatusBadge } from "@/components/account/status-badge";
import { TimeZonePicker } from "@/components/account/time-zone-picker";
import { EventList } from "@/components/activity/event-list";
import { LocalTime } from "@/components/activity/local-time";
import { Card } from "@/components/ui/card";
import { listSecurityEvents } from "@/lib/events";
import { listSessions } from "@/lib/sessions";
import { twoFactorStatus } from "@/lib/two-factor";
import { RECOVERY_CODES_PER_SET } from "@/lib/two-factor/schemas";
import { requireUser } from "@/lib/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AccountOverview");
  return { title: t("title") };
}

/** Below this many unused recovery codes the overview warns. */
const FEW_RECOVERY_CODES = 3;

export default async function AccountPage() {
  const session = await requirePortalSession();
  const [user, status, sessions, events, t] = await Promise.all([
    requireUser(session.userId),
    twoFactorStatus(session.userId),
    listSessions(session.userId, session.sessionId),
    listSecurityEvents(session.userId, 5),
    getTranslations("AccountOverview"),
  ]);
  const remaining = status.recoveryCodes?.remaining ?? 0;
  const totpSince = status.totp?.completedAt;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>

      <Card title={t("signInDetails")}>
        <dl className="flex flex-col divide-y divide-slate-200">
          <Row term={t("email")} action={<ActionLink href="/account/email">{t("changeEmail")}</ActionLink>}>
            <span data-testid="account-email" className="break-all">
              {user.email}
            </span>
          </Row>
          <Row term={t("password")} action={<ActionLink href="/account/password">{t("changePassword")}</ActionLink>}>
            <span aria-hidden="true">••••••••••</span>
            <span className="sr-only">{t("passwordSet")}</span>
          </Row>
        </dl>
      </Card>

      <Card title={t("twoStep")}>
        <p className="mb-4 text-sm text-slate-700" data-testid="two-factor-summary">
          {status.enabled ? t("twoStepOn") : t("twoStepOff")}
        </p>
        <dl className="flex flex-col divide-y divide-slate-200">
          <Row
            term={t("authenticatorApp")}
            testId="totp-status"
            action={
              status.totp ? (
                <>
                  <ActionLink href="/account/authenticator">{t("replaceAuthenticator")}</ActionLink>
                  <ActionLink href="/account/authenticator/turn-off" variant="danger">
                    {t("turnOffAuthenticator")}
                  </ActionLink>
                </>
              ) : (
                <ActionLink href="/account/authenticator" variant="primary">
                  {t("setUpAuthenticator")}
                </ActionLink>
              )
            }
          >
            <StatusBadge on={!!status.totp} />
            {totpSince && (
              <span className="ml-2 text-xs text-slate-600">{t.rich("since", { time: () => <LocalTime date={totpSince} /> })}</span>
            )}
          </Row>
          <Row
            term={t("emailCodes")}
            testId="email-otp-status"
            action={
              status.emailOtp ? (
                <>
                  <ActionLink href="/account/email-codes">{t("changeCodeAddress")}</ActionLink>
                  <ActionLink href="/account/email-codes/turn-off" variant="danger">
                    {t("turnOffEmailCodes")}
                  </ActionLink>
                </>
              ) : (
                <ActionLink href="/account/email-codes" variant={status.totp ? "secondary" : "primary"}>
                  {t("setUpEmailCodes")}
                </ActionLink>
              )
            }
          >
            <StatusBadge on={!!status.emailOtp} />
            {status.emailOtp && (
              <span className="ml-2 text-xs break-all text-slate-600">
                {t.rich("sentTo", {
                  email: status.emailOtp.email,
                  address: (chunks) => <span data-testid="email-otp-address">{chunks}</span>,
                })}
              </span>
            )}
          </Row>
          <Row
            term={t("passkeys")}
            testId="passkeys-status"
            action={
              <ActionLink href="/account/passkeys" variant={status.enabled ? "secondary" : "primary"}>
                {status.passkeys ? t("managePasskeys") : t("addPasskey")}
              </ActionLink>
            }
          >
            <StatusBadge on={!!status.passkeys} />
            {status.passkeys && (
              <span className="ml-2 text-xs text-slate-600" data-testid="passkeys-count">
                {t("passkeyCount", { count: status.passkeys.count })}
              </span>
            )}
          </Row>
          <Row
            term={t("recoveryCodes")}
            testId="recovery-codes-status"
            action={status.enabled ? <ActionLink href="/account/recovery-codes">{t("createRecoveryCodes")}</ActionLink> : null}
          >
            {status.enabled ? (
              <span className="text-sm">
                {t.rich("codesLeft", {
                  remaining,
                  total: RECOVERY_CODES_PER_SET,
                  left: (chunks) => <span data-testid="recovery-codes-left">{chunks}</span>,
                })}
              </span>
            ) : (
              <span className="text-sm text-slate-600">{t("codesComeWithTwoStep")}</span>
            )}
            {status.enabled && remaining < FEW_RECOVERY_CODES && (
              <p
                className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
                data-testid="recovery-codes-warning"
              >
                {t("fewCodesLeft", { count: remaining })}
              </p>
            )}
          </Row>
        </dl>
      </Card>

      <Card title={t("sessions")}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700" data-testid="sessions-count">
            {t("signedInOn", { count: sessions.length })}
          </p>
          <ActionLink href="/account/sessions">{t("manageSessions")}</ActionLink>
        </div>
      </Card>

      <Card title={t("recentActivity")}>
        <EventList events={events} label={t("recentEvents")} />
        <Link href="/account/activity" className="mt-3 inline-block text-sm font-medium text-brand hover:underline">
          {t("seeAllActivity")}
        </Link>
      </Card>

      <Card title={t("preferences")}>
        <TimeZonePicker />
      </Card>
    </div>
  );
}

function Row({ term, action, testId, children }: { term: string; action: React.ReactNode; testId?: string; children: React.ReactNode }) {
  return (
    <div className="py-3 first:pt-0 last:pb-0" data-testid={testId}>
      <dt className="text-sm font-medium text-slate-900">{term}</dt>
      <dd className="mt-1 flex flex-col gap-3 text-sm text-slate-800 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">{children}</div>
        {action && <div className="flex shrink-0 flex-wrap gap-2">{action}</div>}
      </dd>
    </div>
  );
}
