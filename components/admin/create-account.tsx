"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createUserBody, type CreateUserBody } from "@/lib/admin/schemas";
import { callApi, describeFailure } from "@/components/api-client";
import { Modal, useStepUp } from "@/components/step-up";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useSingleFlight } from "@/components/use-single-flight";

/**
 * "Create account": an address, a confirmation, the administrator's step-up, then
 * POST /admin/users. The new account has no password; its holder gets a set-password link.
 */
export function CreateAccount() {
  const router = useRouter();
  const { withSudo } = useStepUp();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserBody>({ resolver: zodResolver(createUserBody), shouldFocusError: true });

  const create = useSingleFlight(async (values: CreateUserBody) => {
    setFailure(null);
    const result = await withSudo((token) => callApi((api) => api.POST("/admin/users", { body: values }), token), {
      reason: `Create an account for ${values.email}`,
    });
    if (result === null) return;
    if (!result.ok) {
      setFailure(
        result.error.code === "EMAIL_ALREADY_IN_USE" ? "An account with this address already exists." : describeFailure(result.error),
      );
      return;
    }
    setOpen(false);
    reset();
    const notice = result.data.setupLinkSent ? "created" : "created-no-mail";
    router.push(`/admin/users/${result.data.user.id}?notice=${notice}`);
  });

  return (
    <>
      <Button type="button" onClick={() => setOpen(true)}>
        Create account
      </Button>
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title="Create an account"
        description="The account starts without a password. Its holder gets a mail with a link to choose one (valid 24 hours)."
      >
        <form onSubmit={handleSubmit(create)} noValidate className="flex flex-col gap-2">
          <TextField
            label="Email address"
            type="email"
            autoComplete="off"
            {...register("email")}
            error={errors.email?.message && `Email ${errors.email.message}`}
          />
          <FormAlert message={failure} />
          <div className="mt-2 flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={isSubmitting}>
              {isSubmitting ? "Creating…" : "Create account"}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
