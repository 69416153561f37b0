import { useTranslations } from "next-intl";
import Link from "next/link";

/** The frame of a wizard page: a way back, the title, one focused card. */
export function WizardPage({ title, intro, children }: { title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  const t = useTranslations("WizardPage");
  return (
    <div className="flex flex-col gap-4">
      <Link href="/account" className="w-fit text-sm font-medium text-brand hover:underline print:hidden">
        <span aria-hidden="true">← </span>
        {t("back")}
      </Link>
      {/* on paper (the recovery codes), the printed sheet heads itself */}
      <h1 className="text-2xl font-semibold print:hidden">{title}</h1>
      {intro && <div className="text-sm text-slate-700 print:hidden">{intro}</div>}
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">{children}</section>
    </div>
  );
}
