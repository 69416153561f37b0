"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { callApi, useDescribeFailure, type ApiFailure } from "@/components/api-client";
import type { DataOf, GatehouseClient } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { FormAlert, TryAgainIn } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { isSixDigitCode, stripCodeSeparators } from "@/components/account/code-field";
import { useCountdown } from "@/components/use-countdown";
import { useSingleFlight } from "@/components/use-single-flight";
import { signWithPasskey } from "@/components/passkeys/webauthn";

export type SecondFactorMethod = "passkey" | "totp" | "emailOtp" | "recoveryCode";
/** the methods proved by typing a code */
type CodeMethod = Exclude<SecondFactorMethod, "passkey">;

/** The order offered: a passkey first (one touch, and it cannot be phished), recovery codes last. */
const offerOrder: SecondFactorMethod[] = ["passkey", "totp", "emailOtp", "recoveryCode"];

const authenticateTotp = (api: GatehouseClient, totp: string) => api.POST("/user/2fa/totp/authenticate", { body: { totp } });

/** What a factor's authenticate call answers: `{ sudoToken }`, or with a partial token the new session's tokens. */
export type AuthenticateAnswer = DataOf<Awaited<ReturnType<typeof authenticateTotp>>>;

/** A call answering `D` (each operation's own error codes left aside: the form reads ApiFailure). */
type Answering<D> = Promise<{ data?: D; error?: unknown; response: Response }>;

interface Factor {
  /** the code's length, checked before anything is sent */
  length: number;
  authenticate: (api: GatehouseClient, code: string) => Answering<AuthenticateAnswer>;
  /** the factor's wait-time query, where it has one */
  nextGuess?: (api: GatehouseClient) => Answering<{ duration: number }>;
}

const factors: Record<CodeMethod, Factor> = {
  totp: { length: 6, authenticate: authenticateTotp, nextGuess: (api) => api.GET("/user/2fa/totp/next-guess") },
  emailOtp: { length: 6, authenticate: (api, otp) => api.POST("/user/2fa/email-otp/authenticate", { body: { otp } }) },
  recoveryCode: {
    length: 16,
    authenticate: (api, recoveryCode) => api.POST("/user/2fa/recovery-code/authenticate", { body: { recoveryCode } }),
    nextGuess: (api) => api.GET("/user/2fa/recovery-code/next-guess"),
  },
};

/** The wait-time queries of the factors that have one (docs/api.md §5). */
const waitQueries: Partial<Record<SecondFactorMethod, (api: GatehouseClient) => Answering<{ duration: number }>>> = {
  totp: factors.totp.nextGuess,
  recoveryCode: factors.recoveryCode.nextGuess,
  passkey: (api) => api.GET("/user/2fa/passkey/next-guess"),
};

/** Email codes are the one method (recovery codes are the fallback, not a choice). */
const onlyEmailCodes = (methods: SecondFactorMethod[]) => methods.filter((m) => m !== "recoveryCode").join() === "emailOtp";

/** The methods beside email codes, named in "You can also use …" when a code mail has to wait. */
type OtherMethod = Exclude<SecondFactorMethod, "emailOtp">;
const besideEmailCodes = (methods: SecondFactorMethod[]) => methods.filter((m): m is OtherMethod => m !== "emailOtp");

export interface SecondFactorFormProps {
  methods: SecondFactorMethod[];
  /** the token the authenticate calls run with: a partial token (sign-in) or an access token (step-up) */
  getToken: () => Promise<string | null>;
  /** what the API's answer earns: tokens for the sign-in, a sudo token for the step-up */
  onSuccess: (answer: AuthenticateAnswer) => Promise<void> | void;
  legend: string;
  submitLabel: string;
  /** said when the token behind the form has expired or ended */
  tokenExpired: string;
  emailAddress?: string;
  recoveryCodesLeft?: number;
  /** e.g. a Cancel button beside the submit button */
  secondaryAction?: React.ReactNode;
}

/**
 * Proves one active second factor through the public API (docs/api.md §4 #4, #9–#10, #13): the person
 * picks a method, sends an email code when that is the method, and types the code. Each factor
 * has its own throttle (docs/api.md §5), so each its own live "try again in N s". Used by the sign-in's
 * second step and by the "confirm it's you" dialog.
 */
