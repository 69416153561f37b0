"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useSecureCall } from "@/components/account/use-secure-call";
import { Button } from "@/components/ui/button";
import { completeTransferBody, initiateTransferBody } from "@/lib/email-transfer/schemas";
import type { FailureTexts } from "@/components/api-client";
import { AddressStep } from "./address-step";
import { useCodeMail } from "./code-mail";
import { CodeStep } from "./code-step";
import { WizardSteps } from "./wizard-steps";

const steps = ["New address", "Confirm the code", "Done"];

const messages: FailureTexts = {
  NEW_EMAIL_ALREADY_IN_USE: "That address already belongs to an account (perhaps this one). Choose another.",
  FORBIDDEN_MAIL_PROVIDER: "Addresses at disposable mail providers cannot be used.",
};

/**
 * Move the account to a new email address: POST /user/email/initiate mails a code to the new
 * address (S/A¬2FA) → the code to PUT /user/email. From then on, the person signs in with the new
 * address; the old one is told, with a link that undoes the change.
 */
export function ChangeEmailWizard({
  currentEmail,
  hasTwoFactor,
  codesAddress,
  resendSeconds,
}: {
  currentEmail: string;
  hasTwoFactor: boolean;
  codesAddress: string | null;
  resendSeconds: number;
}) {
  const router = useRouter();
  const call = useSecureCall(hasTwoFactor, "Change your email address");
  const [step, setStep] = useState(0);
  const [target, setTarget] = useState("");
  // the page refreshes with the new address once it changed: keep the one this started from
  const [oldEmail] = useState(currentEmail);
  const mail = useCodeMail((email) => call((api) => api.POST("/user/email/initiate", { body: { email } }), "sudo-if-2fa"), {
    intervalSeconds: resendSeconds,
  });
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step === 2) doneRef.current?.focus();
  }, [step]);

  return (
    <div className="flex flex-col gap-6">
      <WizardSteps steps={steps} current={step} />
      {step === 0 && (
        <AddressStep
          label="New email address"
          noun="Email"
          addressSchema={initiateTransferBody.shape.email}
          defaultAddress={target}
          messages={messages}
          mail={mail}
          onSent={(email) => {
            setTarget(email);
            setStep(1);
          }}
        >
          <p className="text-sm text-slate-700">
            Your account uses <strong className="break-all">{currentEmail}</strong>. We will send a code to the new address to make sure it
            is yours.
          </p>
        </AddressStep>
      )}
      {step === 1 && (
        <CodeStep
          heading="Enter the code we sent"
          codeSchema={completeTransferBody.shape.otp}
          submitLabel="Change my address"
          messages={messages}
          confirm={(otp) => call((api) => api.PUT("/user/email", { body: { otp } }), "access")}
          onConfirmed={() => {
            setStep(2);
            router.refresh();
          }}
          resend={{ to: target, mail, onChangeAddress: () => setStep(0) }}
        >
          <p className="text-sm text-slate-700">
            We sent a 6-digit code to <strong className="break-all">{target}</strong>. It is valid for 10 minutes. Your account keeps its
            current address until you enter it.
          </p>
        </CodeStep>
      )}
      {step === 2 && (
        <div className="flex flex-col gap-3">
          <h2 ref={doneRef} tabIndex={-1} className="text-lg font-semibold outline-none">
            Your address has changed
          </h2>
          <p role="status" className="text-sm text-slate-700">
            Your account now uses <strong className="break-all">{target}</strong>. Sign in with it from now on. We told {oldEmail} about the
            change, with a link to undo it in case it was not you.
          </p>
          {codesAddress && (
            <p className="text-sm text-slate-700">
              Sign-in codes still go to <strong className="break-all">{codesAddress}</strong>. You can change that address under email
              codes.
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
