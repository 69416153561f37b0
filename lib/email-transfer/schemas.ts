import { z } from "zod";
import { linkTokenSchema, otpSchema } from "../password-reset/schemas";
import { emailSchema } from "../users/schemas";

// docs/api.md §4 #20–#21 and the undo link (ours). Pure zod, shared with the portal's forms.
export const initiateTransferBody = z.object({ email: emailSchema.describe("The new address") });
export type InitiateTransferBody = z.infer<typeof initiateTransferBody>;

export const completeTransferBody = z.object({ otp: otpSchema.describe("The code mailed to the new address") });
export type CompleteTransferBody = z.infer<typeof completeTransferBody>;

export const undoEmailChangeBody = z.object({ token: linkTokenSchema.describe("The token from the link mailed to the old address") });
export type UndoEmailChangeBody = z.infer<typeof undoEmailChangeBody>;
