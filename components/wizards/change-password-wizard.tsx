"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useDescribeFailure } from "@/components/api-client";
import { fieldFailure } from "@/components/account/api-errors";
import { TryAgainIn } from "@/components/ui/form-alert";
import { NewPasswordField } from "@/components/account/new-password-field";
import { isCancelled, useSecureCall } from "@/components/account/use-secure-call";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/form-actions";
import { PasswordField } from "@/components/ui/password-field";
import { useFieldError } from "@/components/i18n/field-error";
import { useCountdown } from "@/components/use-countdown";
import { useSingleFlight } from "@/components/use-single-flight";
import { changePasswordBody, type ChangePasswordBody } from "@/lib/password-change/schemas";

/**
 * Change the password knowing the current one: PUT /user/password/old-password (S/A¬2FA: with
 * 2FA on, the person confirms it's them first). Every other session ends; this one stays.
 */
export function ChangePasswordWizard({ email, hasTwoFactor }: { email: string; hasTwoFactor: boolean }) {
  const t = useTranslations("ChangePasswordWizard");
  const call = useSecureCall(hasTwoFactor, t("reason"));
  const describeFailure = useDescribeFailure();
  const describeFieldError = useFieldError();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const wait = useCountdown(blockedUntil);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordBody>({
    resolver: zodResolver(changePasswordBody),
    defaultValues: { oldPassword: "", newPassword: "" },
    shouldFocusError: true,
  });
  const newPassword = useWatch({ control, name: "newPassword" }) ?? "";

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const save = useSingleFlight(async (values: ChangePasswordBody) => {
    setFailure(null);
    const result = await call((api) => api.PUT("/user/password/old-password", { body: values }), "sudo-if-2fa");
    if (result.ok) return setDone(true);
    if (isCancelled(result)) return;
    const { code, status, retryAfter } = result.error;
    const field = fieldFailure(result.error, ["oldPassword", "newPassword"] as const);
    // the API's words for the field ("is too common: …"), under the form's name for it
    if (field) setError(field.field, { type: "validate", message: field.message }, { shouldFocus: true });
    else if (code === "PASSWORD_INCORRECT") setError("oldPassword", { type: "server", message: t("wrongPassword") }, { shouldFocus: true });
    else if (status === 429) {
      setBlockedUntil(Date.now() + (retryAfter ?? 1) * 1000);
      setFocus("oldPassword");
    } else setFailure(describeFailure(result.error));
  });

  if (done) {
    return (
      <div className="flex flex-col gap-3">
        <h2 ref={doneRef} tabIndex={-1} className="text-lg font-semibold outline-none">
          {t("doneHeading")}
        </h2>
        <p role="status" className="text-sm text-slate-700">
          {t("done")}
        </p>
        <Link href="/account" className="font-medium text-brand hover:underline">
          {t("back")}
        </Link>
      </div>
    );
  }

  const message = (field: "oldPassword" | "newPassword", name: string) => describeFieldError(errors[field], name);

  return (
    <form onSubmit={handleSubmit(save)} noValidate className="flex max-w-md flex-col gap-2">
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <PasswordField
        label={t("currentPassword")}
        autoComplete="current-password"
        {...register("oldPassword")}
        error={message("oldPassword", t("currentPassword"))}
      />
      <NewPasswordField
        label={t("newPassword")}
        registration={register("newPassword")}
        value={newPassword}
        error={message("newPassword", t("newPassword"))}
      />
      {hasTwoFactor && <p className="text-xs text-slate-600">{t("confirmNotice")}</p>}
      <FormActions message={wait > 0 ? <TryAgainIn seconds={wait} /> : failure}>
        <Button type="submit" pending={isSubmitting} disabled={wait > 0}>
          {isSubmitting ? t("saving") : t("submit")}
        </Button>
      </FormActions>
    </form>
  );
}
