"use client";

import { useCallback } from "react";
import { callApi, clientFailure, type ApiCall, type ApiResult } from "@/components/api-client";
import { useStepUp } from "@/components/step-up";
import type { Answer, DataOf } from "@/lib/api-client";
import { useAccessCall } from "./use-portal-api";

/**
 * Which token a call takes (docs/api.md §2, §4): "access" (A), "sudo" (S), or "sudo-if-2fa" (S/A¬2FA:
 * the access token while the person has no active 2FA method, else a sudo token).
 */
export type CallRule = "access" | "sudo" | "sudo-if-2fa";

const cancelled = { ok: false as const, error: clientFailure("STEP_UP_CANCELLED") };

/**
 * Calls the API with the token the rule asks for. Sudo tokens come from the shared step-up dialog
 * ("confirm it's you", components/step-up), which keeps one in memory while it is valid; closing
 * the dialog answers STEP_UP_CANCELLED (see isCancelled), which the wizards ignore.
 *
 *   const result = await call((api) => api.DELETE("/user/2fa/totp"), "sudo");
 */
export function useSecureCall(hasTwoFactor: boolean, reason?: string) {
  const access = useAccessCall();
  const { withSudo } = useStepUp();
  return useCallback(
    async <A extends Answer>(request: ApiCall<A>, rule: CallRule = "access"): Promise<ApiResult<DataOf<A>>> => {
      if (rule === "sudo-if-2fa" && hasTwoFactor) rule = "sudo";
      const sudo = async () => (await withSudo((sudoToken) => callApi(request, sudoToken), { reason })) ?? cancelled;
      if (rule === "sudo") return sudo();
      const result = await access(request);
      // S/A¬2FA refuses the access token once 2FA is on (turned on since this page loaded, say): confirm instead
      if (rule === "sudo-if-2fa" && !result.ok && result.error.code === "INVALID_TOKEN") return sudo();
      return result;
    },
    [access, withSudo, hasTwoFactor, reason],
  );
}

export const isCancelled = (result: ApiResult<unknown>) => !result.ok && result.error.code === "STEP_UP_CANCELLED";
