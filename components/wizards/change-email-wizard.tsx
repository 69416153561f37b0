"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { describeFailure, type ApiFailure } from "@/components/api-client";
import { fieldFailure } from "@/components/account/api-errors";
import { CodeField } from "@/components/account/code-field";
import { MessageSlot } from "@/components/account/message-slot";
import { isCancelled, useSecureCall } from "@/components/account/use-secure-call";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useCountdown } from "@/components/use-countdown";
import { useSingleFlight } from "@/components/use-single-flight";
import { completeTransferBody, initiateTransferBody, type CompleteTransferBody, type InitiateTransferBody } from "@/lib/email-transfer/schemas";
import { WizardSteps } from "./wizard-steps";

const steps = ["New address", "Confirm the code", "Done"];

const messages: Record<string, string> = {
  NEW_EMAIL_ALREADY_IN_USE: "That address already belongs to an account (perhaps this one). Choose another.",
  FORBIDDEN_MAIL_PROVIDER: "Addresses at disposable mail providers cannot be used.",
};

/**
 * Move the account to a new email address: POST /user/email/initiate mails a code to the new
 * address (S/A¬2FA) → the code to PUT /user/email. From then on, the person signs in with the new
 * address; the old one is told, with a link that undoes the change.
 */
export function ChangeEmailWizard({ currentEmail, hasTwoFactor, codesAddress, resendSeconds }: { currentEmail: string; hasTwoFactor: boolean; codesAddress: string | null; resendSeconds: number }) {
  const router = useRouter();
  const call = useSecureCall(hasTwoFactor, "Change your email address");
  const [step, setStep] = useState(0);
  const [target, setTarget] = useState("");
  // the page refreshes with the new address once it changed: keep the one this started from
  const [oldEmail] = useState(currentEmail);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const resendIn = useCountdown(resendAt);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step === 2) doneRef.current?.focus();
  }, [step]);

  /** Mails a code to the new address; answers null when sent, else the API's failure. */
  const initiate = async (email: string): Promise<ApiFailure | null | "cancelled"> => {
    const result = await call("/user/email/initiate", { body: { email } }, "sudo-if-2fa");
    if (result.ok) {
      setResendAt(Date.now() + resendSeconds * 1000);
      return null;
    }
    if (isCancelled(result)) return "cancelled";
    if (result.error.status === 429) setResendAt(Date.now() + (result.error.retryAfter ?? resendSeconds) * 1000);
    return result.error;
  };

  return (
    <div className="flex flex-col gap-6">
      <WizardSteps steps={steps} current={step} />
      {step === 0 && (
        <AddressStep
          currentEmail={currentEmail}
          defaultAddress={target}
          resendIn={resendIn}
          initiate={initiate}
          onSent={(email) => {
            setTarget(email);
            setStep(1);
          }}
        />
      )}
      {step === 1 && (
        <CodeStep
          target={target}
          resendIn={resendIn}
          initiate={initiate}
          complete={(otp) => call("/user/email", { method: "PUT", body: { otp } }, "access")}
          onChangeAddress={() => setStep(0)}
          onDone={() => {
            setStep(2);
            router.refresh();
          }}
        />
      )}
      {step === 2 && (
        <div className="flex flex-col gap-3">
          <h2 ref={doneRef} tabIndex={-1} className="text-lg font-semibold outline-none">
            Your address has changed
          </h2>
          <p role="status" className="text-sm text-slate-700">
            Your account now uses <strong className="break-all">{target}</strong>. Sign in with it from now on. We told {oldEmail} about the change, with a link
            to undo it in case it was not you.
          </p>
          {codesAddress && (
            <p className="text-sm text-slate-700">
              Sign-in codes still go to <strong className="break-all">{codesAddress}</strong>. You can change that address under email codes.
            </p>
          )}
          <Button type="button" className="self-start" onClick={() => router.push("/account")}>
            Back to your account
          </Button>
        </div>
      )}
    </div>
  );
}

