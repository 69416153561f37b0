// One error type for the whole domain: lib/ throws it, the HTTP wrapper turns it into the spec's
// envelope { statusCode, error, message } (+ retryAfter / partialToken / methods where documented).

export const reasonPhrases: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  429: "Too many requests",
  500: "Internal server error",
};

export interface ErrorExtras {
  retryAfter?: number;
  partialToken?: string;
  methods?: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly extras: ErrorExtras = {},
  ) {
    super(code);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const unauthorized = (code: string) => new ApiError(401, code);
export const forbidden = (code: string) => new ApiError(403, code);
export const notFound = (code = "NOT_FOUND") => new ApiError(404, code);
export const conflict = (code: string) => new ApiError(409, code);
export const internal = (code: string) => new ApiError(500, code);
export const tooManyRequests = (code: string, retryAfter: number) =>
  new ApiError(429, code, { retryAfter: Math.max(1, Math.ceil(retryAfter)) });
