import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NotFound");
  return { title: t("title"), robots: { index: false } };
}

/**
 * Every unknown address, and the admin dashboard for someone who is no administrator (it answers
 * 404 so that it does not reveal itself). "Home" is the account page, which sends a signed-out
 * person on to the sign-in page.
 */
export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <AuthShell title={t("title")}>
      <p className="mb-6 text-slate-700">{t("body")}</p>
      <Link href="/account" className="font-medium text-brand hover:underline">
        {t("home")}
      </Link>
    </AuthShell>
  );
}
