"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useDescribeFailure } from "@/components/api-client";
import { isCancelled, useSecureCall } from "@/components/account/use-secure-call";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/form-actions";
import { useSingleFlight } from "@/components/use-single-flight";
import type { ErrorCode } from "@/lib/errors/catalogue";

// each method's sentences are its own in the catalogue (TurnOffMethodWizard.<method>): the name
// takes an article, a gender and a number that differ from language to language
const methods = {
  totp: { path: "/user/2fa/totp", inactive: "TOTP_ALREADY_INACTIVE" },
  emailOtp: { path: "/user/2fa/email-otp", inactive: "EMAIL_OTP_ALREADY_INACTIVE" },
} as const satisfies Record<string, { path: "/user/2fa/totp" | "/user/2fa/email-otp"; inactive: ErrorCode }>;

/** Turn one second factor off: DELETE /user/2fa/totp or /user/2fa/email-otp (sudo), after a clear confirmation. */
export function TurnOffMethodWizard({ method, isLast }: { method: keyof typeof methods; isLast: boolean }) {
  const { path, inactive } = methods[method];
  const t = useTranslations("TurnOffMethodWizard");
  const own = useTranslations(`TurnOffMethodWizard.${method}`);
  const call = useSecureCall(true, own("turnOff"));
  const describeFailure = useDescribeFailure();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const turnOff = useSingleFlight(async () => {
    setFailure(null);
    setPending(true);
    try {
      const result = await call((api) => api.DELETE(path), "sudo");
      // (no refresh here: this page redirects once the method is off; the overview shows the new state)
      if (result.ok || result.error.code === inactive) setDone(true);
      else if (!isCancelled(result)) setFailure(describeFailure(result.error));
    } finally {
      setPending(false);
    }
  });

  if (done) {
    return (
      <div className="flex flex-col gap-3">
        <h2 ref={doneRef} tabIndex={-1} className="text-lg font-semibold outline-none">
          {own("turnedOff")}
        </h2>
        <p role="status" className="text-sm text-slate-700">
          {isLast ? t("twoStepOff") : own("noLongerOffered")}
        </p>
        <Link href="/account" className="font-medium text-brand hover:underline">
          {t("back")}
        </Link>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">{own("question")}</h2>
      {isLast ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{t("onlySecondStep")}</p>
      ) : (
        <p className="text-sm text-slate-700">{t("othersKeepWorking")}</p>
      )}
      <p className="text-sm text-slate-700">{t("confirmFirst")}</p>
      <FormActions message={failure}>
        <Button type="button" variant="danger" pending={pending} onClick={() => void turnOff()}>
          {pending ? t("turningOff") : own("turnOff")}
        </Button>
        <Link
          href="/account"
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          {t("cancel")}
        </Link>
      </FormActions>
    </div>
  );
}
