"use client";

import { useTranslations } from "next-intl";
import { passwordRules } from "@/lib/passwords/schema";

/** The schema's rules (lib/passwords/schema.ts), by their English label, as the catalogue names them. */
const ruleKeys: Record<(typeof passwordRules)[number]["label"], "length" | "lowercase" | "uppercase" | "digit"> = {
  "8 to 256 characters": "length",
  "a lowercase letter": "lowercase",
  "an uppercase letter": "uppercase",
  "a digit": "digit",
};

/** The password policy, checked live as the person types (the same rules as the schema). */
export function PasswordRules({ password, id }: { password: string; id?: string }) {
  const t = useTranslations("PasswordRules");
  return (
    <ul id={id} className="flex flex-col gap-0.5 text-xs" aria-label={t("label")}>
      {passwordRules.map((rule) => {
        const met = rule.test(password);
        return (
          <li key={rule.label} className={met ? "text-green-800" : "text-slate-600"} data-met={met}>
            <span aria-hidden="true">{met ? "✓" : "○"}</span> {t(`rules.${ruleKeys[rule.label]}`)}
            <span className="sr-only"> {met ? t("met") : t("notMet")}</span>
          </li>
        );
      })}
      <li className="text-slate-600">{t("beyondTheList")}</li>
    </ul>
  );
}
