import pino from "pino";

// One structured line per request (lib/http) and per unexpected error. Never log secrets: the
// redact list is a second line of defence behind simply not passing them.
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "gatehouse" },
  redact: { paths: ["*.password", "*.token", "*.otp", "*.totp", "*.code", "*.authorization", "*.cookie"], censor: "[redacted]" },
});
