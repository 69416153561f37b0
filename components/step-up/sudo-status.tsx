"use client";

import { useTranslations } from "next-intl";
import { useCountdown } from "@/components/use-countdown";
import { useStepUp } from "./step-up-provider";

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

/**
 * Shows whether a confirmation (sudo token) is held and how long it lasts, with a button to
 * forget it at once. Renders nothing while none is held.
 */
export function SudoStatus({ className = "" }: { className?: string }) {
  const t = useTranslations("SudoStatus");
  const { sudo, forget } = useStepUp();
  const left = useCountdown(sudo?.expiresAt ?? null);
  if (!sudo || left <= 0) return null;
  return (
    <div
      className={`flex items-center gap-2 rounded-md border border-green-300 bg-green-50 px-2 py-1 text-xs text-green-900 ${className}`}
      data-testid="sudo-status"
    >
      <span>
        {t.rich("confirmed", {
          clock: clock(left),
          time: (chunks) => <span aria-label={t("timeLeft", { minutes: Math.floor(left / 60), seconds: left % 60 })}>{chunks}</span>,
        })}
      </span>
      <button type="button" onClick={forget} className="rounded px-1 font-medium underline hover:bg-green-100">
        {t("forget")}
      </button>
    </div>
  );
}
