"use client";

import type { ApiFailure } from "@/components/api-client";

/**
 * The API answers a 400 whose message names the field ("newPassword is too common: …"). When it
 * names one of the form's fields, answer that field and the rest of the message, so the form can
 * show it under the field (and focus it) instead of as a form-level alert.
 */
export function fieldFailure<F extends string>(error: ApiFailure, fields: readonly F[]): { field: F; message: string } | null {
  if (error.status !== 400) return null;
  for (const field of fields) {
    if (error.message.startsWith(`${field} `)) return { field, message: error.message.slice(field.length + 1) };
    if (error.message.startsWith(`${field}: `)) return { field, message: error.message.slice(field.length + 2) };
  }
  return null;
}
