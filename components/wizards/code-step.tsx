"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useDescribeFailure, type ApiFailure, type ApiResult, type FailureTexts } from "@/components/api-client";
import { CodeField, isSixDigitCode, stripCodeSeparators } from "@/components/account/code-field";
import { TryAgainIn } from "@/components/ui/form-alert";
import { isCancelled } from "@/components/account/use-secure-call";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/form-actions";
import { useFieldError } from "@/components/i18n/field-error";
import { useCountdown } from "@/components/use-countdown";
import { useSingleFlight } from "@/components/use-single-flight";
import { useDescribeMailFailure, type CodeMail } from "./code-mail";
import type { ErrorCode } from "@/lib/errors/catalogue";

/** The API's answer to a mailed code that is wrong, expired, or replaced by a newer one. */
const WRONG_EMAIL_CODE: ErrorCode = "OTP_INVALID_EXPIRED";

/** The form's own rule after the route's schema; worded like the schemas' rules (FieldErrors.sixDigits). */
const SIX_DIGITS = "must be 6 digits";

/** The API's code for a wrong code, and what to say under the field. */
interface WrongCode {
  code: ErrorCode;
  message: string;
}

export interface CodeStepProps<T> {
  /** focused when the step opens, so it is announced; leave out where the page heads its steps itself */
  heading?: string;
  /** above the field: where the code was sent, or the QR code to scan */
  children: React.ReactNode;
  /** the field's label; a code from an email unless told otherwise */
  label?: string;
  /** the route's own schema for the code, so the form refuses what the API would */
  codeSchema: z.ZodType<string, string>;
  submitLabel: string;
  /** the API's answer to a wrong code, and what to say under the field; a mailed code's unless told otherwise */
  wrongCode?: WrongCode;
  /** form-level texts by API code, where describeFailure's general ones say too little */
  messages?: FailureTexts;
  /** said when the step opens, e.g. why the person is back here */
  notice?: string | null;
  confirm: (code: string) => Promise<ApiResult<T>>;
  onConfirmed: (answer: T, code: string) => void;
  /** a failure the flow answers itself (the set-up ended: start again); true when it did */
  onFailure?: (error: ApiFailure) => boolean;
  /** for a mailed code: "Send a new code" with its countdown, and "Use another address" */
  resend?: { to: string; mail: CodeMail; onChangeAddress: () => void };
  /** in a narrow card (the pages before sign-in): the submit button spans it, the other actions go below */
  compact?: boolean;
}

/**
 * The step where the person types a 6-digit code: from an email (set up email codes, change the
 * address, forgot password) or from an authenticator app (set up TOTP). Checks the code with the
 * route's schema, sends it. What the form sees wrong with the code it says under the field; what
 * the API answers (a wrong code, a throttle's live "try again in N s") goes below the buttons,
 * the field marked as the one at fault, so that no long answer moves the button.
 */
export function CodeStep<T>({
  heading,
  children,
  label,
  codeSchema,
  submitLabel,
  wrongCode,
  messages = {},
  notice,
  confirm,
  onConfirmed,
  onFailure,
  resend,
  compact,
}: CodeStepProps<T>) {
  const t = useTranslations("CodeStep");
  const describeFailure = useDescribeFailure();
  const describeMailFailure = useDescribeMailFailure();
  const describeFieldError = useFieldError();
  const wrong = wrongCode ?? { code: WRONG_EMAIL_CODE, message: t("wrongEmailCode") };
  const [failure, setFailure] = useState<string | null>(notice ?? null);
  /** the API said the code is wrong: the failure is about the field */
  const [codeRefused, setCodeRefused] = useState(false);
  const messageId = useId();
  const [info, setInfo] = useState<string | null>(null);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const wait = useCountdown(blockedUntil);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // spaces and dashes go before the route's schema sees the code; what is then no 6 digits is never sent
  const schema = useMemo(
    () => z.object({ code: z.string().transform(stripCodeSeparators).pipe(codeSchema).refine(isSixDigitCode, SIX_DIGITS) }),
    [codeSchema],
  );
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(schema), defaultValues: { code: "" }, shouldFocusError: true });

  useEffect(() => headingRef.current?.focus(), []);

  const check = useSingleFlight(async ({ code }: { code: string }) => {
    setFailure(null);
    setCodeRefused(false);
    const result = await confirm(code);
    if (result.ok) return onConfirmed(result.data, code);
    const { error } = result;
    if (error.code === wrong.code) {
      setFailure(wrong.message);
      setCodeRefused(true);
      return setFocus("code");
    }
    if (onFailure?.(error) || isCancelled(result)) return;
    if (error.status === 429) setBlockedUntil(Date.now() + (error.retryAfter ?? 1) * 1000);
    else setFailure(describeFailure(error, messages));
    setFocus("code");
  });

  const sendAgain = useSingleFlight(async () => {
    if (!resend) return;
    setFailure(null);
    setCodeRefused(false);
    setInfo(null);
    const result = await resend.mail.send(resend.to);
    if (result.ok) setInfo(t("resent", { email: resend.to }));
    else if (!isCancelled(result)) setFailure(describeMailFailure(result.error, messages));
  });

  const resendIn = resend?.mail.resendIn ?? 0;
  const codeError = describeFieldError(errors.code, t("codeName"));

  return (
    <form onSubmit={handleSubmit(check)} noValidate className={`flex flex-col ${compact ? "gap-2" : "gap-3"}`}>
      {heading && (
        <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
          {heading}
        </h2>
      )}
      {children}
      <div className={compact ? undefined : "max-w-xs"}>
        <CodeField
          label={label ?? t("emailCodeLabel")}
          {...register("code")}
          error={codeError}
          invalidBecause={codeRefused && failure ? messageId : undefined}
        />
      </div>
      {/* compact: the full-width submit fills the first row, so the other two share the second */}
      <FormActions
        message={wait > 0 ? <TryAgainIn seconds={wait} /> : (failure ?? info)}
        tone={wait > 0 || failure ? "error" : "info"}
        messageId={messageId}
        className={compact ? "justify-between gap-y-4" : ""}
      >
        <Button type="submit" pending={isSubmitting} disabled={wait > 0} className={compact ? "w-full" : ""}>
          {isSubmitting ? t("checking") : submitLabel}
        </Button>
        {resend && (
          <>
            <Button type="button" variant="secondary" disabled={resendIn > 0} onClick={() => void sendAgain()}>
              {resendIn > 0 ? t("sendAgainIn", { seconds: resendIn }) : t("sendNew")}
            </Button>
            <Button type="button" variant="ghost" onClick={resend.onChangeAddress}>
              {t("otherAddress")}
            </Button>
          </>
        )}
      </FormActions>
    </form>
  );
}
