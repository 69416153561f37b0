import { z } from "zod";

// Request schemas are pure zod so the portal's forms can share them with the API.
export const loginBody = z.object({
  username: z.string().min(1, "is required").max(256, "must be at most 256 characters").describe("The account's email address"),
  password: z.string().min(1, "is required").max(256, "must be at most 256 characters"),
});
export type LoginBody = z.infer<typeof loginBody>;
