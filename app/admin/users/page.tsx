import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/app/guards";
import { CreateAccount } from "@/components/admin/create-account";
import { formatDate, formatNumber } from "@/components/admin/format";
import { Pager } from "@/components/admin/pager";
import { FormAlert } from "@/components/ui/form-alert";
import { userFilters, userListQuery, type UserFilter, type UserListResponse } from "@/lib/admin/schemas";
import { listUsers } from "@/lib/admin/users";
import { ApiError } from "@/lib/errors";

export const metadata: Metadata = { title: "Accounts" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const filterLabels: Record<UserFilter, string> = {
  "2fa-on": "2FA on",
  "2fa-off": "2FA off",
  locked: "Locked",
  admin: "Administrators",
};

const sortLabels = {
  email: "Email A → Z",
  "-email": "Email Z → A",
  "-created": "Newest first",
  created: "Oldest first",
} as const;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const many = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? value.split(",") : []);

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const params = await searchParams;
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
  if (!parsed.success) problem = `The search could not be read (${parsed.error.issues[0].path.join(".")}): start again.`;
  else {
    try {
      result = await listUsers(parsed.data);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      problem = "That page link no longer fits this search: start again.";
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
        <h1 className="text-2xl font-semibold">Accounts</h1>
        <CreateAccount />
      </div>

      <form
        method="get"
        action="/admin/users"
        role="search"
        aria-label="Find accounts"
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-[16rem] flex-1 flex-col gap-1">
            <label htmlFor="query" className="text-sm font-medium text-slate-800">
              Email
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
              Match
            </label>
            <select
              id="match"
              name="match"
              defaultValue={current.match}
              className="min-h-10 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              <option value="prefix">Start of the address (fast)</option>
              <option value="contains">Anywhere in the address (slower)</option>
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="sort" className="text-sm font-medium text-slate-800">
              Sort
            </label>
            <select
              id="sort"
              name="sort"
              defaultValue={current.sort}
              className="min-h-10 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              {Object.entries(sortLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="inline-flex min-h-10 items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark"
          >
            Search
          </button>
        </div>
        <p id="query-hint" className="text-xs text-slate-600">
          Searches match the start of the email address by default, which stays fast on any number of accounts. “Anywhere in the address”
          reads every account and is slower on large directories. Case does not matter.
        </p>
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">Show only (all that are ticked)</legend>
          {userFilters.map((filter) => (
            <label key={filter} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="filter" value={filter} defaultChecked={current.filter.includes(filter)} />
              {filterLabels[filter]}
            </label>
          ))}
        </fieldset>
      </form>

      <FormAlert message={problem} />

      {result && (
        <section aria-labelledby="results-heading" className="flex flex-col gap-3">
          <h2 id="results-heading" className="text-sm font-medium text-slate-700" aria-live="polite">
            {result.total === 0
              ? "No accounts match."
              : `Showing ${formatNumber(result.from)}–${formatNumber(result.to)} of ${formatNumber(result.total)} accounts`}
          </h2>
          {result.users.length > 0 && (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Accounts</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Email
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Role
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Two-factor
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Status
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Created
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.users.map((user) => {
                    const methods = [user.twoFactor.totp && "Authenticator", user.twoFactor.emailOtp && "Email codes"]
                      .filter(Boolean)
                      .join(", ");
                    return (
                      <tr key={user.id} className="border-b border-slate-100 last:border-0">
                        <td className="px-4 py-2">
                          <Link href={`/admin/users/${user.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
                            {user.email}
                          </Link>
                        </td>
                        <td className="px-4 py-2">
                          {user.role === "admin" ? (
                            <span className="rounded bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-900">Administrator</span>
                          ) : (
                            "User"
                          )}
                        </td>
                        <td className="px-4 py-2">{methods || <span className="text-slate-600">Off</span>}</td>
                        <td className="px-4 py-2">
                          {user.lockedAt ? (
                            <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">Locked</span>
                          ) : (
                            "Active"
                          )}
                        </td>
                        <td className="px-4 py-2 tabular-nums">{formatDate(user.createdAt)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <Pager prevCursor={result.prevCursor} nextCursor={result.nextCursor} href={link} />
        </section>
      )}
    </div>
  );
}
