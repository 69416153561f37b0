"use client";

import { useCallback, useRef } from "react";

/**
 * Wraps an async action so that a double click (or Enter pressed twice) never sends the same
 * request twice: calls made while one is in flight are dropped.
 */
export function useSingleFlight<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const inFlight = useRef(false);
  return useCallback(
    async (...args: A) => {
      if (inFlight.current) return;
      inFlight.current = true;
      try {
        await action(...args);
      } finally {
        inFlight.current = false;
      }
    },
    [action],
  );
}
