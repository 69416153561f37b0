"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { fieldFailure } from "@/components/account/api-errors";
import { isCancelled } from "@/components/account/use-secure-call";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/form-actions";
import { useFieldError } from "@/components/i18n/field-error";
import { TextField } from "@/components/ui/text-field";
import { useSingleFlight } from "@/components/use-single-flight";
import { useDescribeMailFailure, type CodeMail } from "./code-mail";
import type { FailureTexts } from "@/components/api-client";

export interface AddressStepProps {
  /** above the field: what the address is for */
  children: React.ReactNode;
  label: string;
  /** the field's name in its validation messages ("Address must be a valid email address") */
  noun: string;
  /** the route's own schema for the address, so the form refuses what the API would */
  addressSchema: z.ZodType<string, string>;
  defaultAddress: string;
  /** said when the step opens, e.g. why the person is back here */
  notice?: string | null;
  /** texts by API code for answers about the address itself, said of the field (below the button, so that a long one moves nothing) */
  messages?: FailureTexts;
  mail: CodeMail;
  onSent: (address: string) => void;
}

/**
 * The first step of a wizard that proves an address by mailing a code to it (set up email codes,
 * change the account's address). While a recent code blocks another, the button counts down.
 */
export function AddressStep({
  children,
  label,
  noun,
  addressSchema,
  defaultAddress,
  notice,
  messages = {},
  mail,
  onSent,
}: AddressStepProps) {
  const t = useTranslations("AddressStep");
  const describeMailFailure = useDescribeMailFailure();
  const describeFieldError = useFieldError();
  const [failure, setFailure] = useState<string | null>(notice ?? null);
  /** the API refused the address itself: the failure is about the field */
  const [addressRefused, setAddressRefused] = useState(false);
  const messageId = useId();
  const schema = useMemo(() => z.object({ email: addressSchema }), [addressSchema]);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(schema), defaultValues: { email: defaultAddress }, shouldFocusError: true });

  const submit = useSingleFlight(async ({ email }: { email: string }) => {
    setFailure(null);
    setAddressRefused(false);
    const result = await mail.send(email);
    if (result.ok) return onSent(email);
    if (isCancelled(result)) return;
    const field = fieldFailure(result.error, ["email"] as const);
    if (field) return setError("email", { type: "validate", message: field.message }, { shouldFocus: true });
    const aboutTheAddress = messages[result.error.code];
    setFailure(aboutTheAddress ?? describeMailFailure(result.error));
    setAddressRefused(!!aboutTheAddress);
    setFocus("email");
  });

  // waits only after the one-mail-a-minute rule refused a send, beside the failure that says why; coming back from the code step, the form is not held up
  const waiting = mail.resendIn > 0 && !!failure && !addressRefused;

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="flex flex-col gap-3">
      {children}
      <div className="max-w-md">
        <TextField
          label={label}
          type="email"
          autoComplete="email"
          {...register("email")}
          error={describeFieldError(errors.email, noun)}
          invalidBecause={addressRefused && failure ? messageId : undefined}
        />
      </div>
      <FormActions message={failure} messageId={messageId}>
        <Button type="submit" pending={isSubmitting} disabled={waiting}>
          {isSubmitting ? t("sending") : waiting ? t("sendIn", { seconds: mail.resendIn }) : t("send")}
        </Button>
      </FormActions>
    </form>
  );
}
