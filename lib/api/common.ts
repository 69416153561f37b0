import { z } from "zod";

/** `?cookie=true` also sets the refresh token as an HttpOnly cookie (docs/api.md §3). */
export const cookieQuery = z.object({
  cookie: z
    .enum(["true", "false", "1", "0"], { message: "must be true or false" })
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

export const userIdResponse = z.object({ userId: z.number().int() });
export const durationResponse = z.object({ duration: z.number().int().min(0).describe("seconds; 0 = may act now") });
export const nullResponse = z.null();

/** Optional mail parameters (docs/api.md §1). */
export const mailQuery = z.object({
  origin: z.string().max(256, "must be at most 256 characters").optional(),
  language: z.string().length(2, "must be exactly 2 characters (ISO 639-1)").optional(),
});
