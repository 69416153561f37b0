"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef } from "react";
import { callApi, useDescribeFailure, type ApiFailure } from "@/components/api-client";
import { cancelPasskeyRequest, passkeyAutofillSupported, signWithPasskey } from "@/components/passkeys/webauthn";

// Signing in with a passkey instead of a password (docs/api.md §9): the server's challenge, bound
// to no one; the browser's prompt (a user-verified passkey is two factors by itself); a refresh
// token, as a password sign-in without 2FA answers.

export type PasskeySignInResult = { ok: true; refreshToken: string } | { ok: false; message: string | null };

/** A failed passkey sign-in in the page's language: a refused passkey is worded here, the rest as everywhere. */
export type DescribePasskeyFailure = (error: ApiFailure) => string;

export function useDescribePasskeyFailure(): DescribePasskeyFailure {
  const t = useTranslations("PasskeySignIn");
  const describeFailure = useDescribeFailure();
  return useCallback((error) => describeFailure(error, { PASSKEY_INVALID: t("refused") }), [t, describeFailure]);
}

/** One passkey sign-in; with `autofill`, it waits for the person to pick a passkey in the email field's suggestions. */
export async function signInWithPasskey(describeFailure: DescribePasskeyFailure, { autofill = false } = {}): Promise<PasskeySignInResult> {
  const options = await callApi((api) => api.POST("/auth/passkey/options", { body: {} }));
  if (!options.ok) return { ok: false, message: describeFailure(options.error) };
  const signed = await signWithPasskey(options.data, { autofill });
  if (!signed.ok) return signed;
  const login = await callApi((api) => api.POST("/auth/passkey/login", { body: { credential: signed.credential } }));
  if (!login.ok) return { ok: false, message: describeFailure(login.error) };
  return { ok: true, refreshToken: login.data };
}

/**
 * Conditional UI: where the browser supports it, the passkeys for this site show up among the
 * email field's suggestions (its autocomplete names "webauthn"), and picking one signs in. It
 * waits only while `active` (the password step is showing): the second step, or leaving the
 * page, withdraws the offer.
 */
export function usePasskeyAutofill(active: boolean, onResult: (result: PasskeySignInResult) => void) {
  const describeFailure = useDescribePasskeyFailure();
  const latest = useRef(onResult);
  const describe = useRef(describeFailure);
  useEffect(() => {
    latest.current = onResult;
    describe.current = describeFailure;
  }, [onResult, describeFailure]);
  useEffect(() => {
    if (!active) return;
    let live = true;
    void (async () => {
      if (!(await passkeyAutofillSupported()) || !live) return;
      const result = await signInWithPasskey(describe.current, { autofill: true });
      // a cancelled request (the button, leaving the page) has nothing to say
      if (live && (result.ok || result.message)) latest.current(result);
    })();
    return () => {
      live = false;
      cancelPasskeyRequest();
    };
  }, [active]);
}
