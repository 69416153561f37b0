"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { callApi, useDescribeFailure } from "@/components/api-client";
import { SecondFactorForm, type SecondFactorMethod } from "@/components/second-factor/second-factor-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { TwoFactorStatus } from "@/lib/two-factor/schemas";
import { Modal } from "./modal";

export type StepUpMethod = SecondFactorMethod;

const SUDO_MINUTES = 5;

/**
 * The "confirm it's you" dialog: learns the person's active methods from GET /user/2fa, proves
 * one (a passkey, TOTP code, emailed code, or a recovery code) with the access token, and hands the sudo
 * token it gets to `onToken`. Used through StepUpProvider / useStepUp, not on its own.
 */
export function StepUpDialog({
  open,
  reason,
  getAccessToken,
  onToken,
  onCancel,
}: {
  open: boolean;
  reason?: string;
  getAccessToken: () => Promise<string | null>;
  onToken: (sudoToken: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("StepUpDialog");
  return (
    <Modal
      open={open}
      onClose={onCancel}
      title={t("title")}
      testId="step-up-dialog"
      description={
        <>
          {reason && <p className="mb-1 font-medium text-slate-900">{reason}</p>}
          <p>{t("explanation", { minutes: SUDO_MINUTES })}</p>
        </>
      }
    >
      {/* mounted only while open: every opening starts from a clean form */}
      <StepUpForm getAccessToken={getAccessToken} onToken={onToken} onCancel={onCancel} />
    </Modal>
  );
}

function StepUpForm({
  getAccessToken,
  onToken,
  onCancel,
}: {
  getAccessToken: () => Promise<string | null>;
  onToken: (sudoToken: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("StepUpDialog");
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const describeFailure = useDescribeFailure();
  const [loadFailure, setLoadFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const token = await getAccessToken();
      if (cancelled) return;
      if (!token) {
        setLoadFailure(t("sessionEnded"));
        return;
      }
      const result = await callApi((api) => api.GET("/user/2fa"), token);
      if (cancelled) return;
      if (!result.ok) {
        setLoadFailure(describeFailure(result.error));
        return;
      }
      setStatus(result.data);
    })();
    return () => {
      cancelled = true;
    };
  }, [getAccessToken, describeFailure, t]);

  const methods = status ? activeMethods(status) : [];

  return (
    <>
      {!status && !loadFailure && (
        <p className="text-sm text-slate-700" role="status">
          {t("loading")}
        </p>
      )}
      <FormAlert message={loadFailure} />
      {status && methods.length === 0 && (
        <div className="flex flex-col gap-3 text-sm">
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            {t("noSecondFactor")}
          </p>
          <a href="/account" className="font-medium text-brand underline">
            {t("goToAccount")}
          </a>
        </div>
      )}
      {status && methods.length > 0 && (
        <SecondFactorForm
          methods={methods}
          getToken={getAccessToken}
          onSuccess={(answer) => onToken(answer.sudoToken)}
          legend={t("legend")}
          submitLabel={t("confirm")}
          tokenExpired={t("sessionEnded")}
          emailAddress={status.emailOtp?.email}
          recoveryCodesLeft={status.recoveryCodes?.remaining}
          secondaryAction={
            <Button type="button" variant="secondary" onClick={onCancel}>
              {t("cancel")}
            </Button>
          }
        />
      )}
    </>
  );
}

function activeMethods(status: TwoFactorStatus): StepUpMethod[] {
  const methods: StepUpMethod[] = [];
  if (status.passkeys) methods.push("passkey");
  if (status.totp) methods.push("totp");
  if (status.emailOtp) methods.push("emailOtp");
  if (status.recoveryCodes && status.recoveryCodes.remaining > 0) methods.push("recoveryCode");
  return methods;
}
