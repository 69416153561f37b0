import type { Metadata } from "next";
import Link from "next/link";
import { requirePortalSession } from "@/app/guards";
import { ActionLink } from "@/components/account/action-link";
import { StatusBadge } from "@/components/account/status-badge";
import { EventList } from "@/components/activity/event-list";
import { LocalTime } from "@/components/activity/local-time";
import { Card } from "@/components/ui/card";
import { listSecurityEvents } from "@/lib/events";
import { listSessions } from "@/lib/sessions";
import { twoFactorStatus } from "@/lib/two-factor";
import { RECOVERY_CODES_PER_SET } from "@/lib/two-factor/schemas";
import { requireUser } from "@/lib/users";

export const metadata: Metadata = { title: "Your account" };

/** Below this many unused recovery codes the overview warns. */
const FEW_RECOVERY_CODES = 3;

export default async function AccountPage() {
  const session = await requirePortalSession();
  const [user, status, sessions, events] = await Promise.all([
    requireUser(session.userId),
    twoFactorStatus(session.userId),
    listSessions(session.userId, session.sessionId),
    listSecurityEvents(session.userId, 5),
  ]);
  const remaining = status.recoveryCodes?.remaining ?? 0;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Your account</h1>

      <Card title="Sign-in details">
        <dl className="flex flex-col divide-y divide-slate-200">
          <Row term="Email" action={<ActionLink href="/account/email">Change email address</ActionLink>}>
            <span data-testid="account-email" className="break-all">
              {user.email}
            </span>
          </Row>
          <Row term="Password" action={<ActionLink href="/account/password">Change password</ActionLink>}>
            <span aria-hidden="true">••••••••••</span>
            <span className="sr-only">set</span>
          </Row>
        </dl>
      </Card>

      <Card title="Two-step verification">
        <p className="mb-4 text-sm text-slate-700" data-testid="two-factor-summary">
          {status.enabled
            ? "On: signing in takes your password and a second step."
            : "Off: your password alone signs you in. Add a second step so that a stolen password is not enough."}
        </p>
        <dl className="flex flex-col divide-y divide-slate-200">
          <Row
            term="Authenticator app"
            testId="totp-status"
            action={
              status.totp ? (
                <>
                  <ActionLink href="/account/authenticator">Replace authenticator app</ActionLink>
                  <ActionLink href="/account/authenticator/turn-off" variant="danger">
                    Turn off authenticator app
                  </ActionLink>
                </>
              ) : (
                <ActionLink href="/account/authenticator" variant="primary">
                  Set up authenticator app
                </ActionLink>
              )
            }
          >
            <StatusBadge on={!!status.totp} />
            {status.totp && (
              <span className="ml-2 text-xs text-slate-600">
                since <LocalTime date={status.totp.completedAt} />
              </span>
            )}
          </Row>
          <Row
            term="Email codes"
            testId="email-otp-status"
            action={
              status.emailOtp ? (
                <>
                  <ActionLink href="/account/email-codes">Change code address</ActionLink>
                  <ActionLink href="/account/email-codes/turn-off" variant="danger">
                    Turn off email codes
                  </ActionLink>
                </>
              ) : (
                <ActionLink href="/account/email-codes" variant={status.totp ? "secondary" : "primary"}>
                  Set up email codes
                </ActionLink>
              )
            }
          >
            <StatusBadge on={!!status.emailOtp} />
            {status.emailOtp && (
              <span className="ml-2 text-xs break-all text-slate-600">
                sent to <span data-testid="email-otp-address">{status.emailOtp.email}</span>
              </span>
            )}
          </Row>
          <Row
            term="Passkeys"
            testId="passkeys-status"
            action={
              <ActionLink href="/account/passkeys" variant={status.enabled ? "secondary" : "primary"}>
                {status.passkeys ? "Manage passkeys" : "Add a passkey"}
              </ActionLink>
            }
          >
            <StatusBadge on={!!status.passkeys} />
            {status.passkeys && (
              <span className="ml-2 text-xs text-slate-600" data-testid="passkeys-count">
                {status.passkeys.count} {status.passkeys.count === 1 ? "passkey" : "passkeys"}
              </span>
            )}
          </Row>
          <Row
            term="Recovery codes"
            testId="recovery-codes-status"
            action={status.enabled ? <ActionLink href="/account/recovery-codes">Create new recovery codes</ActionLink> : null}
          >
            {status.enabled ? (
              <span className="text-sm">
                <span data-testid="recovery-codes-left">{remaining}</span> of {RECOVERY_CODES_PER_SET} left
              </span>
            ) : (
              <span className="text-sm text-slate-600">Come with two-step verification</span>
            )}
            {status.enabled && remaining < FEW_RECOVERY_CODES && (
              <p
                className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
                data-testid="recovery-codes-warning"
              >
                {remaining === 0
                  ? "You have no recovery codes left."
                  : `Only ${remaining} recovery ${remaining === 1 ? "code" : "codes"} left.`}{" "}
                Create new ones so that losing your phone or mailbox does not lock you out.
              </p>
            )}
          </Row>
        </dl>
      </Card>

      <Card title="Sessions">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700" data-testid="sessions-count">
            You are signed in on {sessions.length} {sessions.length === 1 ? "device" : "devices"}.
          </p>
          <ActionLink href="/account/sessions">Manage sessions</ActionLink>
        </div>
      </Card>

      <Card title="Recent activity">
        <EventList events={events} label="Recent security events" />
        <Link href="/account/activity" className="mt-3 inline-block text-sm font-medium text-brand hover:underline">
          See all activity
        </Link>
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
