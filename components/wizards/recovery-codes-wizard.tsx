"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDescribeFailure } from "@/components/api-client";
import { ActionLink } from "@/components/account/action-link";
import { isCancelled, useSecureCall } from "@/components/account/use-secure-call";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/form-actions";
import { useSingleFlight } from "@/components/use-single-flight";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import { strong } from "./rich-text";
import { WizardSteps } from "./wizard-steps";

/** A new set of recovery codes: POST /user/2fa/recovery-code/reset (sudo); the old set stops working. */
export function RecoveryCodesWizard({ enabled, remaining, total }: { enabled: boolean; remaining: number; total: number }) {
  const t = useTranslations("RecoveryCodesWizard");
  const call = useSecureCall(enabled, t("reason"));
  const steps = [t("steps.confirm"), t("steps.save")];
  const [codes, setCodes] = useState<string[] | null>(null);
  const describeFailure = useDescribeFailure();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const create = useSingleFlight(async () => {
    setFailure(null);
    setPending(true);
    try {
      const result = await call((api) => api.POST("/user/2fa/recovery-code/reset", { body: {} }), "sudo");
      if (result.ok) setCodes(result.data.recoveryCodes);
      else if (result.error.code === "2FA_IS_DISABLED") setFailure(t("twoStepOff"));
      else if (!isCancelled(result)) setFailure(describeFailure(result.error));
    } finally {
      setPending(false);
    }
  });

  if (!enabled) {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">{t("comeWithTwoStep")}</p>
        <div className="flex flex-wrap gap-2">
          <ActionLink href="/account/authenticator" variant="primary">
            {t("setUpAuthenticator")}
          </ActionLink>
          <ActionLink href="/account/email-codes">{t("setUpEmailCodes")}</ActionLink>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <WizardSteps steps={steps} current={codes ? 1 : 0} />
      {codes ? (
        <RecoveryCodesPanel codes={codes} />
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">{t.rich("intro", { remaining, total, strong })}</p>
          <FormActions message={failure}>
            <Button type="button" pending={pending} onClick={() => void create()}>
              {pending ? t("creating") : t("create")}
            </Button>
          </FormActions>
        </div>
      )}
    </div>
  );
}
