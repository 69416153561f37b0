import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { conflict, unauthorized } from "../errors";
import { reserveAttempt, secondsUntilNextAttempt, throttleKeys } from "../throttle";
import { completeSecondFactor, type AuthenticateResult } from "../two-factor/complete";
import { checkedDuring, failedGuess, type Actor } from "../two-factor/context";
import { acceptAssertion } from "./assertion";
import { CHALLENGE_SECONDS, issueChallenge, takeChallenge } from "./challenges";
import type { PasskeyContext } from "./context";
import { relyingParty } from "./relying-party";
import type { AuthenticationCredential } from "./schemas";
import { descriptorsOf, passkeyByCredentialId, passkeyCount, passkeysOf } from "./store";
import { challengeOf } from "./verify";

// A passkey as the second factor (§9, as §4 #4): with a partial token it completes the login,
// with an access or sudo token it answers a sudo token. Failed checks count toward the passkey's
// own §5 throttle of the account.

export const PASSKEY_THROTTLE = "TOO_MANY_PASSKEY_CHECKS";
const uninitialized = () => conflict("PASSKEY_UNINITIALIZED");

/** POST /user/2fa/passkey/authenticate/options: a challenge bound to the account, `allowCredentials` its passkeys. */
export async function authenticationOptions(userId: number, ctx: PasskeyContext): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const passkeys = await passkeysOf(userId);
  if (passkeys.length === 0) throw uninitialized();
  const challenge = await issueChallenge("2fa", userId);
  return generateAuthenticationOptions({
    rpID: relyingParty(ctx.host).id,
    allowCredentials: descriptorsOf(passkeys),
    challenge: Buffer.from(challenge, "base64url"),
    timeout: CHALLENGE_SECONDS * 1000,
    userVerification: "preferred",
  });
}

/** POST /user/2fa/passkey/authenticate */
export async function authenticateWithPasskey(
  actor: Actor,
  credential: AuthenticationCredential,
  ctx: PasskeyContext,
): Promise<AuthenticateResult> {
  const userId = actor.userId;
  if ((await passkeyCount(userId)) === 0) throw uninitialized();
  const attempt = await reserveAttempt(throttleKeys.passkey(userId), PASSKEY_THROTTLE);
  const invalid = () =>
    failedGuess({ userId, factor: "passkey", during: checkedDuring(actor) }, attempt, ctx, unauthorized("PASSKEY_INVALID"));

  const challenge = challengeOf(credential.response.clientDataJSON);
  if (!challenge || (await takeChallenge(challenge, "2fa", userId)) !== "used") return invalid();
  const passkey = await passkeyByCredentialId(credential.id);
  if (!passkey || passkey.userId !== userId) return invalid();
  const outcome = await acceptAssertion(passkey, credential, challenge, relyingParty(ctx.host), {
    requireUserVerification: false,
    meta: ctx.meta,
  });
  if (outcome !== "accepted") return invalid();
  await attempt.succeeded();
  return completeSecondFactor(actor, "passkey", ctx);
}

/** GET /user/2fa/passkey/next-guess: seconds until the next passkey check may run. */
export async function passkeyWait(userId: number): Promise<{ duration: number }> {
  if ((await passkeyCount(userId)) === 0) throw uninitialized();
  return { duration: await secondsUntilNextAttempt(throttleKeys.passkey(userId)) };
}
