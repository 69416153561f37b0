"use client";

import { useEffect, useId, useRef, useState } from "react";
import { callApi, describeFailure, type ApiFailure } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useCountdown } from "@/components/use-countdown";
import { useSingleFlight } from "@/components/use-single-flight";

export type Method = "totp" | "emailOtp" | "recoveryCode";

const methodLabels: Record<Method, string> = {
  totp: "Authenticator app",
  emailOtp: "Email code",
  recoveryCode: "Recovery code",
};

const endpoints: Record<Method, { path: string; field: "totp" | "otp" | "recoveryCode"; length: number; nextGuess?: string }> = {
  totp: { path: "/user/2fa/totp/authenticate", field: "totp", length: 6, nextGuess: "/user/2fa/totp/next-guess" },
  emailOtp: { path: "/user/2fa/email-otp/authenticate", field: "otp", length: 6 },
  recoveryCode: { path: "/user/2fa/recovery-code/authenticate", field: "recoveryCode", length: 16, nextGuess: "/user/2fa/recovery-code/next-guess" },
};

interface Tokens {
  accessToken: string;
  refreshToken: string;
  sudoToken: string;
}

/**
 * The second sign-in step: the person picks one of their active methods and proves it with the
 * partial token from POST /auth/login. Throttles are shown as a live "try again in N s".
 */
export function SecondFactorStep({ partialToken, methods, onDone }: { partialToken: string; methods: Method[]; onDone: (refreshToken: string) => Promise<void> }) {
  const [method, setMethod] = useState<Method>(methods[0]);
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  // each factor has its own throttle (spec §5), so each its own wait
  const [blockedUntil, setBlockedUntil] = useState<Partial<Record<Method, number>>>({});
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const wait = useCountdown(blockedUntil[method] ?? null);
  const resendIn = useCountdown(resendAt);
  const inputRef = useRef<HTMLInputElement>(null);
  const groupId = useId();

  const blockFor = (m: Method, seconds: number) => setBlockedUntil((all) => ({ ...all, [m]: Date.now() + seconds * 1000 }));

  /** A wrong guess may start a wait (after the 5th): ask the wait-time query so the countdown shows at once. */
  const checkWait = async (m: Method) => {
    const path = endpoints[m].nextGuess;
    if (!path) return;
    const next = await callApi<{ duration: number }>(path, { token: partialToken });
    if (next.ok && next.data.duration > 0) blockFor(m, next.data.duration);
  };

  useEffect(() => inputRef.current?.focus(), [method]);

  // a wait may be running already (an earlier try): show it from the start
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the answer of an API call
    void checkWait(methods[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the first method
  }, []);

  const showFailure = (error: ApiFailure) => {
    if (error.status === 429) blockFor(method, error.retryAfter ?? 1);
    setFailure(error.status === 429 ? null : describeFailure(error));
  };

  const sendEmailCode = useSingleFlight(async () => {
    setFailure(null);
    const sent = await callApi("/user/2fa/email-otp/challenge", { body: {}, token: partialToken });
    const next = await callApi<{ duration: number }>("/user/2fa/email-otp/next-email", { token: partialToken });
    if (next.ok) setResendAt(Date.now() + next.data.duration * 1000);
    if (sent.ok) setInfo("We sent a 6-digit code to your email address. It is valid for 10 minutes.");
    else if (sent.error.status === 429) setResendAt(Date.now() + (sent.error.retryAfter ?? 60) * 1000);
    else setFailure(describeFailure(sent.error));
  });

  const submit = useSingleFlight(async () => {
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
      const result = await callApi<Tokens>(spec.path, { body: { [spec.field]: value }, token: partialToken });
      if (!result.ok) {
        if (result.error.code === "INVALID_TOKEN") setFailure("This sign-in took too long. Start again with your password.");
        else showFailure(result.error);
        if (result.error.status === 401 && result.error.code !== "INVALID_TOKEN") await checkWait(method);
        inputRef.current?.focus();
        return;
      }
      await onDone(result.data.refreshToken);
    } finally {
      setPending(false);
    }
  });

  const label = method === "totp" ? "6-digit code from your authenticator app" : method === "emailOtp" ? "6-digit code from the email" : "Recovery code";

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">Your password was right. Confirm it&apos;s you with a second factor.</p>
      {methods.length > 1 && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Use</legend>
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
                    void checkWait(m);
                    setCode("");
                    setFieldError(undefined);
                    setFailure(null);
                    setInfo(null);
                  }}
                />
                {methodLabels[m]}
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
          <div className="flex flex-wrap items-center gap-3">
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
          hint={method === "recoveryCode" ? "Each recovery code works once. Dashes and spaces are ignored." : undefined}
        />
        <FormAlert message={wait > 0 ? `Too many attempts. Try again in ${wait} s.` : failure} />
        <Button type="submit" pending={pending} disabled={wait > 0} className="mt-2 w-full">
          {pending ? "Checking…" : "Verify"}
        </Button>
      </form>
    </div>
  );
}
