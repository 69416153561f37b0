import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireAdminPage } from "@/app/guards";
import { CreateAccount } from "@/components/admin/create-account";
import { DateTime } from "@/components/admin/date-time";
import { Pager } from "@/components/admin/pager";
import { FormAlert } from "@/components/ui/form-alert";
import { matchModes, userFilters, userListQuery, userSorts, type UserListResponse } from "@/lib/admin/schemas";
import { listUsers } from "@/lib/admin/users";
import { ApiError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AccountsPage");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The sort menu's order: by address both ways, then by age, newest first. */
const sortMenu = ["email", "-email", "-created", "created"] as const satisfies readonly (typeof userSorts)[number][];

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const many = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? value.split(",") : []);

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const [params, t, format] = await Promise.all([searchParams, getTranslations("AccountsPage"), getFormatter()]);
  const raw = {
    query: one(params.query),
    match: one(params.match) || undefined,
    filter: many(params.filter).join(",") || undefined,
    sort: one(params.sort) || undefined,
    cursor: one(params.cursor) || undefined,
  };
  const parsed = userListQuery.safeParse(raw);
  let result: UserListResponse | null = null;
  let problem: string | null = null;
  if (!parsed.success) problem = t("unreadable", { field: parsed.error.issues[0].path.join(".") });
  else {
    try {
      result = await listUsers(parsed.data);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      problem = t("staleCursor");
    }
  }
  const current = parsed.success ? parsed.data : userListQuery.parse({});
  const link = (cursor: string | null) => {
    const search = new URLSearchParams();
    if (current.query) search.set("query", current.query);
    if (current.match !== "prefix") search.set("match", current.match);
    if (current.filter.length) search.set("filter", current.filter.join(","));
    if (current.sort !== "email") search.set("sort", current.sort);
    if (cursor) search.set("cursor", cursor);
    return `/admin/users?${search}`;
  };

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <CreateAccount />
      </div>

      <form
        method="get"
        action="/admin/users"
        role="search"
        aria-label={t("search")}
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-[16rem] flex-1 flex-col gap-1">
            <label htmlFor="query" className="text-sm font-medium text-slate-800">
              {t("email")}
            </label>
            <input
              id="query"
              name="query"
              type="search"
              defaultValue={current.query ?? ""}
              maxLength={256}
              aria-describedby="query-hint"
              className="min-h-10 rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm"
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="match" className="text-sm font-medium text-slate-800">
              {t("match")}
            </label>
            <select
              id="match"
              name="match"
              defaultValue={current.match}
              className="min-h-10 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              {matchModes.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`matchModes.${mode}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="sort" className="text-sm font-medium text-slate-800">
              {t("sort")}
            </label>
            <select
              id="sort"
              name="sort"
              defaultValue={current.sort}
              className="min-h-10 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              {sortMenu.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sorts.${sort}`)}
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
        </div>
        <p id="query-hint" className="text-xs text-slate-600">
          {t("hint")}
        </p>
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("filterLegend")}</legend>
          {userFilters.map((filter) => (
            <label key={filter} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="filter" value={filter} defaultChecked={current.filter.includes(filter)} />
              {t(`filters.${filter}`)}
            </label>
          ))}
        </fieldset>
      </form>

      <FormAlert message={problem} />

      {result && (
        <section aria-labelledby="results-heading" className="flex flex-col gap-3">
          <h2 id="results-heading" className="text-sm font-medium text-slate-700" aria-live="polite">
            {result.total === 0 ? t("none") : t("showing", { from: result.from, to: result.to, total: result.total })}
          </h2>
          {result.users.length > 0 && (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("caption")}</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">
                      {t("columns.email")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      {t("columns.role")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      {t("columns.twoFactor")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      {t("columns.status")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      {t("columns.created")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.users.map((user) => {
                    const { totp, emailOtp, passkeys } = user.twoFactor;
                    const methods = [
                      ...(totp ? [t("methods.totp")] : []),
                      ...(emailOtp ? [t("methods.emailOtp")] : []),
                      ...(passkeys > 0 ? [t("methods.passkeys", { count: passkeys })] : []),
                    ];
                    return (
                      <tr key={user.id} className="border-b border-slate-100 last:border-0">
                        <td className="px-4 py-2">
                          <Link href={`/admin/users/${user.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
                            {user.email}
                          </Link>
                        </td>
                        <td className="px-4 py-2">
                          {user.role === "admin" ? (
                            <span className="rounded bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-900">
                              {t("roles.admin")}
                            </span>
                          ) : (
                            t("roles.user")
                          )}
                        </td>
                        <td className="px-4 py-2">
                          {methods.length > 0 ? (
                            format.list(methods, { type: "unit", style: "short" })
                          ) : (
                            <span className="text-slate-600">{t("off")}</span>
                          )}
                        </td>
                        <td className="px-4 py-2">
                          {user.lockedAt ? (
                            <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">{t("locked")}</span>
                          ) : (
                            t("active")
                          )}
                        </td>
                        <td className="px-4 py-2 tabular-nums">
                          <DateTime iso={user.createdAt} day />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <Pager prevCursor={result.prevCursor} nextCursor={result.nextCursor} href={link} order="directory" />
        </section>
      )}
    </div>
  );
}
