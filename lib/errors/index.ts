import { errorCatalogue, type ErrorCode, type ErrorCodeWithStatus } from "./catalogue";

// One error type for the whole domain: lib/ throws it, the HTTP wrapper turns it into the contract's
// envelope { statusCode, error, message } (+ field on 400, retryAfter / partialToken / methods
// where documented).
// Codes and their statuses come from the catalogue (./catalogue.ts): a code it lacks, or a code
// thrown with another status than its own, fails the type check.

export { errorCatalogue, isErrorCode, statusOf, type ErrorCode, type ErrorCodeWithStatus, type ErrorStatus } from "./catalogue";

export const reasonPhrases: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  414: "URI Too Long",
  429: "Too many requests",
  431: "Request Header Fields Too Large",
  500: "Internal server error",
};

export interface ErrorExtras {
  /** 400 only: the input at fault, the dotted path the message starts with ("newPassword", "body") */
  field?: string;
  retryAfter?: number;
  partialToken?: string;
  methods?: string[];
}

/** `[status, code]` pairs the catalogue allows, or a 400 with its sentence. */
type StatusAndCode =
  | { [C in ErrorCode]: [status: (typeof errorCatalogue)[C]["status"], code: C, extras?: ErrorExtras] }[ErrorCode]
  | [status: 400, message: string, extras: { field: string }];

export class ApiError extends Error {
  readonly status: number;
  /** the catalogue's code; for a 400, the sentence naming the field */
  readonly code: string;
  readonly extras: ErrorExtras;

  constructor(...[status, code, extras = {}]: StatusAndCode) {
    super(code);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.extras = extras;
  }
}

/** The error of `code`, with the status the catalogue gives it. */
export const apiError = (code: ErrorCode, extras: ErrorExtras = {}) =>
  new ApiError(...([errorCatalogue[code].status, code, extras] as StatusAndCode));

/** A 400: `message` is a sentence that starts with `field`, the input at fault ("newPassword is too common: …"). */
export const badRequest = (message: string, field: string) => new ApiError(400, message, { field });
export const unauthorized = (code: ErrorCodeWithStatus<401>) => apiError(code);
export const forbidden = (code: ErrorCodeWithStatus<403>) => apiError(code);
export const notFound = (code: ErrorCodeWithStatus<404> = "NOT_FOUND") => apiError(code);
export const conflict = (code: ErrorCodeWithStatus<409>) => apiError(code);
export const internal = (code: ErrorCodeWithStatus<500>) => apiError(code);
export const tooManyRequests = (code: ErrorCodeWithStatus<429>, retryAfter: number) =>
  apiError(code, { retryAfter: Math.max(1, Math.ceil(retryAfter)) });
