"use client";

import { useEffect, useId, useRef, useState } from "react";
import { callApi, describeFailure, type ApiFailure } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useCountdown } from "@/components/use-countdown";
import { useSingleFlight } from "@/components/use-single-flight";
import { Modal } from "./modal";

export type StepUpMethod = "totp" | "emailOtp" | "recoveryCode";

interface TwoFactorStatus {
  enabled: boolean;
  totp?: { completedAt: string };
  emailOtp?: { email: string; completedAt: string };
  recoveryCodes?: { completedAt: string; remaining: number };
}

const labels: Record<StepUpMethod, string> = { totp: "Authenticator app", emailOtp: "Email code", recoveryCode: "Recovery code" };

const endpoints: Record<StepUpMethod, { path: string; field: "totp" | "otp" | "recoveryCode"; length: number }> = {
  totp: { path: "/user/2fa/totp/authenticate", field: "totp", length: 6 },
  emailOtp: { path: "/user/2fa/email-otp/authenticate", field: "otp", length: 6 },
  recoveryCode: { path: "/user/2fa/recovery-code/authenticate", field: "recoveryCode", length: 16 },
};

const SUDO_MINUTES = 5;

/**
 * The "confirm it's you" dialog: learns the person's active methods from GET /user/2fa, proves
 * one (TOTP code, emailed code, or a recovery code) with the access token, and hands the sudo
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
  return (
    <Modal
      open={open}
      onClose={onCancel}
      title="Confirm it's you"
      testId="step-up-dialog"
      description={
        <>
          {reason && <p className="mb-1 font-medium text-slate-900">{reason}</p>}
          <p>This needs a fresh check of your second factor. Your confirmation then lasts {SUDO_MINUTES} minutes; after that we ask again.</p>
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
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [method, setMethod] = useState<StepUpMethod | null>(null);
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const wait = useCountdown(blockedUntil);
  const resendIn = useCountdown(resendAt);
  const inputRef = useRef<HTMLInputElement>(null);
  const groupId = useId();

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const token = await getAccessToken();
      if (cancelled) return;
      if (!token) {
        setLoadFailure("Your session has ended. Sign in again.");
        return;
      }
      const result = await callApi<TwoFactorStatus>("/user/2fa", { token });
      if (cancelled) return;
      if (!result.ok) {
        setLoadFailure(describeFailure(result.error));
        return;
      }
      setStatus(result.data);
      setMethod(activeMethods(result.data)[0] ?? null);
    })();
    return () => {
      cancelled = true;
    };
  }, [getAccessToken]);

  useEffect(() => {
    if (method) inputRef.current?.focus();
  }, [method]);

  const showFailure = (error: ApiFailure) => {
    if (error.status === 429 && error.retryAfter) setBlockedUntil(Date.now() + error.retryAfter * 1000);
    setFailure(error.status === 429 ? null : describeFailure(error));
  };

  const sendEmailCode = useSingleFlight(async () => {
    setFailure(null);
    const token = await getAccessToken();
    if (!token) return setFailure("Your session has ended. Sign in again.");
    const sent = await callApi("/user/2fa/email-otp/challenge", { body: {}, token });
    const next = await callApi<{ duration: number }>("/user/2fa/email-otp/next-email", { token });
    if (next.ok) setResendAt(Date.now() + next.data.duration * 1000);
    if (sent.ok) setInfo(`We sent a 6-digit code to ${status?.emailOtp?.email ?? "your address"}. It is valid for 10 minutes.`);
    else if (sent.error.status === 429) setResendAt(Date.now() + (sent.error.retryAfter ?? 60) * 1000);
    else setFailure(describeFailure(sent.error));
    inputRef.current?.focus();
  });

  const submit = useSingleFlight(async () => {
    if (!method) return;
    const spec = endpoints[method];
    const value = method === "recoveryCode" ? code.replace(/[\s-]/g, "").toUpperCase() : code.trim();
    if (value.length !== spec.length) {
      setFieldError(`Enter the ${spec.length}-character ${method === "recoveryCode" ? "recovery code" : "code"}.`);
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setFailure(null);
    setPending(true);
    try {
      const token = await getAccessToken();
      if (!token) return setFailure("Your session has ended. Sign in again.");
      const result = await callApi<{ sudoToken: string }>(spec.path, { body: { [spec.field]: value }, token });
      if (!result.ok) {
        showFailure(result.error);
        inputRef.current?.focus();
        return;
      }
      setCode("");
      onToken(result.data.sudoToken);
    } finally {
      setPending(false);
    }
  });

  const methods = status ? activeMethods(status) : [];
  const label = method === "totp" ? "6-digit code from your authenticator app" : method === "emailOtp" ? "6-digit code from the email" : "Recovery code";

  return (
    <>
      {!status && !loadFailure && <p className="text-sm text-slate-700" role="status">Loading your sign-in methods…</p>}
      <FormAlert message={loadFailure} />
      {status && methods.length === 0 && (
        <div className="flex flex-col gap-3 text-sm">
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            Your account has no second factor yet, so this action cannot be confirmed. Set up an authenticator app or email codes first.
          </p>
          <a href="/account" className="font-medium text-brand underline">
            Go to your account
          </a>
        </div>
      )}
      {status && method && (
        <div className="flex flex-col gap-4">
          {methods.length > 1 && (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">Confirm with</legend>
              <div className="flex flex-wrap gap-2">
                {methods.map((m) => (
                  <label key={m} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand has-[:checked]:bg-blue-50">
                    <input
                      type="radio"
                      name={groupId}
                      value={m}
                      checked={method === m}
                      onChange={() => {
                        setMethod(m);
                        setCode("");
                        setFieldError(undefined);
                        setFailure(null);
                        setInfo(null);
                      }}
                    />
                    {labels[m]}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <form
            noValidate
            className="flex flex-col gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            {method === "emailOtp" && (
              <div>
                <Button type="button" variant="secondary" onClick={() => void sendEmailCode()} disabled={resendIn > 0}>
                  {resendIn > 0 ? `Send again in ${resendIn} s` : info ? "Send a new code" : "Send code"}
                </Button>
              </div>
            )}
            <FormAlert message={info} tone="info" />
            <TextField
              ref={inputRef}
              label={label}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              inputMode={method === "recoveryCode" ? "text" : "numeric"}
              autoComplete="one-time-code"
              maxLength={method === "recoveryCode" ? 24 : 6}
              error={fieldError}
              hint={method === "recoveryCode" ? `Each recovery code works once (${status.recoveryCodes?.remaining ?? 0} left). Dashes and spaces are ignored.` : undefined}
            />
            <FormAlert message={wait > 0 ? `Too many attempts. Try again in ${wait} s.` : failure} />
            <div className="mt-2 flex gap-2">
              <Button type="submit" pending={pending} disabled={wait > 0} className="flex-1">
                {pending ? "Checking…" : "Confirm"}
              </Button>
              <Button type="button" variant="secondary" onClick={onCancel}>
                Cancel
              </Button>
            </div>
          </form>
        </div>
      )}
    </>
  );
}

function activeMethods(status: TwoFactorStatus): StepUpMethod[] {
  const methods: StepUpMethod[] = [];
  if (status.totp) methods.push("totp");
  if (status.emailOtp) methods.push("emailOtp");
  if (status.recoveryCodes && status.recoveryCodes.remaining > 0) methods.push("recoveryCode");
  return methods;
}
