"use client";

import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { nameDevice, type DeviceWords } from "@/components/sessions/user-agent";
import type { AuthenticationCredential, RegistrationCredential } from "@/lib/passkeys/schemas";

// The browser's side of a passkey, through @simplewebauthn/browser: the API hands out options in
// the WebAuthn JSON forms and takes the credential's JSON back (docs/api.md §9), so the pages only
// pass them through. A person closing the browser's prompt is not an error to shout about.

/** Why the browser's side failed, worded by the catalogue (PasskeyProblems). */
export type PasskeyProblem = "alreadyRegistered" | "unsupported" | "failed";

export type PasskeyOutcome<T> =
  | { ok: true; credential: T }
  | {
      ok: false;
      /** null: closed, timed out, or refused by the person: they know, nothing to say */
      problem: PasskeyProblem | null;
    };

function failure(problem: PasskeyProblem | null): PasskeyOutcome<never> {
  return { ok: false, problem };
}

function outcomeOf(error: unknown): PasskeyOutcome<never> {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError") return failure(null);
  if (name === "InvalidStateError") return failure("alreadyRegistered");
  if (name === "NotSupportedError") return failure("unsupported");
  return failure("failed");
}

/** A failed outcome's problem as a sentence in the page's language; null when there is nothing to say. */
export function usePasskeyProblem(): (problem: PasskeyProblem | null) => string | null {
  const t = useTranslations("PasskeyProblems");
  return useCallback((problem) => problem && t(problem), [t]);
}

/** Whether this browser can create and use passkeys at all. */
export const passkeysSupported = () => typeof window !== "undefined" && browserSupportsWebAuthn();

/** Whether the email field can offer passkeys in its autofill list (conditional UI). */
export const passkeyAutofillSupported = () => browserSupportsWebAuthnAutofill();

/** Creates a passkey with the server's creation options. */
export async function createPasskey(options: unknown): Promise<PasskeyOutcome<RegistrationCredential>> {
  try {
    const credential = await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON });
    // the extension outputs as a plain record: the API's schema reads none of them
    return { ok: true, credential: { ...credential, clientExtensionResults: { ...credential.clientExtensionResults } } };
  } catch (error) {
    return outcomeOf(error);
  }
}

/**
 * Signs the server's challenge with a passkey. With `autofill`, the browser offers the passkeys
 * in the email field's suggestions and this waits until the person picks one (or it is cancelled
 * by a later call, e.g. the "Sign in with a passkey" button).
 */
export async function signWithPasskey(options: unknown, { autofill = false } = {}): Promise<PasskeyOutcome<AuthenticationCredential>> {
  try {
    const optionsJSON = options as PublicKeyCredentialRequestOptionsJSON;
    const credential = await startAuthentication({ optionsJSON, useBrowserAutofill: autofill });
    return { ok: true, credential: { ...credential, clientExtensionResults: { ...credential.clientExtensionResults } } };
  } catch (error) {
    return outcomeOf(error);
  }
}

/** Ends a pending autofill request (leaving the page, or another ceremony starting). */
export const cancelPasskeyRequest = () => WebAuthnAbortService.cancelCeremony();

/** "Chrome on macOS", in the page's language: how a new passkey is listed until the person renames it. */
export const defaultPasskeyName = (devices: DeviceWords) =>
  nameDevice(typeof navigator === "undefined" ? null : navigator.userAgent, devices).slice(0, 64);
