"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSecureCall } from "@/components/account/use-secure-call";
import { useBrand } from "@/components/brand/brand-context";
import { emailOtpSetupBody, otpBody } from "@/lib/two-factor/schemas";
import { AddressStep } from "./address-step";
import { useCodeMail } from "./code-mail";
import { CodeStep } from "./code-step";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import { RecoveryCodesWillChange } from "./recovery-codes-notice";
import { strong } from "./rich-text";
import { WizardSteps } from "./wizard-steps";

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
  const t = useTranslations("EmailOtpSetupWizard");
  const { name: brand } = useBrand();
  const codesNotice = useTranslations("RecoveryCodesNotice");
  const call = useSecureCall(hasTwoFactor, t("reason"));
  const steps = [t("steps.address"), t("steps.code"), t("steps.recoveryCodes")];
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
          label={t("addressLabel")}
          noun={t("addressName")}
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
            {t("intro", { brand })}
            {replacing && ` ${t("replacing")}`}
          </p>
          {replacesRecoveryCodes && <RecoveryCodesWillChange />}
        </AddressStep>
      )}
      {step === 1 && (
        <CodeStep
          heading={t("codeHeading")}
          codeSchema={otpBody.shape.otp}
          submitLabel={t("submit")}
          confirm={(otp) => call((api) => api.POST("/user/2fa/email-otp/enable", { body: { otp } }), "access")}
          onConfirmed={({ recoveryCodes }) => {
            setCodes(recoveryCodes);
            setStep(2);
          }}
          onFailure={(error) => {
            if (error.code !== "EMAIL_OTP_UNINITIALIZED") return false;
            setNotice(t("setupEnded"));
            setStep(0);
            return true;
          }}
          resend={{ to: address, mail, onChangeAddress: () => setStep(0) }}
        >
          <p className="text-sm text-slate-700">{t.rich("codeSent", { email: address, strong })}</p>
        </CodeStep>
      )}
      {step === 2 && codes && (
        <RecoveryCodesPanel
          codes={codes}
          status={
            <>
              {t.rich("done", { email: address, strong })}
              {replacesRecoveryCodes && ` ${codesNotice("replaced")}`}
            </>
          }
        />
      )}
    </div>
  );
}
