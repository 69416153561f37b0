"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ApiResult } from "@/components/api-client";
import { useAccessToken } from "@/components/use-access-token";
import { forgetHeldSudo, holdSudo, loadHeldSudo, type Sudo } from "./held-sudo";
import { StepUpDialog } from "./step-up-dialog";

export type { Sudo };

export interface WithSudoOptions {
  /** shown in the dialog, e.g. "Lock alice@example.com" */
  reason?: string;
}

export interface StepUp {
  /**
   * Runs `action` with a sudo token: the one held in memory while it has more than a few seconds
   * left, otherwise a new one from the "confirm it's you" dialog. Resolves to what `action`
   * resolves to, or null when the person closed the dialog. When `action` answers an ApiResult
   * with 401 INVALID_TOKEN (the token expired or its session ended meanwhile), the token is
   * forgotten and the dialog asks once more.
   */
  withSudo<T>(action: (sudoToken: string) => Promise<T>, options?: WithSudoOptions): Promise<T | null>;
  /** the token in memory, or null */
  sudo: Sudo | null;
  /** drops the token at once (e.g. a "forget" button, or signing out) */
  forget(): void;
}

const StepUpContext = createContext<StepUp | null>(null);

/** Renew a little early, so a token does not expire between the check here and the server's. */
const MARGIN_MS = 15_000;
const FALLBACK_LIFETIME_MS = 5 * 60_000;

/** The `exp` claim of a JWT (read, not verified: the server verifies). */
export function tokenExpiry(token: string, now = Date.now()): number {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const { exp } = JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), "="))) as { exp?: number };
    return typeof exp === "number" ? exp * 1000 : now + FALLBACK_LIFETIME_MS;
  } catch {
    return now + FALLBACK_LIFETIME_MS;
  }
}

const isInvalidTokenResult = (value: unknown) => {
  if (typeof value !== "object" || value === null || (value as { ok?: unknown }).ok !== false) return false;
  const { error } = value as Extract<ApiResult<unknown>, { ok: false }>;
  return error?.status === 401 && error.code === "INVALID_TOKEN";
};

interface Pending {
  reason?: string;
  resolve: (token: string | null) => void;
}

/**
 * Gives its subtree `useStepUp()`: one "confirm it's you" dialog and one sudo token in memory,
 * shared by every action below it. Put it once around a signed-in area (the admin dashboard, the
 * portal's security pages).
 *
 *   const { withSudo } = useStepUp();
 *   const result = await withSudo((sudoToken) => callApi((api) => api.DELETE("/user/2fa/totp"), sudoToken), { reason: "Turn off your authenticator app" });
 *   if (result === null) return; // cancelled
 */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const getAccessToken = useAccessToken();
  const [sudo, setSudo] = useState<Sudo | null>(null);
  const sudoRef = useRef<Sudo | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const keep = useCallback((next: Sudo | null) => {
    sudoRef.current = next;
    setSudo(next);
  }, []);

  /** Drops the token here and in the browser session (Forget, or the server refused it). */
  const drop = useCallback(() => {
    if (sudoRef.current) void forgetHeldSudo();
    keep(null);
  }, [keep]);

  // a step-up confirmed before a reload (or by the sign-in's second factor) still counts; an
  // action started before the browser session has answered waits for it rather than ask again
  const heldLoaded = useRef<Promise<void> | null>(null);
  useEffect(() => {
    let cancelled = false;
    heldLoaded.current = loadHeldSudo().then((held) => {
      if (!cancelled && held && !sudoRef.current) keep(held);
    });
    return () => {
      cancelled = true;
    };
  }, [keep]);

  // forget the token the moment it expires, so the countdown and the state agree
  useEffect(() => {
    if (!sudo) return;
    const timer = setTimeout(() => keep(null), Math.max(0, sudo.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [sudo, keep]);

  // one dialog at a time: callers arriving while it is open wait for the same answer
  const asking = useRef<Promise<string | null> | null>(null);
  const ask = useCallback((reason?: string) => {
    if (!asking.current) {
      asking.current = new Promise<string | null>((resolve) => setPending({ reason, resolve })).finally(() => {
        asking.current = null;
      });
    }
    return asking.current;
  }, []);

  const freshToken = useCallback(
    async (reason?: string): Promise<string | null> => {
      await heldLoaded.current;
      const held = sudoRef.current;
      if (held && held.expiresAt - Date.now() > MARGIN_MS) return held.token;
      drop();
      return ask(reason);
    },
    [ask, drop],
  );

  const withSudo = useCallback(
    async <T,>(action: (sudoToken: string) => Promise<T>, options: WithSudoOptions = {}): Promise<T | null> => {
      for (let attempt = 0; attempt < 2; attempt++) {
        const token = await freshToken(options.reason);
        if (!token) return null;
        const result = await action(token);
        if (!isInvalidTokenResult(result) || attempt === 1) return result;
        drop(); // expired or its session ended meanwhile: ask again, once
      }
      return null;
    },
    [freshToken, drop],
  );

  const value = useMemo<StepUp>(() => ({ withSudo, sudo, forget: drop }), [withSudo, sudo, drop]);

  return (
    <StepUpContext.Provider value={value}>
      {children}
      <StepUpDialog
        open={pending !== null}
        reason={pending?.reason}
        getAccessToken={getAccessToken}
        onToken={(token) => {
          keep({ token, expiresAt: tokenExpiry(token) });
          void holdSudo(token);
          pending?.resolve(token);
          setPending(null);
        }}
        onCancel={() => {
          pending?.resolve(null);
          setPending(null);
        }}
      />
    </StepUpContext.Provider>
  );
}

/** The step-up API of the nearest StepUpProvider. */
export function useStepUp(): StepUp {
  const context = useContext(StepUpContext);
  if (!context) throw new Error("useStepUp() needs a <StepUpProvider> above it");
  return context;
}
