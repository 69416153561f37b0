import { useTranslations } from "next-intl";

export function StatusBadge({ on }: { on: boolean }) {
  const t = useTranslations("StatusBadge");
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ${on ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}
    >
      {on ? t("on") : t("off")}
    </span>
  );
}
