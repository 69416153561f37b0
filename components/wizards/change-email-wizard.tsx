"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useSecureCall } from "@/components/account/use-secure-call";
import { Button } from "@/components/ui/button";
import { completeTransferBody, initiateTransferBody } from "@/lib/email-transfer/schemas";
import type { FailureTexts } from "@/components/api-client";
import { AddressStep } from "./address-step";
import { useCodeMail } from "./code-mail";
import { CodeStep } from "./code-step";
import { strong } from "./rich-text";
import { WizardSteps } from "./wizard-steps";

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
  const t = useTranslations("ChangeEmailWizard");
  const router = useRouter();
  const call = useSecureCall(hasTwoFactor, t("reason"));
  const steps = [t("steps.address"), t("steps.code"), t("steps.done")];
  // answers about the new address itself, said of the field
  const messages: FailureTexts = { NEW_EMAIL_ALREADY_IN_USE: t("addressInUse"), FORBIDDEN_MAIL_PROVIDER: t("disposableProvider") };
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
          label={t("addressLabel")}
          noun={t("addressName")}
          addressSchema={initiateTransferBody.shape.email}
          defaultAddress={target}
          messages={messages}
          mail={mail}
          onSent={(email) => {
            setTarget(email);
            setStep(1);
          }}
        >
          <p className="text-sm text-slate-700">{t.rich("intro", { email: currentEmail, strong })}</p>
        </AddressStep>
      )}
      {step === 1 && (
        <CodeStep
          heading={t("codeHeading")}
          codeSchema={completeTransferBody.shape.otp}
          submitLabel={t("submit")}
          messages={messages}
          confirm={(otp) => call((api) => api.PUT("/user/email", { body: { otp } }), "access")}
          onConfirmed={() => {
            setStep(2);
            router.refresh();
          }}
          resend={{ to: target, mail, onChangeAddress: () => setStep(0) }}
        >
          <p className="text-sm text-slate-700">{t.rich("codeSent", { email: target, strong })}</p>
        </CodeStep>
      )}
      {step === 2 && (
        <div className="flex flex-col gap-3">
          <h2 ref={doneRef} tabIndex={-1} className="text-lg font-semibold outline-none">
            {t("doneHeading")}
          </h2>
          <p role="status" className="text-sm text-slate-700">
            {t.rich("done", { email: target, oldEmail, strong })}
          </p>
          {codesAddress && <p className="text-sm text-slate-700">{t.rich("codesAddress", { email: codesAddress, strong })}</p>}
          <Button type="button" className="self-start" onClick={() => router.push("/account")}>
            {t("back")}
          </Button>
        </div>
      )}
    </div>
  );
}
