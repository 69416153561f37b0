"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useDescribeFailure, type ApiFailure, type ApiResult, type FailureTexts } from "@/components/api-client";
import { useCountdown } from "@/components/use-countdown";

/** Mails a code and counts down until another may go; handed to a flow's address and code steps. */
export interface CodeMail {
  /** seconds until another code may be mailed; 0 when one may go now */
  resendIn: number;
  /** mails a code to `to` and starts the countdown to the next one */
  send: (to: string) => Promise<ApiResult<unknown>>;
}

/**
 * Every endpoint that mails a code lets one mail go per minute and answers a 429 with the wait
 * (docs/api.md §5). The flow owns the countdown, not a step, so going back to the address and on again
 * does not reset it.
 */
export function useCodeMail(
  mail: (to: string) => Promise<ApiResult<unknown>>,
  {
    intervalSeconds,
    askWait,
  }: {
    intervalSeconds: number;
    /** where the API can say how long the wait is, ask it rather than assume */ askWait?: () => Promise<number | null>;
  },
): CodeMail {
  const [resendAt, setResendAt] = useState<number | null>(null);
  const resendIn = useCountdown(resendAt);

  const send = async (to: string) => {
    const result = await mail(to);
    const told = askWait ? await askWait() : null;
    const wait = told ?? (result.ok ? intervalSeconds : result.error.status === 429 ? (result.error.retryAfter ?? intervalSeconds) : null);
    if (wait !== null) setResendAt(Date.now() + wait * 1000);
    return result;
  };

  return { resendIn, send };
}

/** Why a code did not go, for the person; `own` words the codes a step says itself. */
export function useDescribeMailFailure(): (error: ApiFailure, own?: FailureTexts) => string {
  const t = useTranslations("Failures");
  const describeFailure = useDescribeFailure();
  return useCallback(
    // here a 429 is the one-mail-a-minute rule, not a wrong guess
    (error, own) => (error.status === 429 ? t("mailTooSoon", { seconds: error.retryAfter ?? 60 }) : describeFailure(error, own)),
    [t, describeFailure],
  );
}
