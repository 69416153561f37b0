import { randomUUID } from "node:crypto";
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { db, isUniqueViolation } from "../db";
import { conflict, notFound, unauthorized } from "../errors";
import { recordSecurityEvent } from "../events";
import { notifyAccountHolder } from "../mail";
import { noticeOrigin } from "../two-factor/context";
import { prepareRecoveryCodes, storeRecoveryCodes } from "../two-factor/recovery-codes";
import { CHALLENGE_SECONDS, issueChallenge, takeChallenge } from "./challenges";
import type { PasskeyContext } from "./context";
import { relyingParty } from "./relying-party";
import type { RegisterBody, RegisterResult } from "./schemas";
import { activeFactorCount, descriptorsOf, lockAccount, passkeysOf, summaryOf } from "./store";
import { challengeOf, checkAttestation, SUPPORTED_ALGORITHMS, userHandleOf } from "./verify";

// §9 registration: options with a challenge bound to the account, then the authenticator's
// answer (attestation "none") becomes a passkey. The first second factor of an account brings a
// set of recovery codes, as TOTP and email OTP do; an account that has codes keeps them.

/** POST /user/2fa/passkey/register/options */
export async function registrationOptions(userId: number, ctx: PasskeyContext): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw notFound("USER_NOT_FOUND");
  const rp = relyingParty(ctx.host);
  const existing = await passkeysOf(userId);
  const challenge = await issueChallenge("register", userId);
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.email,
    userID: userHandleOf(userId),
    challenge: Buffer.from(challenge, "base64url"),
    timeout: CHALLENGE_SECONDS * 1000,
    attestationType: "none",
    excludeCredentials: descriptorsOf(existing),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
  });
}

/** Recovery codes are due when the account has none it could use: no active factor, or every code used. */
async function needsRecoveryCodes(tx: Parameters<typeof activeFactorCount>[0], userId: number): Promise<boolean> {
  if ((await activeFactorCount(tx, userId)) === 0) return true;
  return (await tx.recoveryCode.count({ where: { userId, usedAt: null } })) === 0;
}

const nextDefaultName = (count: number) => `Passkey ${count + 1}`;

/** POST /user/2fa/passkey/register */
export async function registerPasskey(userId: number, body: RegisterBody, ctx: PasskeyContext): Promise<RegisterResult> {
  const { credential } = body;
  const rp = relyingParty(ctx.host);
  const challenge = challengeOf(credential.response.clientDataJSON);
  if (!challenge) throw unauthorized("PASSKEY_INVALID");
  const use = await takeChallenge(challenge, "register", userId);
  if (use === "expired") throw conflict("PASSKEY_CHALLENGE_EXPIRED");
  if (use === "unknown") throw unauthorized("PASSKEY_INVALID");
  const made = await checkAttestation(credential, challenge, rp);
  if (!made) throw unauthorized("PASSKEY_INVALID");
  if (await db.passkey.findUnique({ where: { credentialId: made.credentialId }, select: { id: true } }))
    throw conflict("PASSKEY_ALREADY_REGISTERED");

  // argon2id hashes are slow: made before the transaction, stored only if still due inside it
  const prepared = (await needsRecoveryCodes(db, userId)) ? await prepareRecoveryCodes(userId) : null;
  let recoveryCodes: string[] | undefined;
  const passkey = await db
    .$transaction(async (tx) => {
      if (!(await lockAccount(tx, userId))) throw notFound("USER_NOT_FOUND");
      const due = await needsRecoveryCodes(tx, userId);
      const count = await tx.passkey.count({ where: { userId } });
      const created = await tx.passkey.create({
        data: {
          id: randomUUID(),
          userId,
          credentialId: made.credentialId,
          publicKey: new Uint8Array(made.publicKey),
          counter: BigInt(made.counter),
          transports: made.transports.length ? JSON.stringify(made.transports) : null,
          name: body.name?.trim() || nextDefaultName(count),
        },
      });
      if (due && prepared) {
        await storeRecoveryCodes(tx, userId, prepared.rows);
        recoveryCodes = prepared.codes;
      }
      await recordSecurityEvent(
        userId,
        "passkey.added",
        ctx.meta,
        { detail: { passkeyId: created.id, name: created.name, recoveryCodesIssued: !!recoveryCodes } },
        tx,
      );
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict("PASSKEY_ALREADY_REGISTERED"); // a concurrent registration of the same credential
      throw error;
    });
  await notifyAccountHolder(userId, "passkey-added", {
    origin: noticeOrigin(ctx.mail?.origin),
    language: ctx.mail?.language,
    data: { passkeyName: passkey.name },
  });
  return { passkey: summaryOf(passkey), ...(recoveryCodes ? { recoveryCodes } : {}) };
}
