import { z } from "zod";
import { newPasswordSchema } from "../passwords/schema";

// docs/api.md §4 #19. Pure zod, shared with the portal's change-password form.
export const changePasswordBody = z.object({
  oldPassword: z.string().min(1, "is required").max(256, "must be at most 256 characters"),
  newPassword: newPasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;
