import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { db } from "../db";
import { ApiError, forbidden, unauthorized } from "../errors";
import { recordSecurityEvent } from "../events";
import { noteSignInDevice } from "../devices";
import { createSession } from "../sessions";
import { reserveAttempt, throttleKeys } from "../throttle";
import { failedGuess } from "../two-factor/context";
import { acceptAssertion } from "./assertion";
import { PASSKEY_THROTTLE } from "./authenticate";
import { CHALLENGE_SECONDS, issueChallenge, takeChallenge } from "./challenges";
import type { PasskeyContext } from "./context";
import { relyingParty } from "./relying-party";
import type { AuthenticationCredential } from "./schemas";
import { lockAccount, passkeyByCredentialId } from "./store";
import { challengeOf, userHandleOf } from "./verify";

// Passwordless sign-in (§9): a discoverable credential answers a challenge bound to nobody, with
// user verification. A user-verified passkey is two factors by itself (something one has, and
// the PIN or biometric that unlocked it), so there is no 2FA_REQUIRED step: the answer is a
// session, as POST /auth/login gives one.

/** POST /auth/passkey/options: no `allowCredentials` (the authenticator offers its discoverable credentials). */
export async function signInOptions(ctx: Pick<PasskeyContext, "host">): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const challenge = await issueChallenge("login", null);
  return generateAuthenticationOptions({
    rpID: relyingParty(ctx.host).id,
    challenge: Buffer.from(challenge, "base64url"),
    timeout: CHALLENGE_SECONDS * 1000,
    userVerification: "required",
  });
}

const sameHandle = (given: string | undefined, userId: number) =>
  given === undefined || Buffer.from(given, "base64url").equals(userHandleOf(userId));

/** POST /auth/passkey/login: a new session for the passkey's account (its refresh token). */
export async function signInWithPasskey(
  credential: AuthenticationCredential,
  ctx: PasskeyContext,
): Promise<{ refreshToken: string; userId: number }> {
  const challenge = challengeOf(credential.response.clientDataJSON);
  if (!challenge) throw unauthorized("PASSKEY_INVALID");
  const passkey = await passkeyByCredentialId(credential.id);
  if (!passkey) {
    // nobody to count a failure for; the challenge is used up all the same
    await takeChallenge(challenge, "login", null);
    throw unauthorized("PASSKEY_INVALID");
  }
  const userId = passkey.userId;
  const attempt = await reserveAttempt(throttleKeys.passkey(userId), PASSKEY_THROTTLE);
  const invalid = () => failedGuess({ userId, factor: "passkey", during: "sign-in" }, attempt, ctx, unauthorized("PASSKEY_INVALID"));
  if ((await takeChallenge(challenge, "login", null)) !== "used") return invalid();
  if (!sameHandle(credential.response.userHandle, userId)) return invalid();
  const outcome = await acceptAssertion(passkey, credential, challenge, relyingParty(ctx.host), {
    requireUserVerification: true,
    meta: ctx.meta,
  });
  if (outcome !== "accepted") return invalid();
  await attempt.succeeded();

  try {
    const { refreshToken } = await db.$transaction(async (tx) => {
      // conditional on the account being unlocked at this moment: a lock that commits first wins
      const open = await tx.$executeRaw`UPDATE "User" SET "id" = "id" WHERE "id" = ${userId} AND "lockedAt" IS NULL`;
      if (open !== 1) {
        if (await lockAccount(tx, userId)) throw forbidden("ACCOUNT_LOCKED");
        throw unauthorized("PASSKEY_INVALID"); // the account is gone
      }
      const started = await createSession(userId, ctx.meta, tx);
      await recordSecurityEvent(userId, "login.success", ctx.meta, { detail: { method: "passkey", sessionId: started.session.id } }, tx);
      return started;
    });
    await noteSignInDevice(userId, ctx.meta, { defer: ctx.defer });
    return { refreshToken, userId };
  } catch (error) {
    if (error instanceof ApiError && error.code === "ACCOUNT_LOCKED") await recordSecurityEvent(userId, "login.locked", ctx.meta);
    throw error;
  }
}
