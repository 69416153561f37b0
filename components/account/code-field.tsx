import { forwardRef, type InputHTMLAttributes } from "react";
import { TextField } from "@/components/ui/text-field";

/** A 6-digit code from an email or an authenticator app: numeric keypad, one-time-code autofill. */
export const CodeField = forwardRef<
  HTMLInputElement,
  InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: React.ReactNode }
>(function CodeField(props, ref) {
  return <TextField ref={ref} inputMode="numeric" autoComplete="one-time-code" maxLength={6} spellCheck={false} {...props} />;
});
