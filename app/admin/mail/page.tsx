import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireAdminPage } from "@/app/guards";
import { DateTime } from "@/components/admin/date-time";
import { Pager } from "@/components/admin/pager";
import { FormAlert } from "@/components/ui/form-alert";
import { listMail } from "@/lib/admin/mail-log";
import { currentBrand } from "@/lib/brands/current";
import { mailListQuery, mailStatuses, type MailListResponse } from "@/lib/admin/schemas";
import { ApiError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("MailLogPage");
  return { title: t("title") };
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function MailLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const [params, t, brand] = await Promise.all([searchParams, getTranslations("MailLogPage"), currentBrand()]);
  const parsed = mailListQuery.safeParse({ status: one(params.status), to: one(params.to), cursor: one(params.cursor) });
  let result: MailListResponse | null = null;
  let problem: string | null = null;
  if (!parsed.success) problem = t("unreadable", { field: parsed.error.issues[0].path.join(".") });
  else {
    try {
      result = await listMail(parsed.data);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      problem = t("staleCursor");
    }
  }
  const current = parsed.success ? parsed.data : { status: undefined, to: undefined };
  const link = (cursor: string) => {
    const search = new URLSearchParams();
    if (current.status) search.set("status", current.status);
    if (current.to) search.set("to", current.to);
    search.set("cursor", cursor);
    return `/admin/mail?${search}`;
  };

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro", { brand: brand.displayName })}</p>
      <form
        method="get"
        action="/admin/mail"
        aria-label={t("filter")}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <div className="flex min-w-[16rem] flex-1 flex-col gap-1">
          <label htmlFor="to" className="text-sm font-medium text-slate-800">
            {t("recipient")}
          </label>
          <input
            id="to"
            name="to"
            type="email"
            defaultValue={current.to ?? ""}
            maxLength={256}
            className="min-h-10 rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="text-sm font-medium text-slate-800">
            {t("status")}
          </label>
          <select
            id="status"
            name="status"
            defaultValue={current.status ?? ""}
            className="min-h-10 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">{t("any")}</option>
            {mailStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="inline-flex min-h-10 items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark"
        >
          {t("submit")}
        </button>
      </form>
      <FormAlert message={problem} />
      {result && (
        <section aria-labelledby="mail-results" className="flex flex-col gap-3">
          <h2 id="mail-results" className="text-sm font-medium text-slate-700">
            {result.total === 0 ? t("none") : t("showing", { from: result.from, to: result.to, total: result.total })}
          </h2>
          {result.messages.length > 0 && (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("caption")}</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">
                      {t("columns.time")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      {t("columns.recipient")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      {t("columns.subject")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      {t("columns.status")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      {t("columns.origin")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      {t("columns.transport")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.messages.map((m) => (
                    <tr key={m.id} className="border-b border-slate-100 last:border-0">
                      <td className="px-4 py-2 whitespace-nowrap tabular-nums">
                        <DateTime iso={m.createdAt} />
                      </td>
                      <td className="px-4 py-2 break-all">{m.toAddress}</td>
                      <td className="px-4 py-2">
                        <Link href={`/admin/mail/${m.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
                          {m.subject || m.template}
                        </Link>
                        <div className="text-xs text-slate-600">{m.template}</div>
                      </td>
                      <td className="px-4 py-2">
                        {m.status === "sent" ? (
                          <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">{t("statuses.sent")}</span>
                        ) : (
                          <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900" title={m.error ?? undefined}>
                            {t("statuses.failed")}
                          </span>
                        )}
                      </td>
                      <td className="px-4 py-2">
                        {m.origin} · {m.language}
                      </td>
                      <td className="px-4 py-2">{m.transport}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager prevCursor={result.prevCursor} nextCursor={result.nextCursor} href={link} order="log" />
        </section>
      )}
    </div>
  );
}
