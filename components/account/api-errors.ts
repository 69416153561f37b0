"use client";

import type { ApiFailure } from "@/components/api-client";

/**
 * The API answers a 400 with `field`, the input at fault, and a sentence that starts with it
 * ("newPassword is too common: …"). When the field is one of the form's, answer it and the rest
 * of the sentence ("is too common: …"), so the form can show it under the field (and focus it)
 * in its own words for the field, instead of as a form-level alert.
 */
export function fieldFailure<F extends string>(error: ApiFailure, fields: readonly F[]): { field: F; message: string } | null {
  const field = fields.find((f) => f === error.field);
  if (error.status !== 400 || !field) return null;
  return { field, message: error.message.slice(field.length).replace(/^:?\s+/, "") };
}
