import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { SessionList } from "@/components/sessions/session-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SessionsPage");
  return { title: t("title") };
}

export default function SessionsPage() {
  const t = useTranslations("SessionsPage");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      </div>
      <SessionList />
    </div>
  );
}
