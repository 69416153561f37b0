"use client";

import { useTranslations } from "next-intl";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useDescribeFailure } from "@/components/api-client";
import { useBrand } from "@/components/brand/brand-context";
import { isCancelled, useSecureCall } from "@/components/account/use-secure-call";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/form-actions";
import { useSingleFlight } from "@/components/use-single-flight";
import { totpBody } from "@/lib/two-factor/schemas";
import { CodeStep } from "./code-step";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import { RecoveryCodesWillChange } from "./recovery-codes-notice";
import { WizardSteps } from "./wizard-steps";

/** "JBSWY3DPEHPK3PXP…" → "JBSW Y3DP EHPK 3PXP …", easier to read and type. */
export const groupKey = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/**
 * Set up (or replace) an authenticator app: POST /user/2fa/totp/setup → the QR code of its
 * otpauth:// URL and the key in groups of 4 → a code from the app to POST /user/2fa/totp/enable →
 * the new recovery codes. A set-up left pending (the page was reloaded after the scan) can be
 * finished with a code from the app: the secret never comes back to the page, and a new QR code
 * is only made when the person asks for one.
 */
export function TotpSetupWizard({
  hasTwoFactor,
  replacing,
  replacesRecoveryCodes,
  setupPending,
}: {
  hasTwoFactor: boolean;
  replacing: boolean;
  replacesRecoveryCodes: boolean;
  setupPending: boolean;
}) {
  const t = useTranslations("TotpSetupWizard");
  const codesNotice = useTranslations("RecoveryCodesNotice");
  const { name: brand } = useBrand();
  const call = useSecureCall(hasTwoFactor, t("reason"));
  const steps = [t("steps.start"), t("steps.scan"), t("steps.recoveryCodes")];
  const [step, setStep] = useState(0);
  const [url, setUrl] = useState<string | null>(null);
  /** finishing the pending set-up: the code step without a QR code */
  const [resuming, setResuming] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const describeFailure = useDescribeFailure();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const start = useSingleFlight(async () => {
    setFailure(null);
    setPending(true);
    try {
      const result = await call((api) => api.POST("/user/2fa/totp/setup", { body: {} }), "sudo-if-2fa");
      if (result.ok) {
        setUrl(result.data.url);
        setResuming(false);
        setStep(1);
      } else if (!isCancelled(result)) setFailure(describeFailure(result.error));
    } finally {
      setPending(false);
    }
  });

  return (
    <div className="flex flex-col gap-6">
      <WizardSteps steps={steps} current={step} />
      {step === 0 && (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">{t("intro", { brand })}</p>
          {replacing && <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{t("replacing")}</p>}
          {replacesRecoveryCodes && <RecoveryCodesWillChange />}
          {setupPending && (
            <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="totp-setup-pending">
              {t("pending")}
            </p>
          )}
          <FormActions message={failure}>
            {setupPending && (
              <Button
                type="button"
                onClick={() => {
                  setResuming(true);
                  setStep(1);
                }}
              >
                {t("resume")}
              </Button>
            )}
            <Button type="button" variant={setupPending ? "secondary" : "primary"} pending={pending} onClick={() => void start()}>
              {pending ? t("preparing") : setupPending ? t("newQrCode") : t("showQrCode")}
            </Button>
          </FormActions>
        </div>
      )}
      {step === 1 && (url || resuming) && (
        <CodeStep
          heading={t("scanHeading")}
          label={t("codeLabel")}
          codeSchema={totpBody.shape.totp}
          submitLabel={t("submit")}
          wrongCode={{ code: "TOTP_INCORRECT", message: t("wrongCode") }}
          confirm={(totp) => call((api) => api.POST("/user/2fa/totp/enable", { body: { totp } }), "access")}
          onConfirmed={({ recoveryCodes }) => {
            setCodes(recoveryCodes);
            setStep(2);
          }}
          onFailure={(error) => {
            if (error.code !== "TOTP_UNINITIALIZED") return false;
            setUrl(null);
            setResuming(false);
            setFailure(t("replaced"));
            setStep(0);
            return true;
          }}
        >
          {url ? <QrCodePanel url={url} /> : <p className="text-sm text-slate-700">{t("resumeHint")}</p>}
        </CodeStep>
      )}
      {step === 2 && codes && (
        <RecoveryCodesPanel codes={codes} status={replacesRecoveryCodes ? `${t("done")} ${codesNotice("replaced")}` : t("done")} />
      )}
    </div>
  );
}

/** The QR code of the otpauth:// URL, and its key to type or copy for those who cannot scan. */
function QrCodePanel({ url }: { url: string }) {
  const t = useTranslations("TotpSetupWizard.qrCode");
  const secret = new URL(url).searchParams.get("secret") ?? "";
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { width: 224, margin: 1, errorCorrectionLevel: "M" }).then(
      (data) => live && setQr(data),
      () => live && setQr(null),
    );
    return () => {
      live = false;
    };
  }, [url]);

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(t("copied"));
    } catch {
      setCopied(t("copyBlocked"));
    }
  };

  return (
    <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
      <div className="flex size-[232px] shrink-0 items-center justify-center self-center rounded-md border border-slate-300 bg-white sm:self-start">
        {qr ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URL made in the browser
          <img src={qr} width={224} height={224} alt={t("alt")} data-testid="totp-qr" />
        ) : (
          <span className="text-sm text-slate-600">{t("drawing")}</span>
        )}
      </div>
      <div className="flex min-w-0 flex-col gap-3 text-sm text-slate-700">
        <p>{t("scan")}</p>
        <div className="flex flex-col gap-2">
          <p>{t("cannotScan")}</p>
          <code
            className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-base tracking-wider break-words text-slate-900"
            data-testid="totp-key"
          >
            {groupKey(secret)}
          </code>
          <div className="flex flex-wrap items-center gap-2">
            <Button type="button" variant="secondary" onClick={() => void copyKey()}>
              {t("copyKey")}
            </Button>
            <a href={url} className="text-sm font-medium text-brand hover:underline">
              {t("openInApp")}
            </a>
          </div>
          <div className="min-h-6">
            <p aria-live="polite" className="text-xs text-slate-700">
              {copied}
            </p>
          </div>
        </div>
        <p>{t("enterCode")}</p>
      </div>
    </div>
  );
}
