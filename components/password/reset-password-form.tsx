"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useSingleFlight } from "@/components/use-single-flight";
import { useForm, useWatch } from "react-hook-form";
import { callApi, useDescribeFailure, type ApiFailure } from "@/components/api-client";
import { fieldFailure } from "@/components/account/api-errors";
import { NewPasswordField } from "@/components/account/new-password-field";
import { useFieldError } from "@/components/i18n/field-error";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { resetWithLinkBody, type ResetWithLinkBody } from "@/lib/password-reset/schemas";

/** The answers about the link itself (messages/<lang>/auth.json, ResetPasswordForm.links). */
const LINK_CODES = ["LINK_NOT_FOUND", "LINK_EXPIRED", "LINK_ALREADY_USED"] as const satisfies readonly ApiFailure["code"][];
type LinkCode = (typeof LINK_CODES)[number];

const isLinkCode = (code: ApiFailure["code"]): code is LinkCode => (LINK_CODES as readonly string[]).includes(code);

/**
 * Sets a new password with the token from a reset link. Validates with the route's own schema
 * (`POST /v1/auth/reset-password`) and submits to that route: there is no other path.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("ResetPasswordForm");
  const describeFailure = useDescribeFailure();
  const describeFieldError = useFieldError();
  const [failure, setFailure] = useState<string | null>(null);
  const [linkDead, setLinkDead] = useState(false);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ResetWithLinkBody>({
    resolver: zodResolver(resetWithLinkBody),
    defaultValues: { token, newPassword: "" },
    shouldFocusError: true,
  });
  const password = useWatch({ control, name: "newPassword" }) ?? "";

  function message(error: ApiFailure): string {
    // the API names the field ("newPassword is too common: …"); the form calls it "Password"
    const field = fieldFailure(error, ["newPassword"] as const);
    if (field) return describeFieldError({ message: field.message }, t("password")) ?? describeFailure(error);
    return isLinkCode(error.code) ? t(`links.${error.code}`) : describeFailure(error);
  }

  const resetOnce = useSingleFlight(async (values: ResetWithLinkBody) => {
    setFailure(null);
    const result = await callApi((api) => api.POST("/v1/auth/reset-password", { body: values }));
    if (result.ok) {
      setDone(true);
      return;
    }
    if (isLinkCode(result.error.code)) setLinkDead(true);
    setFailure(message(result.error));
  });
  const onSubmit = handleSubmit(resetOnce);

  if (done) {
    return (
      <div className="flex flex-col gap-4">
        <FormAlert tone="success" message={t("done")} />
        <Link href="/login" className="font-medium text-brand hover:underline">
          {t("signInWithNew")}
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <input type="hidden" {...register("token")} />
      <NewPasswordField
        label={t("newPassword")}
        registration={register("newPassword")}
        value={password}
        error={describeFieldError(errors.newPassword, t("password"))}
      />
      {errors.token?.message && <FormAlert message={t("links.LINK_NOT_FOUND")} />}
      <FormAlert message={failure} />
      {linkDead ? (
        <Link href="/forgot-password" className="mt-2 font-medium text-brand hover:underline">
          {t("requestNewLink")}
        </Link>
      ) : (
        <Button type="submit" pending={isSubmitting} className="mt-2 w-full">
          {isSubmitting ? t("saving") : t("setNewPassword")}
        </Button>
      )}
    </form>
  );
}
