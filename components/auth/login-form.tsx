"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { loginBody, type LoginBody } from "@/lib/auth/schemas";
import { completeSignIn } from "@/lib/browser-session/actions";
import { callApi, describeFailure } from "@/components/api-client";
import { SecondFactorStep, type Method } from "@/components/auth/second-factor-step";
import { useCountdown } from "@/components/use-countdown";
import { Button } from "@/components/ui/button";
import { FormAlert, TryAgainIn } from "@/components/ui/form-alert";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { useSingleFlight } from "@/components/use-single-flight";

const WAIT_ENDED = "You can try again now.";

export function LoginForm() {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const [secondStep, setSecondStep] = useState<{ partialToken: string; methods: Method[] } | null>(null);
  const wait = useCountdown(blockedUntil);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginBody>({ resolver: zodResolver(loginBody), shouldFocusError: true });

  const signInOnce = useSingleFlight(async (values: LoginBody) => {
    setFailure(null);
    const result = await callApi((api) => api.POST("/auth/login", { body: values }));
    if (!result.ok) {
      const { code, partialToken, methods, status, retryAfter } = result.error;
      if (code === "2FA_REQUIRED" && partialToken && methods?.length) setSecondStep({ partialToken, methods });
      else if (status === 429) {
        setBlockedUntil(Date.now() + (retryAfter ?? 1) * 1000);
        // shown once the countdown ends, so even a one-second wait leaves a message until the next try
        setFailure(WAIT_ENDED);
      } else setFailure(describeFailure(result.error));
      return;
    }
    await finish(result.data);
  });
  const onSubmit = handleSubmit(signInOnce);

  async function finish(refreshToken: string) {
    if (!(await completeSignIn(refreshToken)).ok) {
      setFailure("Signing in failed. Please try again.");
      setSecondStep(null);
      return;
    }
    router.replace("/account");
    router.refresh();
  }

  if (secondStep)
    return (
      <div className="flex flex-col gap-4">
        <SecondFactorStep {...secondStep} onDone={finish} />
        <Button type="button" variant="ghost" className="self-start px-0" onClick={() => setSecondStep(null)}>
          Start again
        </Button>
      </div>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        {...register("username")}
        error={errors.username?.message && `Email ${errors.username.message}`}
      />
      <PasswordField
        label="Password"
        autoComplete="current-password"
        {...register("password")}
        error={errors.password?.message && `Password ${errors.password.message}`}
      />
      <FormAlert message={wait > 0 ? <TryAgainIn seconds={wait} /> : failure} />
      <Button type="submit" pending={isSubmitting} disabled={wait > 0} className="mt-2 w-full">
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
      <Link href="/forgot-password" className="mt-3 self-center text-sm font-medium text-brand hover:underline">
        Forgot your password?
      </Link>
    </form>
  );
}
