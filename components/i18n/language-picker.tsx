"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useAccessCall } from "@/components/account/use-portal-api";
import { useBrand } from "@/components/brand/brand-context";
import { useHydrated } from "@/components/use-hydrated";
import { chooseLanguage } from "@/lib/i18n/actions";
import { isLanguage, LANGUAGE_NAMES, type Language } from "@/lib/i18n/languages";

/**
 * The page's language, to change. Before sign-in the choice is remembered in this browser (the
 * gatehouse_lang cookie); in the portal it is saved on the account (PUT /user/preferences), which
 * comes first on every device and for mail, and remembered in the browser as well for after
 * signing out. Lists the languages the brand offers.
 */
export function LanguagePicker({ saveTo }: { saveTo: "browser" | "account" }) {
  const t = useTranslations("LanguagePicker");
  const current = useLocale();
  const { languages } = useBrand();
  const call = useAccessCall();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  const id = useId();
  const hydrated = useHydrated();

  function choose(language: Language) {
    setFailed(false);
    startTransition(async () => {
      if (saveTo === "account") {
        const saved = await call((api) => api.PUT("/user/preferences", { body: { language } }));
        if (!saved.ok) return setFailed(true);
      }
      await chooseLanguage(language);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-700">
        {t("label")}
      </label>
      <select
        id={id}
        value={current}
        disabled={!hydrated || pending}
        aria-busy={pending || undefined}
        onChange={(event) => isLanguage(event.target.value) && choose(event.target.value)}
        className="min-h-9 rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-900"
        data-testid="language-picker"
      >
        {languages.filter(isLanguage).map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
      {failed && (
        <p role="alert" className="w-full text-red-700">
          {t("saveFailed")}
        </p>
      )}
    </div>
  );
}
