"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef } from "react";
import { useBrand } from "@/components/brand/brand-context";
import { pageMailParametersMiddleware } from "@/components/mail-parameters";
import {
  createGatehouseClient,
  settle,
  type Answer,
  type ApiFailure as GatehouseFailure,
  type ClientErrorCode as GatehouseClientErrorCode,
  type DataOf,
  type GatehouseClient,
} from "@/lib/api-client";

// The portal drives the same public API that third parties use, through the same typed client
// (lib/api-client): a page says which operation it calls, and the answer's type follows from it.

/** Failures of the client itself (lib/api-client's), and the person closing the step-up dialog. */
export type ClientErrorCode = GatehouseClientErrorCode | "STEP_UP_CANCELLED";

export type ApiFailure = Omit<GatehouseFailure, "code"> & { code: GatehouseFailure["code"] | ClientErrorCode };

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

/** One call of the typed client: `(api) => api.GET("/user/2fa")`. */
export type ApiCall<A extends Answer> = (api: GatehouseClient) => Promise<A>;

/** What a page says for each code it words itself; the codes it leaves out get describeFailure's text. */
export type FailureTexts = Partial<Record<ApiFailure["code"], string>>;

/** The failure a client-side code stands for (no server answer behind it). */
export const clientFailure = (code: ClientErrorCode, status = 0): ApiFailure => ({ status, code, message: code });

/** The portal's client: the API under this origin's /api, with `token` as the bearer token. */
function portalClient(token?: string | null) {
  const client = createGatehouseClient({ baseUrl: "/api", token, cache: "no-store" });
  client.use(pageMailParametersMiddleware);
  return client;
}

/** Runs one call with `token` (none: a public operation) and answers its result, never a throw. */
export function callApi<A extends Answer>(call: ApiCall<A>, token?: string | null): Promise<ApiResult<DataOf<A>>> {
  return settle(call(portalClient(token)));
}

/** The codes the pages word themselves (messages/<lang>/shell.json, Failures.codes); the rest get the general sentence. */
const WORDED_CODES = [
  "PASSWORD_INCORRECT",
  "ACCOUNT_LOCKED",
  "NO_PASSWORD_INFO",
  "TOTP_INCORRECT",
  "OTP_INVALID_EXPIRED",
  "RECOVERY_CODE_INCORRECT",
  "INVALID_TOKEN",
  "NETWORK_ERROR",
  "FORBIDDEN_MAIL_PROVIDER",
  "NEW_EMAIL_ALREADY_IN_USE",
] as const satisfies readonly ApiFailure["code"][];

type WordedCode = (typeof WORDED_CODES)[number];
const isWorded = (code: ApiFailure["code"]): code is WordedCode => (WORDED_CODES as readonly string[]).includes(code);

/** A sentence for a person about a failed call; `own` words the codes a page says itself. */
export type DescribeFailure = (error: ApiFailure, own?: FailureTexts) => string;

/**
 * describeFailure in the page's language: throttles name the wait, a 400 says what the server said.
 * The function stays the same for the page's life (it reads the latest words when called), so a
 * loader that depends on it does not run again when the page re-renders, as it does when a
 * server action answers: a sign-out's re-render would otherwise refetch with the ended session.
 */
export function useDescribeFailure(): DescribeFailure {
  const t = useTranslations("Failures");
  const { name: brand } = useBrand();
  const words = useRef({ t, brand });
  useEffect(() => {
    words.current = { t, brand };
  });
  return useCallback((error, own = {}) => {
    const { t, brand } = words.current;
    const text = own[error.code];
    if (text) return text;
    if (error.status === 429) return t("tooManyAttempts", { seconds: error.retryAfter ?? 1 });
    if (error.status === 400) return error.message;
    return isWorded(error.code) ? t(`codes.${error.code}`, { brand }) : t("general");
  }, []);
}
