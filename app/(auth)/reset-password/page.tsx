import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { ResetPasswordForm } from "@/components/password/reset-password-form";
import { inspectPasswordResetLink } from "@/lib/password-reset";

// The page a reset link opens (docs/api.md §4 #22). The token stays out of Referer headers and indexes.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ResetPasswordPage");
  return { title: t("metaTitle"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const [{ state, firstPassword }, t] = await Promise.all([
    value ? inspectPasswordResetLink(value) : ({ state: "unknown", firstPassword: false } as const),
    getTranslations("ResetPasswordPage"),
  ]);

  if (state !== "valid") {
    return (
      <AuthShell title={t(`dead.${state}.title`)}>
        <p className="mb-6 text-sm text-slate-700" data-testid="reset-link-state" data-state={state}>
          {t(`dead.${state}.text`)}
        </p>
        <Link href="/forgot-password" className="font-medium text-brand hover:underline">
          {t("requestNewLink")}
        </Link>
      </AuthShell>
    );
  }

  // a first password (an account set up for the person) is welcomed rather than reset
  const kind = firstPassword ? "welcome" : "reset";
  return (
    <AuthShell title={t(`${kind}.title`)}>
      <p className="mb-4 text-sm text-slate-700" data-testid="reset-link-state" data-state="valid">
        {t(`${kind}.text`)}
      </p>
      <ResetPasswordForm token={value} />
    </AuthShell>
  );
}