export function SecondFactorForm({
  methods: offered,
  getToken,
  onSuccess,
  legend,
  submitLabel,
  tokenExpired,
  emailAddress,
  recoveryCodesLeft,
  secondaryAction,
}: SecondFactorFormProps) {
  const methods = offerOrder.filter((m) => offered.includes(m));
  const t = useTranslations("SecondFactorForm");
  const factorName = useTranslations("Factors");
  const format = useFormatter();
  const describeFailure = useDescribeFailure();
  const [method, setMethod] = useState<SecondFactorMethod>(methods[0]);
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [blockedUntil, setBlockedUntil] = useState<Partial<Record<SecondFactorMethod, number>>>({});
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const wait = useCountdown(blockedUntil[method] ?? null);
  const resendIn = useCountdown(resendAt);
  const inputRef = useRef<HTMLInputElement>(null);
  const groupId = useId();

  const blockFor = (m: SecondFactorMethod, seconds: number) => setBlockedUntil((all) => ({ ...all, [m]: Date.now() + seconds * 1000 }));

  /** A wrong guess may start a wait (from the 5th on): ask the wait-time query so the countdown shows at once. */
  const checkWait = async (m: SecondFactorMethod) => {
    const nextGuess = waitQueries[m];
    const token = nextGuess ? await getToken() : null;
    if (!nextGuess || !token) return;
    const next = await callApi(nextGuess, token);
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
    if (error.code === "INVALID_TOKEN") return setFailure(tokenExpired);
    if (error.status === 429) blockFor(method, error.retryAfter ?? 1);
    setFailure(error.status === 429 ? null : describeFailure(error));
  };

  const sendEmailCode = useSingleFlight(async () => {
    setFailure(null);
    const token = await getToken();
    if (!token) return setFailure(tokenExpired);
    const sent = await callApi((api) => api.POST("/user/2fa/email-otp/challenge", { body: {} }), token);
    const next = await callApi((api) => api.GET("/user/2fa/email-otp/next-email"), token);
    if (next.ok) setResendAt(Date.now() + next.data.duration * 1000);
    const address = emailAddress ?? t("yourEmailAddress");
    if (sent.ok) setInfo(t("codeSent", { address }));
    else if (sent.error.status === 429) {
      // one mail a minute (docs/api.md §5): the code of the last one still works, so say so
      // rather than leave a bare countdown behind a button that sent nothing
      setResendAt(Date.now() + (sent.error.retryAfter ?? 60) * 1000);
      const others = besideEmailCodes(methods).map((m) => t(`otherMethods.${m}`));
      const alsoUse = others.length ? t("alsoUse", { methods: format.list(others, { type: "disjunction" }) }) : null;
      setInfo([t("mailTooSoon", { address }), alsoUse].filter(Boolean).join(" "));
    } else showFailure(sent.error);
    inputRef.current?.focus();
  });

  // with email codes the only way in, there is nothing to choose: send the code at once
  useEffect(() => {
    if (onlyEmailCodes(methods)) void sendEmailCode();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the first showing
  }, []);

  /** Runs one authenticate call with the form's token and hands its answer on; a refusal goes to the message slot. */
  const prove = async (authenticate: (api: GatehouseClient) => Answering<AuthenticateAnswer>) => {
    setFailure(null);
    setPending(true);
    try {
      const token = await getToken();
      if (!token) return setFailure(tokenExpired);
      const result = await callApi(authenticate, token);
      if (!result.ok) {
        showFailure(result.error);
        if (result.error.status === 401 && result.error.code !== "INVALID_TOKEN") await checkWait(method);
        inputRef.current?.focus();
        return;
      }
      setCode("");
      await onSuccess(result.data);
    } finally {
      setPending(false);
    }
  };

  /** A passkey: the server's challenge, the browser's prompt, the signed answer. */
  const provePasskey = async () => {
    setFailure(null);
    const token = await getToken();
    if (!token) return setFailure(tokenExpired);
    const options = await callApi((api) => api.POST("/user/2fa/passkey/authenticate/options", { body: {} }), token);
    if (!options.ok) return showFailure(options.error);
    const signed = await signWithPasskey(options.data);
    if (!signed.ok) return setFailure(signed.message);
    await prove((api) => api.POST("/user/2fa/passkey/authenticate", { body: { credential: signed.credential } }));
  };

  const submit = useSingleFlight(async () => {
    if (method === "passkey") return provePasskey();
    const spec = factors[method];
    const recovery = method === "recoveryCode";
    const value = recovery ? stripCodeSeparators(code).toUpperCase() : stripCodeSeparators(code);
    // a code that cannot be right is never sent: it would count against the throttle
    if (recovery ? value.length !== spec.length : !isSixDigitCode(value)) {
      setFieldError(recovery ? t("enterRecoveryCode", { length: spec.length }) : t("enterSixDigits"));
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    await prove((api) => spec.authenticate(api, value));
  });

  const recoveryHint = recoveryCodesLeft === undefined ? t("recoveryHint") : t("recoveryHintLeft", { count: recoveryCodesLeft });

  return (
    <div className="flex flex-col gap-4">
      {methods.length > 1 && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">{legend}</legend>
          <div className="flex flex-wrap gap-2">
            {methods.map((m) => (
              <label
                key={m}
                className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand has-[:checked]:bg-blue-50"
              >
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
                {factorName(m)}
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
              {resendIn > 0 ? t("sendAgainIn", { seconds: resendIn }) : info ? t("sendNewCode") : t("sendCode")}
            </Button>
          </div>
        )}
        <FormAlert message={info} tone="info" />
        {method === "passkey" ? (
          <p className="text-sm text-slate-700">{t("passkeyPrompt")}</p>
        ) : (
          <TextField
            ref={inputRef}
            label={t(`fieldLabels.${method}`)}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            inputMode={method === "recoveryCode" ? "text" : "numeric"}
            autoComplete="one-time-code"
            maxLength={method === "recoveryCode" ? 24 : 12}
            error={fieldError}
            hint={method === "recoveryCode" ? recoveryHint : undefined}
          />
        )}
        <FormAlert message={wait > 0 ? <TryAgainIn seconds={wait} /> : failure} />
        <div className="mt-2 flex gap-2">
          <Button type="submit" pending={pending} disabled={wait > 0} className="flex-1">
            {pending ? t("checking") : method === "passkey" ? t("usePasskey") : submitLabel}
          </Button>
          {secondaryAction}
        </div>
      </form>
    </div>
  );
}
