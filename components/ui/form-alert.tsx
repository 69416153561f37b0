"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** A form-level message; polite live region so screen readers hear it without losing focus. */
export function FormAlert({ message, tone = "error", id }: { message: ReactNode; tone?: "error" | "info" | "success"; id?: string }) {
  const colours = {
    error: "border-red-300 bg-red-50 text-red-800",
    info: "border-slate-300 bg-slate-50 text-slate-800",
    success: "border-green-300 bg-green-50 text-green-900",
  };
  return (
    <div aria-live="polite" className="min-h-0">
      {message && (
        <p id={id} role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${colours[tone]}`}>
          {message}
        </p>
      )}
    </div>
  );
}

/**
 * The throttle's wait, for a FormAlert. The sentence is announced once; the seconds tick in a
 * region of their own that is not live, so a screen reader does not read the alert again every
 * second, yet finds the current number when it reads the message.
 */
export function TryAgainIn({ seconds }: { seconds: number }) {
  const t = useTranslations("Failures");
  return <>{t.rich("tryAgainIn", { seconds, wait: (chunks) => <span aria-live="off">{chunks}</span> })}</>;
}
