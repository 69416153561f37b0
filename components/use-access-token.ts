"use client";

import { useCallback, useRef } from "react";

/**
 * An access token for the signed-in browser session, fetched from /api/portal/token and kept in
 * memory only; refreshed a little before its 5 minutes run out.
 */
export function useAccessToken() {
  const cached = useRef<{ token: string; until: number } | null>(null);
  return useCallback(async (): Promise<string | null> => {
    if (cached.current && cached.current.until > Date.now()) return cached.current.token;
    const response = await fetch("/api/portal/token", { cache: "no-store" });
    if (!response.ok) return null;
    const { accessToken, expiresIn } = (await response.json()) as { accessToken: string; expiresIn: number };
    cached.current = { token: accessToken, until: Date.now() + (expiresIn - 30) * 1000 };
    return accessToken;
  }, []);
}
