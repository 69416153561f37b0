import { useTranslations } from "next-intl";

/** While a portal page loads: the shape of a page, announced as busy. */
export default function Loading() {
  const t = useTranslations("AccountLoading");
  return (
    <div className="flex flex-col gap-6" aria-busy="true" aria-live="polite">
      <p className="sr-only">{t("loading")}</p>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-56 animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}
