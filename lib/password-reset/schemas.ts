import { z } from "zod";
import { newPasswordSchema } from "../passwords/schema";
import { emailSchema } from "../users/schemas";

// Request schemas for the password reset (docs/api.md §4 #16–#18, #22 and the link page). Pure zod: the
// portal's forms import them, so a form and its route validate with the very same rules.

/** docs/api.md §1: every OTP field is a string of exactly 6 characters. */
export const otpSchema = z.string().length(6, "must be exactly 6 characters");

/** A single-use link token (reset link, undo link): 256 random bits, base64url. */
export const linkTokenSchema = z
  .string()
  .min(1, "is required")
  .max(128, "must be at most 128 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "is not a valid link token");

export const resetSendBody = z.object({ email: emailSchema });
export type ResetSendBody = z.infer<typeof resetSendBody>;

export const resetValidateBody = z.object({ email: emailSchema, otp: otpSchema });
export type ResetValidateBody = z.infer<typeof resetValidateBody>;

export const resetWithOtpBody = z.object({ userEmail: emailSchema, otp: otpSchema, newPassword: newPasswordSchema });
export type ResetWithOtpBody = z.infer<typeof resetWithOtpBody>;

/** #22 takes a shorter address than the other endpoints: 5–100 characters. */
export const forgotPasswordBody = z.object({
  email: z.email("must be a valid email address").min(5, "must be at least 5 characters").max(100, "must be at most 100 characters"),
});
export type ForgotPasswordBody = z.infer<typeof forgotPasswordBody>;

/** The reset page's form and `POST /v1/auth/reset-password` (ours). */
export const resetWithLinkBody = z.object({ token: linkTokenSchema, newPassword: newPasswordSchema });
export type ResetWithLinkBody = z.infer<typeof resetWithLinkBody>;
