import { currentAdmin } from "../admin/session";
import { config } from "../config";
import { clientAddress, isLoopbackAddress } from "../http/meta";

// Kept apart from ./mailbox.ts (which lib/mail/index.ts exports): this rule reads the browser session
// (next-auth), and the endpoint registry, which imports lib/mail, must load without it.

/**
 * The development mailbox shows every code and link that was mailed, so it is never readable from
 * another machine: it is on outside production and with DEV_MAILBOX=1 (npm start sets it on the
 * embedded default's outbox), and then answers only a request from this machine's loopback
 * address (the client's address behind a trusted proxy) or a signed-in administrator.
 */
export async function mayReadDevMailbox(headers: Headers): Promise<boolean> {
  const { NODE_ENV, DEV_MAILBOX } = config();
  if (NODE_ENV === "production" && DEV_MAILBOX !== "1") return false;
  if (isLoopbackAddress(clientAddress(headers))) return true;
  const state = await currentAdmin();
  return state.signedIn && state.admin !== null;
}
