import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireAdminPage } from "@/app/guards";
import { ActivityChart } from "@/components/admin/activity-chart";
import { Card } from "@/components/ui/card";
import { adminOverview } from "@/lib/admin/overview";

export const dynamic = "force-dynamic";

// The layout's title template covers the pages below it, not this one beside it: the overview
// names the dashboard itself, as the others get it from the template.
export async function generateMetadata(): Promise<Metadata> {
  const [t, metadata] = await Promise.all([getTranslations("AdminOverviewPage"), getTranslations("Metadata")]);
  return { title: `${t("title")} · ${metadata("administration")}` };
}

type Format = Awaited<ReturnType<typeof getFormatter>>;

/** A part of the accounts as a percentage with one decimal at most ("12.5%"); none of none is 0%. */
const percent = (format: Format, part: number, whole: number) =>
  format.number(whole > 0 ? part / whole : 0, { style: "percent", maximumFractionDigits: 1 });

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

function Share({ label, part, whole, format, describe }: { label: string; part: number; whole: number; format: Format; describe: string }) {
  const width = whole > 0 ? Math.round((part / whole) * 100) : 0;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-slate-700">
          {format.number(part)} · {percent(format, part, whole)}
        </span>
      </div>
      <div className="h-2 rounded-full bg-slate-100" role="img" aria-label={describe}>
        <div className="h-2 rounded-full bg-brand" style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}

const methods = ["any", "totp", "emailOtp", "both"] as const;

export default async function AdminOverviewPage() {
  await requireAdminPage();
  const [overview, t, format] = await Promise.all([adminOverview(), getTranslations("AdminOverviewPage"), getFormatter()]);
  const { accounts, twoFactor } = overview;
  const last30 = overview.days.reduce((sum, d) => ({ s: sum.s + d.signIns, f: sum.f + d.failedSignIns, t: sum.t + d.throttles }), {
    s: 0,
    f: 0,
    t: 0,
  });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label={t("accounts")}
          value={format.number(accounts)}
          note={t("administrators", { count: overview.admins })}
          testId="stat-accounts"
        />
        <Stat
          label={t("withTwoFactor")}
          value={percent(format, twoFactor.any, accounts)}
          note={t("withMethod", { count: twoFactor.any })}
          testId="stat-2fa"
        />
        <Stat label={t("locked")} value={format.number(overview.locked)} testId="stat-locked" />
        <Stat label={t("signIns")} value={format.number(last30.s)} note={t("signInsNote", { failed: last30.f, throttled: last30.t })} />
      </dl>
      <Card title={t("adoption")}>
        <div className="flex flex-col gap-4">
          {methods.map((method) => (
            <Share
              key={method}
              label={t(`methods.${method}`)}
              part={twoFactor[method]}
              whole={accounts}
              format={format}
              describe={t("share", { method: t(`methods.${method}`), share: percent(format, twoFactor[method], accounts) })}
            />
          ))}
        </div>
      </Card>
      <Card title={t("activity")}>
        <ActivityChart days={overview.days} />
      </Card>
    </div>
  );
}
