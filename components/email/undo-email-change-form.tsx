"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useSingleFlight } from "@/components/use-single-flight";
import { useForm } from "react-hook-form";
import { callApi, useDescribeFailure, type FailureTexts } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { undoEmailChangeBody, type UndoEmailChangeBody } from "@/lib/email-transfer/schemas";

const messages: FailureTexts & Record<"LINK_NOT_FOUND", string> = {
  LINK_NOT_FOUND: "This link is not valid.",
  LINK_EXPIRED: "This link has expired.",
  LINK_ALREADY_USED: "This link has already been used.",
  OLD_EMAIL_ALREADY_IN_USE: "Another account uses that address now, so it cannot be restored. Contact your administrator.",
};

/**
 * Confirms the undo with a button (never on page load: mail scanners open links) and submits to
 * `POST /v1/auth/undo-email-change`, validated with that route's schema.
 */
export function UndoEmailChangeForm({ token, oldEmail }: { token: string; oldEmail: string }) {
  const describeFailure = useDescribeFailure();
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
  const onSubmit = handleSubmit(undoOnce, () => setFailure(messages.LINK_NOT_FOUND));

  if (done) {
    return (
      <FormAlert
        tone="success"
        message={`Your account uses ${oldEmail} again and every device has been signed out. We have sent a link to ${oldEmail}: use it to set a new password before you sign in.`}
      />
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <input type="hidden" {...register("token")} />
      <FormAlert message={failure} />
      <Button type="submit" variant="danger" pending={isSubmitting} className="w-full">
        {isSubmitting ? "Restoring…" : `Restore ${oldEmail}`}
      </Button>
    </form>
  );
}
