"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createUserBody, type CreateUserBody } from "@/lib/admin/schemas";
import { callApi, useDescribeFailure } from "@/components/api-client";
import { useFieldError } from "@/components/i18n/field-error";
import { Modal, useStepUp } from "@/components/step-up";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useAccessToken } from "@/components/use-access-token";
import { useSingleFlight } from "@/components/use-single-flight";

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
  const t = useTranslations("CreateAccount");
  const describeFailure = useDescribeFailure();
  const fieldError = useFieldError();
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
    if (!check.data.available) return refuse(t("taken"));
    const result = await withSudo((token) => callApi((api) => api.POST("/admin/users", { body: values }), token), {
      reason: t("reason", { email: values.email }),
    });
    if (result === null) return;
    if (!result.ok) return refuse(describeFailure(result.error, { EMAIL_ALREADY_IN_USE: t("taken") }));
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
        {t("open")}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={t("title")} description={t("description")}>
        <form
          onSubmit={(event) => {
            setFailure(null); // before validation: a new field error must not meet the last answer
            void handleSubmit(create)(event);
          }}
          noValidate
          className="flex flex-col gap-2"
        >
          <TextField
            label={t("email")}
            type="email"
            autoComplete="off"
            {...register("email", { onChange: () => setFailure(null) })}
            error={fieldError(errors.email, t("emailField"))}
          />
          <FormAlert message={failure} />
          <div className="mt-2 flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" pending={isSubmitting}>
              {isSubmitting ? t("submitting") : t("submit")}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
