import { z } from "zod";

// docs/api.md §1: 8–256 characters with a lowercase letter, an uppercase letter and a digit.
// Pure zod, shared by the API and the portal's forms (which show each rule live).
export const PASSWORD_PATTERN = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).*$/;

export const passwordRules = [
  { label: "8 to 256 characters", test: (p: string) => p.length >= 8 && p.length <= 256 },
  { label: "a lowercase letter", test: (p: string) => /[a-z]/.test(p) },
  { label: "an uppercase letter", test: (p: string) => /[A-Z]/.test(p) },
  { label: "a digit", test: (p: string) => /\d/.test(p) },
] as const;

export const newPasswordSchema = z
  .string()
  .min(8, "must be at least 8 characters")
  .max(256, "must be at most 256 characters")
  .regex(PASSWORD_PATTERN, "must contain a lowercase letter, an uppercase letter and a digit");
