"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { loginBody, type LoginBody } from "@/lib/auth/schemas";
import { completeSignIn } from "@/lib/browser-session/actions";
import { callApi, useDescribeFailure, type ApiFailure } from "@/components/api-client";
import {
  signInWithPasskey,
  useDescribePasskeyFailure,
  usePasskeyAutofill,
  type PasskeySignInResult,
} from "@/components/auth/passkey-sign-in";
import { SecondFactorStep, type Method } from "@/components/auth/second-factor-step";
import { cancelPasskeyRequest, passkeysSupported } from "@/components/passkeys/webauthn";
import { useCountdown } from "@/components/use-countdown";
import { Button } from "@/components/ui/button";
import { FormAlert, TryAgainIn } from "@/components/ui/form-alert";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { useFieldError } from "@/components/i18n/field-error";
import { useSingleFlight } from "@/components/use-single-flight";

/** Which field a failure is about: the person's eyes (and the focus) go there. */
const fieldOfFailure: Partial<Record<ApiFailure["code"], keyof LoginBody>> = {
  PASSWORD_INCORRECT: "password",
  NO_PASSWORD_INFO: "password",
};

export function LoginForm({ returnTo, signedOutElsewhere = false }: { returnTo: string; signedOutElsewhere?: boolean }) {
  const router = useRouter();
  const t = useTranslations("LoginForm");
  const describeFailure = useDescribeFailure();
  const describePasskeyFailure = useDescribePasskeyFailure();
  const [failure, setFailure] = useState<string | null>(null);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const [secondStep, setSecondStep] = useState<{ partialToken: string; methods: Method[]; email: string } | null>(null);
  const wait = useCountdown(blockedUntil);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LoginBody>({ resolver: zodResolver(loginBody), shouldFocusError: true });

  const signInOnce = useSingleFlight(async (values: LoginBody) => {
    setFailure(null);
    cancelPasskeyRequest(); // the person chose the password: the autofill offer ends
    passwordSent.current = true;

    const result = await callApi((api) => api.POST("/auth/login", { body: values }));
    if (!result.ok) {
      const { code, partialToken, methods, status, retryAfter } = result.error;
      const field = fieldOfFailure[code] ?? (status === 400 && isLoginField(result.error.field) ? result.error.field : undefined);
      if (code === "2FA_REQUIRED" && partialToken && methods?.length) setSecondStep({ partialToken, methods, email: values.username });
      else if (field) setError(field, { type: "server", message: describeFailure(result.error) }, { shouldFocus: true });
      else if (status === 429) {
        setBlockedUntil(Date.now() + (retryAfter ?? 1) * 1000);
        // shown once the countdown ends, so even a one-second wait leaves a message until the next try
        setFailure(t("waitEnded"));
        setFocus("password");
      } else setFailure(describeFailure(result.error));
      return;
    }
    await finish(result.data);
  });
  const onSubmit = handleSubmit(signInOnce);

  const afterPasskey = async (result: PasskeySignInResult) => {
    if (result.ok) return finish(result.refreshToken);
    setFailure(result.message);
  };
  // an autofill answer that arrives once the password was sent is the losing one of the two ways in
  const passwordSent = useRef(false);
  usePasskeyAutofill(!secondStep, (result) => void (passwordSent.current || afterPasskey(result)));
  const [passkeyPending, setPasskeyPending] = useState(false);
  const passkeyOnce = useSingleFlight(async () => {
    setFailure(null);
    setPasskeyPending(true);
    try {
      await afterPasskey(await signInWithPasskey(describePasskeyFailure));
    } finally {
      setPasskeyPending(false);
    }
  });
  const [canUsePasskeys, setCanUsePasskeys] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- what the browser can do is known only here
  useEffect(() => setCanUsePasskeys(passkeysSupported()), []);

  async function finish(refreshToken: string, sudoToken?: string) {
    if (!(await completeSignIn(refreshToken, sudoToken)).ok) {
      setFailure(t("completeFailed"));
      setSecondStep(null);
      return;
    }
    router.replace(returnTo);
    router.refresh();
  }

  // a server-side message is the whole sentence; the schema's are completed with the field's name
  const describeFieldError = useFieldError();
  const fieldError = (name: keyof LoginBody, label: string) => describeFieldError(errors[name], label);

  if (secondStep)
    return (
      <div className="flex flex-col gap-4">
        <SecondFactorStep {...secondStep} onDone={finish} />
        <Button type="button" variant="ghost" className="self-start px-0" onClick={() => setSecondStep(null)}>
          {t("startAgain")}
        </Button>
      </div>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      {signedOutElsewhere && <FormAlert message={t("signedOutElsewhere")} tone="info" />}
      <TextField
        label={t("email")}
        type="email"
        autoComplete="username webauthn"
        {...register("username")}
        error={fieldError("username", t("email"))}
      />
      <PasswordField
        label={t("password")}
        autoComplete="current-password"
        {...register("password")}
        error={fieldError("password", t("password"))}
      />
      <FormAlert message={wait > 0 ? <TryAgainIn seconds={wait} /> : failure} />
      <Button type="submit" pending={isSubmitting} disabled={wait > 0} className="mt-2 w-full">
        {isSubmitting ? t("signingIn") : t("signIn")}
      </Button>
      {canUsePasskeys && (
        <Button type="button" variant="secondary" className="w-full" pending={passkeyPending} onClick={() => void passkeyOnce()}>
          {passkeyPending ? t("waitingForPasskey") : t("withPasskey")}
        </Button>
      )}
      <Link href="/forgot-password" className="mt-3 self-center text-sm font-medium text-brand hover:underline">
        {t("forgotPassword")}
      </Link>
    </form>
  );
}

const isLoginField = (field: unknown): field is keyof LoginBody => field === "username" || field === "password";
