"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSingleFlight } from "@/components/use-single-flight";
import { useForm } from "react-hook-form";
import { callApi, useDescribeFailure, type ApiFailure, type FailureTexts } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { undoEmailChangeBody, type UndoEmailChangeBody } from "@/lib/email-transfer/schemas";

/** The answers this page words itself (messages/<lang>/auth.json, UndoEmailChangeForm.codes). */
const OWN_CODES = [
  "LINK_NOT_FOUND",
  "LINK_EXPIRED",
  "LINK_ALREADY_USED",
  "OLD_EMAIL_ALREADY_IN_USE",
] as const satisfies readonly ApiFailure["code"][];

/**
 * Confirms the undo with a button (never on page load: mail scanners open links) and submits to
 * `POST /v1/auth/undo-email-change`, validated with that route's schema.
 */
export function UndoEmailChangeForm({ token, oldEmail }: { token: string; oldEmail: string }) {
  const t = useTranslations("UndoEmailChangeForm");
  const describeFailure = useDescribeFailure();
  const messages: FailureTexts = Object.fromEntries(OWN_CODES.map((code) => [code, t(`codes.${code}`)]));
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { isSubmitting },
  } = useForm<UndoEmailChangeBody>({ resolver: zodResolver(undoEmailChangeBody), defaultValues: { token } });

  const undoOnce = useSingleFlight(async (values: UndoEmailChangeBody) => {
    setFailure(null);
    const result = await callApi((api) => api.POST("/v1/auth/undo-email-change", { body: values }));
    if (result.ok) setDone(true);
    else setFailure(describeFailure(result.error, messages));
  });
  const onSubmit = handleSubmit(undoOnce, () => setFailure(t("codes.LINK_NOT_FOUND")));

  if (done) {
    return <FormAlert tone="success" message={t("done", { oldEmail })} />;
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <input type="hidden" {...register("token")} />
      <FormAlert message={failure} />
      <Button type="submit" variant="danger" pending={isSubmitting} className="w-full">
        {isSubmitting ? t("restoring") : t("restore", { oldEmail })}
      </Button>
    </form>
  );
}
