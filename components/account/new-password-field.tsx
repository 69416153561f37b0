"use client";

import { useId, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { PasswordRules } from "@/components/password/password-rules";

/** A new password: the policy ticked off live below the field (the reset page's own checklist), and a "show password" switch. */
export function NewPasswordField({
  label = "New password",
  registration,
  value,
  error,
}: {
  label?: string;
  registration: UseFormRegisterReturn;
  value: string;
  error?: string;
}) {
  const [visible, setVisible] = useState(false);
  const toggleId = useId();
  return (
    <div className="flex flex-col gap-1">
      <TextField
        label={label}
        type={visible ? "text" : "password"}
        autoComplete="new-password"
        spellCheck={false}
        {...registration}
        error={error}
        hint={<PasswordRules password={value} />}
      />
      <label htmlFor={toggleId} className="flex w-fit items-center gap-2 text-sm text-slate-700">
        <input id={toggleId} type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)} /> Show password
      </label>
    </div>
  );
}
