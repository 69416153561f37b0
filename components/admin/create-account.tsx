"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createUserBody, type CreateUserBody } from "@/lib/admin/schemas";
import { callApi, useDescribeFailure } from "@/components/api-client";
import { Modal, useStepUp } from "@/components/step-up";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useAccessToken } from "@/components/use-access-token";
import { useSingleFlight } from "@/components/use-single-flight";

const texts = {
  open: "Create account",
  title: "Create an account",
  description: "The account starts without a password. Its holder gets a mail with a link to choose one (valid 24 hours).",
  email: "Email address",
  emailError: (message: string) => `Email ${message}`,
  taken: "An account with this address already exists.",
  reason: (email: string) => `Create an account for ${email}`,
  cancel: "Cancel",
  submit: "Create account",
  submitting: "Creating…",
};

/**
 * "Create account": an address, then the administrator's step-up, then POST /admin/users. The new
 * account has no password; its holder gets a set-password link. A taken address is asked about
 * first (POST /admin/users/availability, with the access token): it is said at once, not after a
 * second factor that could not help. A message about the last try goes as soon as the address
 * changes or the form is sent again, so it never stands beside a new one.
 */
export function CreateAccount() {
  const router = useRouter();
  const { withSudo } = useStepUp();
  const describeFailure = useDescribeFailure();
  const getAccessToken = useAccessToken();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserBody>({ resolver: zodResolver(createUserBody), shouldFocusError: true });

  const refuse = (message: string) => {
    setFailure(message);
    setFocus("email");
  };

  const create = useSingleFlight(async (values: CreateUserBody) => {
    const check = await callApi((api) => api.POST("/admin/users/availability", { body: values }), await getAccessToken());
    if (!check.ok) return refuse(describeFailure(check.error));
    if (!check.data.available) return refuse(texts.taken);
    const result = await withSudo((token) => callApi((api) => api.POST("/admin/users", { body: values }), token), {
      reason: texts.reason(values.email),
    });
    if (result === null) return;
    if (!result.ok) return refuse(describeFailure(result.error, { EMAIL_ALREADY_IN_USE: texts.taken }));
    setOpen(false);
    reset();
    const notice = result.data.setupLinkSent ? "created" : "created-no-mail";
    router.push(`/admin/users/${result.data.user.id}?notice=${notice}`);
  });

  return (
    <>
      <Button
        type="button"
        onClick={() => {
          setFailure(null);
          setOpen(true);
        }}
      >
        {texts.open}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={texts.title} description={texts.description}>
        <form
          onSubmit={(event) => {
            setFailure(null); // before validation: a new field error must not meet the last answer
            void handleSubmit(create)(event);
          }}
          noValidate
          className="flex flex-col gap-2"
        >
          <TextField
            label={texts.email}
            type="email"
            autoComplete="off"
            {...register("email", { onChange: () => setFailure(null) })}
            error={errors.email?.message && texts.emailError(errors.email.message)}
          />
          <FormAlert message={failure} />
          <div className="mt-2 flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {texts.cancel}
            </Button>
            <Button type="submit" pending={isSubmitting}>
              {isSubmitting ? texts.submitting : texts.submit}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
