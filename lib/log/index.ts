import pino from "pino";
import { loadTimeConfig } from "../config";

// One structured line per request (lib/http) and per unexpected error. Never log secrets: the
// redact list is a second line of defence behind simply not passing them.
const { LOG_LEVEL, NODE_ENV } = loadTimeConfig();

export const log = pino({
  level: LOG_LEVEL ?? (NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "gatehouse" },
  redact: { paths: ["*.password", "*.token", "*.otp", "*.totp", "*.code", "*.authorization", "*.cookie"], censor: "[redacted]" },
});
