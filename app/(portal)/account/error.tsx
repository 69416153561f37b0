"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/** A portal page failed to render: say so plainly and offer a retry (the details went to the server log). */
export default function AccountError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("AccountError");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="alert" className="flex flex-col gap-4 rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 ref={heading} tabIndex={-1} className="text-xl font-semibold text-red-900 outline-none">
        {t("title")}
      </h1>
      <p className="text-sm text-red-900">{error.digest ? t("bodyWithReference", { reference: error.digest }) : t("body")}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={reset}>
          {t("retry")}
        </Button>
        <Link
          href="/account"
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium"
        >
          {t("back")}
        </Link>
      </div>
    </div>
  );
}
