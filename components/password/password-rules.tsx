"use client";

import { passwordRules } from "@/lib/passwords/schema";

/** The password policy, checked live as the person types (the same rules as the schema). */
export function PasswordRules({ password, id }: { password: string; id?: string }) {
  return (
    <ul id={id} className="flex flex-col gap-0.5 text-xs" aria-label="Password requirements">
      {passwordRules.map((rule) => {
        const met = rule.test(password);
        return (
          <li key={rule.label} className={met ? "text-green-800" : "text-slate-600"} data-met={met}>
            <span aria-hidden="true">{met ? "✓" : "○"}</span> {rule.label}
            <span className="sr-only">{met ? " (met)" : " (not met yet)"}</span>
          </li>
        );
      })}
      <li className="text-slate-600">not a common password, and not your email address</li>
    </ul>
  );
}
