"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { Button } from "@/components/ui/button";

/** A page that failed while rendering: say so in the portal's look, offer to try again or go home. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("ErrorPage");
  return (
    <AuthShell title={t("title")}>
      <p className="mb-6 text-slate-700">{t("body")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="button" onClick={reset}>
          {t("retry")}
        </Button>
        <Link href="/account" className="font-medium text-brand hover:underline">
          {t("home")}
        </Link>
      </div>
    </AuthShell>
  );
}
