import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { LoginForm } from "@/components/auth/login-form";
import { currentPortalSession } from "@/lib/browser-session";
import { returnPath } from "@/lib/browser-session/return-path";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("LoginPage");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next, reason } = await searchParams;
  const returnTo = returnPath(next);
  if (await currentPortalSession()) redirect(returnTo);
  const t = await getTranslations("LoginPage");
  return (
    <AuthShell title={t("title")}>
      <LoginForm returnTo={returnTo} signedOutElsewhere={reason === "ended"} />
    </AuthShell>
  );
}
