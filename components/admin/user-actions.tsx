"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi, useDescribeFailure, type ApiFailure, type FailureTexts } from "@/components/api-client";
import { useStepUp } from "@/components/step-up";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useSingleFlight } from "@/components/use-single-flight";
import { ConfirmDialog, type Confirmation } from "./confirm-dialog";

type Action = "lock" | "unlock" | "revoke-sessions" | "reset-2fa" | "send-password-reset" | "grant-admin" | "revoke-admin";

/** Each action's operation: POST /admin/users/{id}/<action> (admin-sudo). */
const actionPaths = {
  lock: "/admin/users/{id}/lock",
  unlock: "/admin/users/{id}/unlock",
  "revoke-sessions": "/admin/users/{id}/revoke-sessions",
  "reset-2fa": "/admin/users/{id}/reset-2fa",
  "send-password-reset": "/admin/users/{id}/send-password-reset",
  "grant-admin": "/admin/users/{id}/grant-admin",
  "revoke-admin": "/admin/users/{id}/revoke-admin",
} as const satisfies Record<Action, `/admin/users/{id}/${Action}`>;

export interface ActionTarget {
  id: number;
  email: string;
  role: "user" | "admin";
  locked: boolean;
  /** any 2FA state to reset: an active or pending method, or recovery codes */
  hasTwoFactor: boolean;
  sessions: number;
  isSelf: boolean;
}

/** The failures this page words itself (UserActions.failures); the rest get describeFailure's texts. */
const ownFailures = [
  "LAST_ADMIN",
  "CANNOT_LOCK_OWN_ACCOUNT",
  "ACCOUNT_ALREADY_LOCKED",
  "ACCOUNT_NOT_LOCKED",
  "2FA_NOT_SET_UP",
  "ALREADY_ADMIN",
  "NOT_ADMIN",
  "ADMIN_REQUIRED",
  "USER_NOT_FOUND",
  "MAIL_DELIVERY_FAILED",
] as const satisfies readonly ApiFailure["code"][];

/** Actions whose confirmation button is red: they take something away, or hand out power over every account. */
const serious = {
  lock: true,
  unlock: false,
  "revoke-sessions": true,
  "reset-2fa": true,
  "send-password-reset": false,
  "grant-admin": true,
  "revoke-admin": true,
} as const satisfies Record<Action, boolean>;

/** The words of an action (UserActions.actions): giving up one's own administrator rights reads differently. */
type Wording = Action | "revoke-own-admin";
const wordingOf = (action: Action, target: ActionTarget): Wording =>
  action === "revoke-admin" && target.isSelf ? "revoke-own-admin" : action;

interface Plan extends Confirmation {
  /** the step-up dialog's line on what is being confirmed */
  reason: string;
  done: string;
}

/** The actions on one account: confirm in the page, then step up (own sudo token), then the API. */
export function UserActions({ target }: { target: ActionTarget }) {
  const router = useRouter();
  const t = useTranslations("UserActions");
  const describeFailure = useDescribeFailure();
  const { withSudo } = useStepUp();
  const [asking, setAsking] = useState<Action | null>(null);
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);

  const plan = (action: Action): Plan => {
    const wording = wordingOf(action, target);
    const values = { email: target.email, count: target.sessions };
    return {
      title: t(`actions.${wording}.title`, values),
      body: t(`actions.${wording}.body`, values),
      confirmLabel: t(`actions.${wording}.confirm`),
      danger: serious[action],
      reason: t(`actions.${wording}.reason`, values),
      done: t(`actions.${wording}.done`, values),
    };
  };
  const failureTexts: FailureTexts = Object.fromEntries(ownFailures.map((code) => [code, t(`failures.${code}`)]));

  const run = useSingleFlight(async (action: Action) => {
    const { reason, done } = plan(action);
    setOutcome(null);
    // the buttons stay enabled (focus returns to them from the dialogs); useSingleFlight drops repeats
    const result = await withSudo(
      (token) => callApi((api) => api.POST(actionPaths[action], { params: { path: { id: target.id } }, body: {} }), token),
      { reason },
    );
    if (result === null) return; // cancelled
    if (!result.ok) {
      setOutcome({ tone: "error", message: describeFailure(result.error, failureTexts) });
      return;
    }
    setOutcome({ tone: "success", message: done });
    if (action === "revoke-admin" && target.isSelf) router.push("/account");
    else router.refresh();
  });

  const button = (action: Action, options: { variant?: "secondary" | "danger"; disabled?: boolean; hint?: string } = {}) => (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant={options.variant ?? "secondary"}
        disabled={options.disabled}
        aria-describedby={options.hint ? `hint-${action}` : undefined}
        onClick={() => setAsking(action)}
      >
        {t(`actions.${wordingOf(action, target)}.button`)}
      </Button>
      {options.hint && (
        <p id={`hint-${action}`} className="text-xs text-slate-600">
          {options.hint}
        </p>
      )}
    </div>
  );

  const confirmation = asking ? plan(asking) : null;

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-2">
        {target.locked
          ? button("unlock")
          : button("lock", {
              variant: "danger",
              disabled: target.isSelf,
              hint: target.isSelf ? t("hints.ownAccount") : undefined,
            })}
        {button("revoke-sessions", {
          disabled: target.sessions === 0,
          hint: target.sessions === 0 ? t("hints.noSessions") : undefined,
        })}
        {button("reset-2fa", {
          variant: "danger",
          disabled: !target.hasTwoFactor,
          hint: !target.hasTwoFactor ? t("hints.nothingSetUp") : undefined,
        })}
        {button("send-password-reset")}
        {target.role === "admin" ? button("revoke-admin") : button("grant-admin")}
      </div>
      <FormAlert message={outcome?.message ?? null} tone={outcome?.tone ?? "error"} />
      <ConfirmDialog
        confirmation={confirmation}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const action = asking;
          setAsking(null);
          if (action) void run(action);
        }}
      />
    </div>
  );
}
