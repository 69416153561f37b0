"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { describeFailure } from "@/components/api-client";
import { CodeField } from "@/components/account/code-field";
import { MessageSlot } from "@/components/account/message-slot";
import { isCancelled, useSecureCall } from "@/components/account/use-secure-call";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useCountdown } from "@/components/use-countdown";
import { useSingleFlight } from "@/components/use-single-flight";
import { emailOtpSetupBody, otpBody, type EmailOtpSetupBody, type OtpBody } from "@/lib/two-factor/schemas";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import { WizardSteps } from "./wizard-steps";

const steps = ["Address", "Confirm the code", "Recovery codes"];

/**
 * Set up (or move) email codes: an address → POST /user/2fa/email-otp/setup mails a code there →
 * the code to POST /user/2fa/email-otp/enable → the new recovery codes. The resend button counts
 * down what GET /user/2fa/email-otp/next-email says.
 */
export function EmailOtpSetupWizard({ defaultAddress, hasTwoFactor, replacing }: { defaultAddress: string; hasTwoFactor: boolean; replacing: boolean }) {
  const router = useRouter();
  const call = useSecureCall(hasTwoFactor, "Set up email codes");
  const [step, setStep] = useState(0);
  const [address, setAddress] = useState(defaultAddress);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resendIn = useCountdown(resendAt);

  /** Mails a code to the address; answers a message for the person when it did not go. */
  const send = async (to: string): Promise<string | null> => {
    const result = await call("/user/2fa/email-otp/setup", { body: { email: to } }, "sudo-if-2fa");
    const next = await call<{ duration: number }>("/user/2fa/email-otp/next-email", {}, "access");
    if (next.ok) setResendAt(Date.now() + next.data.duration * 1000);
    if (result.ok) return null;
    if (isCancelled(result)) return "";
    if (result.error.status === 429) {
      setResendAt(Date.now() + (result.error.retryAfter ?? 60) * 1000);
      return `A code was sent less than a minute ago. You can send another in ${result.error.retryAfter ?? 60} s.`;
    }
    return describeFailure(result.error);
  };

  return (
    <div className="flex flex-col gap-6">
      <WizardSteps steps={steps} current={step} />
      {step === 0 && (
        <AddressStep
          defaultAddress={address}
          replacing={replacing}
          resendIn={resendIn}
          notice={notice}
          send={send}
          onSent={(to) => {
            setAddress(to);
            setNotice(null);
            setStep(1);
          }}
        />
      )}
      {step === 1 && (
        <CodeStep
          address={address}
          resendIn={resendIn}
          resend={() => send(address)}
          enable={(otp) => call<{ recoveryCodes: string[] }>("/user/2fa/email-otp/enable", { body: { otp } }, "access")}
          onChangeAddress={() => setStep(0)}
          onRestart={(message) => {
            setNotice(message);
            setStep(0);
          }}
          onEnabled={(recoveryCodes) => {
            setCodes(recoveryCodes);
            setStep(2);
          }}
        />
      )}
      {step === 2 && codes && (
        <div className="flex flex-col gap-4">
          <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
            Email codes are on. Signing in can now send a code to <strong className="break-all">{address}</strong>.
          </p>
          <RecoveryCodesPanel
            codes={codes}
            onDone={() => {
              router.push("/account");
              router.refresh();
            }}
          />
        </div>
      )}
    </div>
  );
}

function AddressStep({
  defaultAddress,
  replacing,
  resendIn,
  notice,
  send,
  onSent,
}: {
  defaultAddress: string;
  replacing: boolean;
  resendIn: number;
  notice: string | null;
  send: (to: string) => Promise<string | null>;
  onSent: (to: string) => void;
}) {
  const [failure, setFailure] = useState<string | null>(notice);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<EmailOtpSetupBody>({ resolver: zodResolver(emailOtpSetupBody), defaultValues: { email: defaultAddress }, shouldFocusError: true });

  const submit = useSingleFlight(async ({ email }: EmailOtpSetupBody) => {
    setFailure(null);
    const problem = await send(email);
    if (problem === null) return onSent(email);
    setFailure(problem || null);
    setFocus("email");
  });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">
        When you sign in, Gatehouse sends a 6-digit code to this address. It can be your account&apos;s address or another one you can always reach.
        {replacing && " The address you use now keeps working until you confirm the new one."}
      </p>
      <div className="max-w-md">
        <TextField label="Address for codes" type="email" autoComplete="email" {...register("email")} error={errors.email?.message && `Address ${errors.email.message}`} />
      </div>
      <MessageSlot message={failure} />
      <Button type="submit" className="self-start" pending={isSubmitting} disabled={resendIn > 0 && !!failure}>
        {isSubmitting ? "Sending…" : resendIn > 0 && failure ? `Send code in ${resendIn} s` : "Send code"}
      </Button>
    </form>
  );
}

function CodeStep({
  address,
  resendIn,
  resend,
  enable,
  onChangeAddress,
  onRestart,
  onEnabled,
}: {
  address: string;
  resendIn: number;
  resend: () => Promise<string | null>;
  enable: (otp: string) => ReturnType<ReturnType<typeof useSecureCall>>;
  onChangeAddress: () => void;
  onRestart: (message: string) => void;
  onEnabled: (codes: string[]) => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const wait = useCountdown(blockedUntil);
  const heading = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<OtpBody>({ resolver: zodResolver(otpBody), defaultValues: { otp: "" }, shouldFocusError: true });

  useEffect(() => heading.current?.focus(), []);

  const confirm = useSingleFlight(async ({ otp }: OtpBody) => {
    setFailure(null);
    const result = await enable(otp.trim());
    if (result.ok) return onEnabled((result.data as { recoveryCodes: string[] }).recoveryCodes);
    const { code, status, retryAfter } = result.error;
    if (code === "OTP_INVALID_EXPIRED") setError("otp", { type: "server", message: "That code is wrong or has expired. Check the newest email, or send a new code." }, { shouldFocus: true });
    else if (status === 429) {
      setBlockedUntil(Date.now() + (retryAfter ?? 1) * 1000);
      setFocus("otp");
    } else if (code === "EMAIL_OTP_UNINITIALIZED") onRestart("This set-up has ended. Send a new code to start again.");
    else if (!isCancelled(result)) setFailure(describeFailure(result.error));
  });

  const sendAgain = useSingleFlight(async () => {
    setFailure(null);
    setInfo(null);
    const problem = await resend();
    if (problem === null) setInfo(`We sent a new code to ${address}. Only the newest code works.`);
    else if (problem) setFailure(problem);
  });

  return (
    <form onSubmit={handleSubmit(confirm)} noValidate className="flex flex-col gap-3">
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        Enter the code we sent
      </h2>
      <p className="text-sm text-slate-700">
        We sent a 6-digit code to <strong className="break-all">{address}</strong>. It is valid for 10 minutes.
      </p>
      <div className="max-w-xs">
        <CodeField
          label="6-digit code from the email"
          {...register("otp")}
          error={errors.otp?.message && (errors.otp.type === "server" ? errors.otp.message : `Code ${errors.otp.message}`)}
        />
      </div>
      <MessageSlot message={wait > 0 ? `Too many attempts. Try again in ${wait} s.` : (failure ?? info)} tone={wait > 0 || failure ? "error" : "info"} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={isSubmitting} disabled={wait > 0}>
          {isSubmitting ? "Checking…" : "Turn on email codes"}
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
