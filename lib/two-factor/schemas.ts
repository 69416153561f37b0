import { z } from "zod";
import { emailSchema } from "../users/schemas";

// Request and response schemas of the 2FA endpoints (docs/api.md §4 #1–#15). Pure zod: the API routes,
// the portal's forms and the OpenAPI document share them.

export const TOTP_LENGTH = 6;
export const OTP_LENGTH = 6;
export const RECOVERY_CODE_LENGTH = 16;
export const RECOVERY_CODES_PER_SET = 10;

/**
 * A recovery code for display and print: "ABCD-EFGH-JKMN-PQRS". The API takes the 16 characters
 * without separators; the sign-in form takes them with or without the dashes.
 */
export const formatRecoveryCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;

const exactly = (n: number) => z.string().length(n, `must be exactly ${n} characters`);

export const totpBody = z.object({ totp: exactly(TOTP_LENGTH).describe("The 6-digit code the authenticator app shows") });
export type TotpBody = z.infer<typeof totpBody>;

export const otpBody = z.object({ otp: exactly(OTP_LENGTH).describe("The 6-digit code from the email") });
export type OtpBody = z.infer<typeof otpBody>;

export const recoveryCodeBody = z.object({
  recoveryCode: exactly(RECOVERY_CODE_LENGTH).describe("One recovery code, 16 characters without separators; case does not matter"),
});
export type RecoveryCodeBody = z.infer<typeof recoveryCodeBody>;

// z.string() first: a missing field then reads "email is required" (emailSchema's own message
// would replace the type error's and read "must be of type string").
export const emailOtpSetupBody = z.object({ email: z.string().pipe(emailSchema).describe("The address that will receive the codes") });
export type EmailOtpSetupBody = z.infer<typeof emailOtpSetupBody>;

/** The contract's `{}` bodies (a missing or empty body counts as `{}`). */
export const emptyBody = z.object({});

export const totpSetupResponse = z.object({
  url: z.string().describe("otpauth://totp/<Issuer>:<email>?secret=<base32>&issuer=<Issuer>&algorithm=SHA1&digits=6&period=30"),
});
export const recoveryCodesResponse = z.object({
  recoveryCodes: z.array(z.string().length(RECOVERY_CODE_LENGTH)).length(RECOVERY_CODES_PER_SET).describe("Shown once: store them safely"),
});
export const sudoTokenResponse = z.object({ sudoToken: z.string() });
export const loginTokensResponse = z.object({ accessToken: z.string(), refreshToken: z.string(), sudoToken: z.string() });
export const authenticateResponse = z
  .union([loginTokensResponse, sudoTokenResponse])
  .describe(
    "With an access or sudo token: `{ sudoToken }`. With a partial token: `{ accessToken, refreshToken, sudoToken }` (a new session).",
  );

export const twoFactorStatusResponse = z.object({
  enabled: z.boolean().describe("true while TOTP, email OTP or a passkey is active"),
  emailOtp: z.object({ email: z.string(), completedAt: z.string().describe("ISO 8601") }).optional(),
  totp: z.object({ completedAt: z.string().describe("ISO 8601") }).optional(),
  passkeys: z
    .object({ count: z.number().int().min(1), completedAt: z.string().describe("ISO 8601: when the first of them was registered") })
    .optional(),
  recoveryCodes: z.object({ completedAt: z.string().describe("ISO 8601"), remaining: z.number().int().min(0) }).optional(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusResponse>;
