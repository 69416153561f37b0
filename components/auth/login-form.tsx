"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { loginBody, type LoginBody } from "@/lib/auth/schemas";
import { completeSignIn } from "@/app/(auth)/login/actions";
import { callApi, describeFailure } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useSingleFlight } from "@/components/use-single-flight";

export function LoginForm() {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginBody>({ resolver: zodResolver(loginBody), shouldFocusError: true });

  const signInOnce = useSingleFlight(async (values: LoginBody) => {
    setFailure(null);
    const result = await callApi<string>("/auth/login", { body: values, text: true });
    if (!result.ok) {
      setFailure(result.error.code === "2FA_REQUIRED" ? "This account uses two-factor authentication." : describeFailure(result.error));
      return;
    }
    if (!(await completeSignIn(result.data)).ok) {
      setFailure("Signing in failed. Please try again.");
      return;
    }
    router.replace("/account");
    router.refresh();
  });
  const onSubmit = handleSubmit(signInOnce);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <TextField label="Email" type="email" autoComplete="username" {...register("username")} error={errors.username?.message && `Email ${errors.username.message}`} />
      <TextField label="Password" type="password" autoComplete="current-password" {...register("password")} error={errors.password?.message && `Password ${errors.password.message}`} />
      <FormAlert message={failure} />
      <Button type="submit" pending={isSubmitting} className="mt-2 w-full">
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
