import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { TextField } from "@/components/ui/text-field";

/** Room for a code typed as the apps show it ("818 226", "818-226") or pasted with spaces around. */
const TYPED_CODE_MAX_LENGTH = 12;

/** What the person typed, without the spaces and dashes authenticator apps and emails group codes with. */
export const stripCodeSeparators = (typed: string) => typed.replace(/[\s-]/g, "");

/** A 6-digit code after stripping: anything else cannot be right, so it is never sent (and never counts against the throttle). */
export const isSixDigitCode = (code: string) => /^\d{6}$/.test(code);

/** A 6-digit code from an email or an authenticator app: numeric keypad, one-time-code autofill. */
export const CodeField = forwardRef<HTMLInputElement, ComponentPropsWithoutRef<typeof TextField>>(function CodeField(props, ref) {
  return (
    <TextField ref={ref} inputMode="numeric" autoComplete="one-time-code" maxLength={TYPED_CODE_MAX_LENGTH} spellCheck={false} {...props} />
  );
});
