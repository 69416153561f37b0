"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useSingleFlight } from "@/components/use-single-flight";
import { useForm, useWatch } from "react-hook-form";
import { callApi, useDescribeFailure, type ApiFailure, type DescribeFailure } from "@/components/api-client";
import { fieldFailure } from "@/components/account/api-errors";
import { NewPasswordField } from "@/components/account/new-password-field";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { resetWithLinkBody, type ResetWithLinkBody } from "@/lib/password-reset/schemas";

type LinkCode = "LINK_NOT_FOUND" | "LINK_EXPIRED" | "LINK_ALREADY_USED";

const linkMessages: Record<LinkCode, string> = {
  LINK_NOT_FOUND: "This link is not valid. Check that you opened the whole link from the email.",
  LINK_EXPIRED: "This link has expired. Request a new one.",
  LINK_ALREADY_USED: "This link has already been used. Request a new one if you still need to reset your password.",
};

const isLinkCode = (code: ApiFailure["code"]): code is LinkCode => Object.hasOwn(linkMessages, code);

function message(error: ApiFailure, describeFailure: DescribeFailure): string {
  // the API names the field ("newPassword is too common: …"); the form calls it "Password"
  const field = fieldFailure(error, ["newPassword"] as const);
  if (field) return `Password ${field.message}`;
  return isLinkCode(error.code) ? linkMessages[error.code] : describeFailure(error);
}

/**
 * Sets a new password with the token from a reset link. Validates with the route's own schema
 * (`POST /v1/auth/reset-password`) and submits to that route: there is no other path.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const describeFailure = useDescribeFailure();
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

  const resetOnce = useSingleFlight(async (values: ResetWithLinkBody) => {
    setFailure(null);
    const result = await callApi((api) => api.POST("/v1/auth/reset-password", { body: values }));
    if (result.ok) {
      setDone(true);
      return;
    }
    if (isLinkCode(result.error.code)) setLinkDead(true);
    setFailure(message(result.error, describeFailure));
  });
  const onSubmit = handleSubmit(resetOnce);

  if (done) {
    return (
      <div className="flex flex-col gap-4">
        <FormAlert tone="success" message="Your password has been changed. Every device that was signed in has been signed out." />
        <Link href="/login" className="font-medium text-brand hover:underline">
          Sign in with your new password
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <input type="hidden" {...register("token")} />
      <NewPasswordField
        registration={register("newPassword")}
        value={password}
        error={errors.newPassword?.message && `Password ${errors.newPassword.message}`}
      />
      {errors.token?.message && <FormAlert message={linkMessages.LINK_NOT_FOUND} />}
      <FormAlert message={failure} />
      {linkDead ? (
        <Link href="/forgot-password" className="mt-2 font-medium text-brand hover:underline">
          Request a new link
        </Link>
      ) : (
        <Button type="submit" pending={isSubmitting} className="mt-2 w-full">
          {isSubmitting ? "Saving…" : "Set new password"}
        </Button>
      )}
    </form>
  );
}
