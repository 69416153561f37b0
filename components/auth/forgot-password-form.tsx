"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { callApi, useDescribeFailure } from "@/components/api-client";
import { fieldFailure } from "@/components/account/api-errors";
import { NewPasswordField } from "@/components/account/new-password-field";
import { Button } from "@/components/ui/button";
import { useFieldError } from "@/components/i18n/field-error";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/text-field";
import { useSingleFlight } from "@/components/use-single-flight";
import { useCodeMail, type CodeMail } from "@/components/wizards/code-mail";
import { CodeStep } from "@/components/wizards/code-step";
import { WizardSteps } from "@/components/wizards/wizard-steps";
import { otpSchema, resetSendBody, resetWithOtpBody, type ResetSendBody } from "@/lib/password-reset/schemas";

// Forgot password, by code (docs/api.md §4 #16–#18): the address → the 6-digit code from the email →
// a new password. Each step validates with the route's own schema before anything is sent.

/** "done" comes after the last: every step is then finished */
const steps = ["email", "code", "password", "done"] as const;
type Step = (typeof steps)[number];
/** the steps the progress names */
const namedSteps = ["email", "code", "password"] as const satisfies readonly Step[];

const passwordForm = resetWithOtpBody.pick({ newPassword: true });
type PasswordForm = z.infer<typeof passwordForm>;

/** One reset mail per 60 s per address (docs/api.md §5). */
const RESEND_SECONDS = 60;

export function ForgotPasswordForm() {
  const t = useTranslations("ForgotPasswordForm");
  const [step, setStep] = useState<Step>("email");
  const [email, setEmail] = useState("");
  const [otp, setOtp] = useState("");
  const [codeNotice, setCodeNotice] = useState<string | null>(null);
  const mail = useCodeMail((to) => callApi((api) => api.POST("/user/password/reset/send", { body: { email: to } })), {
    intervalSeconds: RESEND_SECONDS,
  });
  const heading = useRef<HTMLHeadingElement>(null);

  // each step announces itself: focus moves to its heading
  useEffect(() => {
    if (step !== "email") heading.current?.focus();
  }, [step]);

  return (
    <div className="flex flex-col gap-4">
      <WizardSteps steps={namedSteps.map((s) => t(`steps.${s}`))} current={steps.indexOf(step)} />
      {step === "email" && (
        <EmailStep
          defaultEmail={email}
          mail={mail}
          onSent={(address) => {
            setEmail(address);
            setStep("code");
          }}
        />
      )}
      {step === "code" && (
        <>
          <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
            {t("enterCode")}
          </h2>
          <CodeStep
            compact
            label={t("codeLabel")}
            wrongCode={{ code: "OTP_INVALID_EXPIRED", message: t("wrongCode") }}
            codeSchema={otpSchema}
            submitLabel={t("continue")}
            notice={codeNotice}
            confirm={(code) => callApi((api) => api.POST("/user/password/reset/validate", { body: { email, otp: code } }))}
            onConfirmed={(_, code) => {
              setOtp(code);
              setStep("password");
            }}
            resend={{ to: email, mail, onChangeAddress: () => setStep("email") }}
          >
            <p className="text-sm text-slate-700">
              {t.rich("codeSent", { email, address: (chunks) => <strong className="break-all">{chunks}</strong> })}
            </p>
          </CodeStep>
        </>
      )}
      {step === "password" && (
        <>
          <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
            {t("chooseNew")}
          </h2>
          <PasswordStep
            email={email}
            otp={otp}
            onDone={() => setStep("done")}
            onCodeDead={() => {
              setCodeNotice(t("codeDead"));
              setStep("code");
            }}
          />
        </>
      )}
      {step === "done" && (
        <>
          <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
            {t("changed")}
          </h2>
          <p role="status" className="text-sm text-slate-700">
            {t("changedText")}
          </p>
          <Link href="/login" className="font-medium text-brand hover:underline">
            {t("signInWithNew")}
          </Link>
        </>
      )}
    </div>
  );
}

function EmailStep({ defaultEmail, mail, onSent }: { defaultEmail: string; mail: CodeMail; onSent: (email: string) => void }) {
  const t = useTranslations("ForgotPasswordForm");
  const [failure, setFailure] = useState<string | null>(null);
  const describeFailure = useDescribeFailure();
  const describeFieldError = useFieldError();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ResetSendBody>({ resolver: zodResolver(resetSendBody), defaultValues: { email: defaultEmail }, shouldFocusError: true });

  const send = useSingleFlight(async ({ email }: ResetSendBody) => {
    setFailure(null);
    const result = await mail.send(email);
    // a 429: a code went out less than a minute ago; it is still good, so go on (the resend counts down)
    if (result.ok || result.error.status === 429) return onSent(email);
    setFailure(describeFailure(result.error));
  });

  return (
    <form onSubmit={handleSubmit(send)} noValidate className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">{t("emailIntro")}</p>
      <TextField
        label={t("email")}
        type="email"
        autoComplete="username"
        {...register("email")}
        error={describeFieldError(errors.email, t("email"))}
      />
      <FormActions message={failure}>
        <Button type="submit" pending={isSubmitting} className="w-full">
          {isSubmitting ? t("sending") : t("sendCode")}
        </Button>
      </FormActions>
      <Link href="/login" className="mt-3 self-center text-sm font-medium text-brand hover:underline">
        {t("backToSignIn")}
      </Link>
    </form>
  );
}

function PasswordStep({ email, otp, onDone, onCodeDead }: { email: string; otp: string; onDone: () => void; onCodeDead: () => void }) {
  const t = useTranslations("ForgotPasswordForm");
  const [failure, setFailure] = useState<string | null>(null);
  const describeFailure = useDescribeFailure();
  const describeFieldError = useFieldError();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<PasswordForm>({ resolver: zodResolver(passwordForm), defaultValues: { newPassword: "" }, shouldFocusError: true });
  const password = useWatch({ control, name: "newPassword" }) ?? "";

  const save = useSingleFlight(async ({ newPassword }: PasswordForm) => {
    setFailure(null);
    const result = await callApi((api) => api.PUT("/user/password/otp", { body: { userEmail: email, otp, newPassword } }));
    if (result.ok) return onDone();
    const field = fieldFailure(result.error, ["newPassword"] as const);
    if (field) {
      // the API's rule ("is too common: …"), worded in the page's language like the schema's
      setError("newPassword", { type: "api", message: field.message }, { shouldFocus: true });
      return;
    }
    if (result.error.code === "OTP_INVALID_EXPIRED") return onCodeDead();
    setFailure(describeFailure(result.error));
  });

  return (
    <form onSubmit={handleSubmit(save)} noValidate className="flex flex-col gap-2">
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordField
        label={t("newPassword")}
        registration={register("newPassword")}
        value={password}
        error={describeFieldError(errors.newPassword, t("password"))}
      />
      <FormActions message={failure}>
        <Button type="submit" pending={isSubmitting} className="w-full">
          {isSubmitting ? t("saving") : t("setNewPassword")}
        </Button>
      </FormActions>
    </form>
  );
}