function AddressStep({
  currentEmail,
  defaultAddress,
  resendIn,
  initiate,
  onSent,
}: {
  currentEmail: string;
  defaultAddress: string;
  resendIn: number;
  initiate: (email: string) => Promise<ApiFailure | null | "cancelled">;
  onSent: (email: string) => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<InitiateTransferBody>({ resolver: zodResolver(initiateTransferBody), defaultValues: { email: defaultAddress }, shouldFocusError: true });

  const submit = useSingleFlight(async ({ email }: InitiateTransferBody) => {
    setFailure(null);
    const problem = await initiate(email);
    if (problem === null) return onSent(email);
    if (problem === "cancelled") return;
    const field = fieldFailure(problem, ["email"] as const);
    if (field) setError("email", { type: "validate", message: field.message }, { shouldFocus: true });
    else if (messages[problem.code]) setError("email", { type: "server", message: messages[problem.code] }, { shouldFocus: true });
    else {
      setFailure(describeFailure(problem));
      setFocus("email");
    }
  });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="flex max-w-md flex-col gap-3">
      <p className="text-sm text-slate-700">
        Your account uses <strong className="break-all">{currentEmail}</strong>. We will send a code to the new address to make sure it is yours.
      </p>
      <TextField
        label="New email address"
        type="email"
        autoComplete="email"
        {...register("email")}
        error={errors.email?.message && (errors.email.type === "server" ? errors.email.message : `Email ${errors.email.message}`)}
      />
      <MessageSlot message={failure} />
      <Button type="submit" className="self-start" pending={isSubmitting} disabled={resendIn > 0 && !!failure}>
        {isSubmitting ? "Sending…" : "Send code"}
      </Button>
    </form>
  );
}

function CodeStep({
  target,
  resendIn,
  initiate,
  complete,
  onChangeAddress,
  onDone,
}: {
  target: string;
  resendIn: number;
  initiate: (email: string) => Promise<ApiFailure | null | "cancelled">;
  complete: (otp: string) => ReturnType<ReturnType<typeof useSecureCall>>;
  onChangeAddress: () => void;
  onDone: () => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<CompleteTransferBody>({ resolver: zodResolver(completeTransferBody), defaultValues: { otp: "" }, shouldFocusError: true });

  useEffect(() => heading.current?.focus(), []);

  const confirm = useSingleFlight(async ({ otp }: CompleteTransferBody) => {
    setFailure(null);
    const result = await complete(otp.trim());
    if (result.ok) return onDone();
    const { code } = result.error;
    if (code === "OTP_INVALID_EXPIRED") setError("otp", { type: "server", message: "That code is wrong or has expired. Check the newest email, or send a new code." }, { shouldFocus: true });
    else {
      setFailure(messages[code] ?? describeFailure(result.error));
      setFocus("otp");
    }
  });

  const sendAgain = useSingleFlight(async () => {
    setFailure(null);
    setInfo(null);
    const problem = await initiate(target);
    if (problem === null) setInfo(`We sent a new code to ${target}. Only the newest code works.`);
    else if (problem !== "cancelled") setFailure(messages[problem.code] ?? describeFailure(problem));
  });

  return (
    <form onSubmit={handleSubmit(confirm)} noValidate className="flex flex-col gap-3">
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        Enter the code we sent
      </h2>
      <p className="text-sm text-slate-700">
        We sent a 6-digit code to <strong className="break-all">{target}</strong>. It is valid for 10 minutes. Your account keeps its current address until you
        enter it.
      </p>
      <div className="max-w-xs">
        <CodeField
          label="6-digit code from the email"
          {...register("otp")}
          error={errors.otp?.message && (errors.otp.type === "server" ? errors.otp.message : `Code ${errors.otp.message}`)}
        />
      </div>
      <MessageSlot message={failure ?? info} tone={failure ? "error" : "info"} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? "Checking…" : "Change my address"}
        </Button>
        <Button type="button" variant="secondary" disabled={resendIn > 0} onClick={() => void sendAgain()}>
          {resendIn > 0 ? `Send again in ${resendIn} s` : "Send a new code"}
        </Button>
        <Button type="button" variant="ghost" onClick={onChangeAddress}>
          Use another address
        </Button>
      </div>
    </form>
  );
}
