import type { Metadata } from "next";
import { requireAdminPage } from "@/app/guards";
import { ActivityChart } from "@/components/admin/activity-chart";
import { formatNumber, percent } from "@/components/admin/format";
import { Card } from "@/components/ui/card";
import { adminOverview } from "@/lib/admin/overview";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {note && <dd className="mt-1 text-xs text-slate-600">{note}</dd>}
    </div>
  );
}

function Share({ label, part, whole }: { label: string; part: number; whole: number }) {
  const value = whole > 0 ? Math.round((part / whole) * 100) : 0;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-slate-700">
          {formatNumber(part)} · {percent(part, whole)}
        </span>
      </div>
      <div className="h-2 rounded-full bg-slate-100" role="img" aria-label={`${label}: ${percent(part, whole)} of accounts`}>
        <div className="h-2 rounded-full bg-brand" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}

export default async function AdminOverviewPage() {
  await requireAdminPage();
  const overview = await adminOverview();
  const { accounts, twoFactor } = overview;
  const last30 = overview.days.reduce((sum, d) => ({ s: sum.s + d.signIns, f: sum.f + d.failedSignIns, t: sum.t + d.throttles }), {
    s: 0,
    f: 0,
    t: 0,
  });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Overview</h1>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Accounts"
          value={formatNumber(accounts)}
          note={`${formatNumber(overview.admins)} administrators`}
          testId="stat-accounts"
        />
        <Stat
          label="With two-factor authentication"
          value={percent(twoFactor.any, accounts)}
          note={`${formatNumber(twoFactor.any)} accounts with at least one method`}
          testId="stat-2fa"
        />
        <Stat label="Locked accounts" value={formatNumber(overview.locked)} testId="stat-locked" />
        <Stat
          label="Sign-ins, last 30 days"
          value={formatNumber(last30.s)}
          note={`${formatNumber(last30.f)} failed · ${formatNumber(last30.t)} throttled`}
        />
      </dl>
      <Card title="Two-factor adoption">
        <div className="flex flex-col gap-4">
          <Share label="Any method" part={twoFactor.any} whole={accounts} />
          <Share label="Authenticator app (TOTP)" part={twoFactor.totp} whole={accounts} />
          <Share label="Email codes" part={twoFactor.emailOtp} whole={accounts} />
          <Share label="Both" part={twoFactor.both} whole={accounts} />
        </div>
      </Card>
      <Card title="Sign-in activity">
        <ActivityChart days={overview.days} />
      </Card>
    </div>
  );
}
