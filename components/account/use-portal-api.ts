"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { callApi, type ApiCall, type ApiFailure, type ApiResult } from "@/components/api-client";
import { useAccessToken } from "@/components/use-access-token";
import type { Answer, DataOf } from "@/lib/api-client";
import { signInPath } from "@/lib/browser-session/return-path";

/** Asks past the token cache: is the browser's session still live? */
async function sessionAlive() {
  const response = await fetch("/api/portal/token", { cache: "no-store" }).catch(() => null);
  return !response || response.status !== 401;
}

const signedOut = {
  ok: false as const,
  error: { status: 401, code: "NO_TOKEN_PROVIDED", message: "NO_TOKEN_PROVIDED" } satisfies ApiFailure,
};

/** To /login with the "you were signed out" notice, and back to this page after the sign-in. */
const signedOutPath = () => signInPath(`${location.pathname}${location.search}`, "ended");

/**
 * The portal's calls to the public API with the signed-in session's access token. When the
 * session has ended (signed out elsewhere, ended from another device), the page goes to /login.
 *
 *   const result = await call((api) => api.GET("/user/sessions"));
 */
export function useAccessCall() {
  const getAccessToken = useAccessToken();
  const router = useRouter();
  return useCallback(
    async <A extends Answer>(request: ApiCall<A>): Promise<ApiResult<DataOf<A>>> => {
      const token = await getAccessToken();
      if (!token) {
        router.replace(signedOutPath());
        return signedOut;
      }
      const result = await callApi(request, token);
      if (!result.ok && result.error.code === "INVALID_TOKEN" && !(await sessionAlive())) router.replace(signedOutPath());
      return result;
    },
    [getAccessToken, router],
  );
}
