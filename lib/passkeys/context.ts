import type { TwoFactorContext } from "../two-factor";

/** What a passkey action needs besides its input: the 2FA context and the Host the request came to (the brand, for rp.name). */
export interface PasskeyContext extends TwoFactorContext {
  host?: string | null;
  /** set when an administrator acts on the account */
  actorId?: number;
}
