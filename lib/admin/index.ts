// The administrators' capability: who is one (authorize.ts), what they see (users.ts, overview.ts,
// mail-log.ts) and what they can do (actions.ts). No HTTP or React in here. The dashboard pages'
// check (session.ts) reads the browser session, so it is imported from there, not from here:
// the endpoint registry imports this module and must load without next-auth.
export * from "./schemas";
export { adminOverview } from "./overview";
export { addressAvailability, listUsers, userDetail } from "./users";
export { listMail, mailMessage } from "./mail-log";
export {
  createAccount,
  endAllSessions,
  grantAdmin,
  lockAccount,
  resetTwoFactor,
  revokeAdmin,
  sendPasswordReset,
  unlockAccount,
  type Actor,
  type AdminActionName,
} from "./actions";
