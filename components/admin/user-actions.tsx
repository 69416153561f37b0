"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi, useDescribeFailure, type FailureTexts } from "@/components/api-client";
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

const errorMessages: FailureTexts = {
  LAST_ADMIN: "This is the last working administrator. Make someone else an administrator first.",
  CANNOT_LOCK_OWN_ACCOUNT: "You cannot lock your own account.",
  ACCOUNT_ALREADY_LOCKED: "The account is already locked.",
  ACCOUNT_NOT_LOCKED: "The account is not locked.",
  "2FA_NOT_SET_UP": "The account has no two-factor authentication to reset.",
  ALREADY_ADMIN: "The account is already an administrator.",
  NOT_ADMIN: "The account is not an administrator.",
  ADMIN_REQUIRED: "You are no longer an administrator.",
  USER_NOT_FOUND: "The account no longer exists.",
  MAIL_DELIVERY_FAILED: "The mail could not be sent. Check the mail log and try again.",
};

function plan(action: Action, target: ActionTarget): Confirmation & { done: string } {
  const who = target.email;
  switch (action) {
    case "lock":
      return {
        title: `Lock ${who}?`,
        body: "They can no longer sign in, and all their sessions end now. They are told by mail. You can unlock the account later.",
        confirmLabel: "Lock account",
        danger: true,
        done: `${who} is locked and signed out everywhere.`,
      };
    case "unlock":
      return {
        title: `Unlock ${who}?`,
        body: "They can sign in again with their password and second factor.",
        confirmLabel: "Unlock account",
        done: `${who} is unlocked.`,
      };
    case "revoke-sessions":
      return {
        title: `End all sessions of ${who}?`,
        body: `Every device signed in to this account (${target.sessions} now) is signed out. The account itself keeps working.`,
        confirmLabel: "End all sessions",
        danger: true,
        done: `All sessions of ${who} ended.`,
      };
    case "reset-2fa":
      return {
        title: `Reset two-factor authentication of ${who}?`,
        body: "Their authenticator app, email codes and all recovery codes are removed. They then sign in with their password alone and can set 2FA up again. They are told by mail. Only do this after checking who is asking.",
        confirmLabel: "Reset 2FA",
        danger: true,
        done: `Two-factor authentication of ${who} was reset.`,
      };
    case "send-password-reset":
      return {
        title: `Send ${who} a password reset link?`,
        body: "They get a mail with a link to choose a new password. The link works once, for 1 hour. Their current password keeps working until then.",
        confirmLabel: "Send link",
        done: `A password reset link was sent to ${who}.`,
      };
    case "grant-admin":
      return {
        title: `Make ${who} an administrator?`,
        body: "They can then see every account and, after confirming with their own second factor, lock accounts, reset 2FA and manage administrators.",
        confirmLabel: "Make administrator",
        danger: true,
        done: `${who} is now an administrator.`,
      };
    case "revoke-admin":
      return {
        title: target.isSelf ? "Stop being an administrator?" : `Remove ${who} as administrator?`,
        body: target.isSelf ? "You lose access to this dashboard at once." : "They lose access to the dashboard at once.",
        confirmLabel: "Remove administrator",
        danger: true,
        done: target.isSelf ? "You are no longer an administrator." : `${who} is no longer an administrator.`,
      };
  }
}

/** The actions on one account: confirm in the page, then step up (own sudo token), then the API. */
export function UserActions({ target }: { target: ActionTarget }) {
  const router = useRouter();
  const describeFailure = useDescribeFailure();
  const { withSudo } = useStepUp();
  const [asking, setAsking] = useState<Action | null>(null);
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);

  const run = useSingleFlight(async (action: Action) => {
    const { title, done } = plan(action, target);
    setOutcome(null);
    // the buttons stay enabled (focus returns to them from the dialogs); useSingleFlight drops repeats
    const result = await withSudo(
      (token) => callApi((api) => api.POST(actionPaths[action], { params: { path: { id: target.id } }, body: {} }), token),
      { reason: title.replace(/\?$/, "") },
    );
    if (result === null) return; // cancelled
    if (!result.ok) {
      setOutcome({ tone: "error", message: describeFailure(result.error, errorMessages) });
      return;
    }
    setOutcome({ tone: "success", message: done });
    if (action === "revoke-admin" && target.isSelf) router.push("/account");
    else router.refresh();
  });

  const button = (action: Action, label: string, options: { variant?: "secondary" | "danger"; disabled?: boolean; hint?: string } = {}) => (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant={options.variant ?? "secondary"}
        disabled={options.disabled}
        aria-describedby={options.hint ? `hint-${action}` : undefined}
        onClick={() => setAsking(action)}
      >
        {label}
      </Button>
      {options.hint && (
        <p id={`hint-${action}`} className="text-xs text-slate-600">
          {options.hint}
        </p>
      )}
    </div>
  );

  const confirmation = asking ? plan(asking, target) : null;

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-2">
        {target.locked
          ? button("unlock", "Unlock account")
          : button("lock", "Lock account", {
              variant: "danger",
              disabled: target.isSelf,
              hint: target.isSelf ? "You cannot lock your own account." : undefined,
            })}
        {button("revoke-sessions", "End all sessions", {
          disabled: target.sessions === 0,
          hint: target.sessions === 0 ? "No live sessions." : undefined,
        })}
        {button("reset-2fa", "Reset 2FA", {
          variant: "danger",
          disabled: !target.hasTwoFactor,
          hint: !target.hasTwoFactor ? "Nothing set up." : undefined,
        })}
        {button("send-password-reset", "Send password reset")}
        {target.role === "admin"
          ? button("revoke-admin", target.isSelf ? "Stop being administrator" : "Remove administrator")
          : button("grant-admin", "Make administrator")}
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
