"use client";

import { useState } from "react";
import { useSecureCall } from "@/components/account/use-secure-call";
import { emailOtpSetupBody, otpBody } from "@/lib/two-factor/schemas";
import { AddressStep } from "./address-step";
import { useCodeMail } from "./code-mail";
import { CodeStep } from "./code-step";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import { RecoveryCodesWillChange, REPLACED_CODES_STATUS } from "./recovery-codes-notice";
import { WizardSteps } from "./wizard-steps";

const steps = ["Address", "Confirm the code", "Recovery codes"];

/** One code mail a minute (docs/api.md §5): the countdown's fallback when the API cannot be asked. */
const MAIL_INTERVAL_SECONDS = 60;

/**
 * Set up (or move) email codes: an address → POST /user/2fa/email-otp/setup mails a code there →
 * the code to POST /user/2fa/email-otp/enable → the new recovery codes. The resend button counts
 * down what GET /user/2fa/email-otp/next-email says.
 */
export function EmailOtpSetupWizard({
  defaultAddress,
  hasTwoFactor,
  replacing,
  replacesRecoveryCodes,
}: {
  defaultAddress: string;
  hasTwoFactor: boolean;
  replacing: boolean;
  replacesRecoveryCodes: boolean;
}) {
  const call = useSecureCall(hasTwoFactor, "Set up email codes");
  const [step, setStep] = useState(0);
  const [address, setAddress] = useState(defaultAddress);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mail = useCodeMail((to) => call((api) => api.POST("/user/2fa/email-otp/setup", { body: { email: to } }), "sudo-if-2fa"), {
    intervalSeconds: MAIL_INTERVAL_SECONDS,
    askWait: async () => {
      const next = await call((api) => api.GET("/user/2fa/email-otp/next-email"), "access");
      return next.ok ? next.data.duration : null;
    },
  });

  return (
    <div className="flex flex-col gap-6">
      <WizardSteps steps={steps} current={step} />
      {step === 0 && (
        <AddressStep
          label="Address for codes"
          noun="Address"
          addressSchema={emailOtpSetupBody.shape.email}
          defaultAddress={address}
          notice={notice}
          mail={mail}
          onSent={(to) => {
            setAddress(to);
            setNotice(null);
            setStep(1);
          }}
        >
          <p className="text-sm text-slate-700">
            When you sign in, Gatehouse sends a 6-digit code to this address. It can be your account&apos;s address or another one you can
            always reach.
            {replacing && " The address you use now keeps working until you confirm the new one."}
          </p>
          {replacesRecoveryCodes && <RecoveryCodesWillChange />}
        </AddressStep>
      )}
      {step === 1 && (
        <CodeStep
          heading="Enter the code we sent"
          codeSchema={otpBody.shape.otp}
          submitLabel="Turn on email codes"
          confirm={(otp) => call((api) => api.POST("/user/2fa/email-otp/enable", { body: { otp } }), "access")}
          onConfirmed={({ recoveryCodes }) => {
            setCodes(recoveryCodes);
            setStep(2);
          }}
          onFailure={(error) => {
            if (error.code !== "EMAIL_OTP_UNINITIALIZED") return false;
            setNotice("This set-up has ended. Send a new code to start again.");
            setStep(0);
            return true;
          }}
          resend={{ to: address, mail, onChangeAddress: () => setStep(0) }}
        >
          <p className="text-sm text-slate-700">
            We sent a 6-digit code to <strong className="break-all">{address}</strong>. It is valid for 10 minutes.
          </p>
        </CodeStep>
      )}
      {step === 2 && codes && (
        <RecoveryCodesPanel
          codes={codes}
          status={
            <>
              Email codes are on. Signing in can now send a code to <strong className="break-all">{address}</strong>.
              {replacesRecoveryCodes && ` ${REPLACED_CODES_STATUS}`}
            </>
          }
        />
      )}
    </div>
  );
}
