"use client";

import { useCallback } from "react";
import type { ApiResult } from "@/components/api-client";
import { useAccessCall, type CallInit } from "./use-portal-api";

/**
 * Which token a call takes (spec §2, §4): "access" (A), "sudo" (S), or "sudo-if-2fa" (S/A¬2FA:
 * the access token while the person has no active 2FA method, else a sudo token).
 */
export type CallRule = "access" | "sudo" | "sudo-if-2fa";

const cancelled = { ok: false as const, error: { status: 0, code: "STEP_UP_CANCELLED" } };

/**
 * Calls the API with the token the rule asks for. Sudo tokens come from the step-up dialog
 * ("confirm it's you"), which keeps one in memory while it is valid.
 */
export function useSecureCall(hasTwoFactor: boolean) {
  const access = useAccessCall();
  const withSudo = useSudo();
  return useCallback(
    async <T = unknown>(path: string, init: CallInit, rule: CallRule = "access"): Promise<ApiResult<T>> => {
      if (rule === "access" || (rule === "sudo-if-2fa" && !hasTwoFactor)) return access<T>(path, init);
      return withSudo<T>(path, init);
    },
    [access, withSudo, hasTwoFactor],
  );
}

/** STEP-UP: replaced by the shared dialog of components/step-up once it is in. */
function useSudo() {
  return useCallback(async <T>(_path: string, _init: CallInit): Promise<ApiResult<T>> => cancelled, []);
}

export const isCancelled = (result: ApiResult<unknown>) => !result.ok && result.error.code === "STEP_UP_CANCELLED";
