"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

// The shared request schemas (lib/<capability>/schemas.ts) word their rules as English phrases
// that follow the field's name ("is required"), because the API's 400 messages are English and
// name the field. A form shows the same rule in the page's language: the phrase is matched here
// to a message of messages/<lang>/shell.json (FieldErrors), with the form's own label for the field.

type Rule =
  | "required"
  | "tooLong"
  | "tooShort"
  | "exactLength"
  | "invalidEmail"
  | "controlCharacters"
  | "sixDigits"
  | "characterClasses"
  | "tooCommon"
  | "isEmailAddress"
  | "isCurrentPassword";

const RULES: readonly (readonly [RegExp, Rule])[] = [
  [/^(is required|must not be empty|must not be blank)$/, "required"],
  [/^must be at most (\d+) characters$/, "tooLong"],
  [/^must be at least (\d+) characters$/, "tooShort"],
  [/^must be exactly (\d+) characters$/, "exactLength"],
  [/^must be a valid email address$/, "invalidEmail"],
  [/^must not contain control characters$/, "controlCharacters"],
  [/^must be 6 digits$/, "sixDigits"],
  // the password policy (lib/passwords): the schema's rule, and the server's beyond it
  [/^must contain a lowercase letter, an uppercase letter and a digit$/, "characterClasses"],
  [/^is too common\b/, "tooCommon"],
  [/^must not be your email address$/, "isEmailAddress"],
  [/^must not be your current password$/, "isCurrentPassword"],
];

/**
 * What react-hook-form keeps of a field's error: the schema's phrase, or a sentence set by the
 * page ("server"). A 400's phrase that the page set as it came (another type) is matched too.
 */
export interface FieldErrorLike {
  type?: string | number;
  message?: string;
}

/** A field's error for a person, or undefined: `(errors.email, t("email"))`. */
export type DescribeFieldError = (error: FieldErrorLike | undefined, label: string) => string | undefined;

/** The translator of the FieldErrors messages (useTranslations("FieldErrors") or createTranslator's). */
export type FieldErrorWords = (rule: Rule, values: { field: string; count: number }) => string;

export function describeFieldError(error: FieldErrorLike | undefined, label: string, t: FieldErrorWords): string | undefined {
  if (!error?.message) return undefined;
  // a sentence the page set itself (an API answer it already worded) is shown as it is
  if (error.type === "server") return error.message;
  for (const [pattern, rule] of RULES) {
    const match = pattern.exec(error.message);
    if (match) return t(rule, { field: label, count: Number(match[1] ?? 0) });
  }
  // a rule without a translation still names its field
  return `${label} ${error.message}`;
}

export function useFieldError(): DescribeFieldError {
  const t = useTranslations("FieldErrors");
  return useCallback((error, label) => describeFieldError(error, label, t), [t]);
}
