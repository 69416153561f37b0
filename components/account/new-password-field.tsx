"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { PasswordField } from "@/components/ui/password-field";
import { PasswordRules } from "@/components/password/password-rules";

/** A new password: the policy ticked off live below the field (the reset page's own checklist), and its "Show password" button. */
export function NewPasswordField({
  label,
  registration,
  value,
  error,
}: {
  label?: string;
  registration: UseFormRegisterReturn;
  value: string;
  error?: string;
}) {
  const t = useTranslations("NewPasswordField");
  return (
    <PasswordField
      label={label ?? t("label")}
      autoComplete="new-password"
      {...registration}
      error={error}
      hint={<PasswordRules password={value} />}
    />
  );
}
