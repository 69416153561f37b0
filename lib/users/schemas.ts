import { z } from "zod";

export const emailSchema = z.email("must be a valid email address").max(256, "must be at most 256 characters");
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
