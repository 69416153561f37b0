import { verifyAuthenticationResponse, verifyRegistrationResponse, type AuthenticatorTransport } from "@simplewebauthn/server";
import { hmac } from "../crypto";
import type { RelyingParty } from "./relying-party";
import type { AuthenticationCredential, RegistrationCredential } from "./schemas";

// The WebAuthn checks themselves, by @simplewebauthn/server. Everything it refuses (a wrong
// challenge, origin, RP id hash, signature, flags, a malformed attestation) comes back as null:
// the callers answer 401 PASSKEY_INVALID for all of them alike.

/** §9: ES256, EdDSA and RS256 (COSE ids), in the order offered. */
export const SUPPORTED_ALGORITHMS = [-7, -8, -257];

const KNOWN_TRANSPORTS: readonly string[] = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"];

/**
 * The WebAuthn user handle of an account: opaque and stable (so an authenticator replaces its
 * old discoverable credential for the account instead of adding one), and not the account id.
 */
export const userHandleOf = (userId: number) => Buffer.from(hmac(String(userId), "webauthn-user-handle"), "base64url");

/** The challenge a credential's clientDataJSON carries, or null when it cannot be read. */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8"));
    const challenge = data && typeof data === "object" ? (data as { challenge?: unknown }).challenge : undefined;
    return typeof challenge === "string" && challenge.length > 0 && challenge.length <= 128 ? challenge : null;
  } catch {
    return null;
  }
}

export const knownTransports = (transports: readonly string[] | undefined): AuthenticatorTransport[] =>
  [...new Set(transports ?? [])].filter((t): t is AuthenticatorTransport => KNOWN_TRANSPORTS.includes(t));

export interface NewCredential {
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: AuthenticatorTransport[];
}

/** A registration response checked against the challenge and the relying party (attestation "none": no trust chain). */
export async function checkAttestation(
  credential: RegistrationCredential,
  challenge: string,
  rp: RelyingParty,
): Promise<NewCredential | null> {
  try {
    const result = await verifyRegistrationResponse({
      response: { ...credential, clientExtensionResults: {} },
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      requireUserVerification: false, // "preferred" at registration
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
    if (!result.verified) return null;
    const { credential: made } = result.registrationInfo;
    // the attested id must be the one the response names (the library reads it from authData)
    if (made.id !== credential.id) return null;
    return {
      credentialId: made.id,
      publicKey: made.publicKey,
      counter: made.counter,
      transports: knownTransports(credential.response.transports),
    };
  } catch {
    return null;
  }
}

export interface StoredCredential {
  credentialId: string;
  publicKey: Uint8Array;
}

/**
 * An assertion checked against the challenge, the relying party and the stored public key.
 * Answers the authenticator's sign counter; the counter rule is the caller's (the library is
 * handed 0 so that it never refuses on the counter itself: a regression must be told apart).
 */
export async function checkAssertion(
  credential: AuthenticationCredential,
  challenge: string,
  rp: RelyingParty,
  stored: StoredCredential,
  opts: { requireUserVerification: boolean },
): Promise<{ counter: number; userVerified: boolean } | null> {
  try {
    const result = await verifyAuthenticationResponse({
      response: { ...credential, clientExtensionResults: {} },
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      credential: { id: stored.credentialId, publicKey: new Uint8Array(stored.publicKey), counter: 0 },
      requireUserVerification: opts.requireUserVerification,
    });
    if (!result.verified) return null;
    return { counter: result.authenticationInfo.newCounter, userVerified: result.authenticationInfo.userVerified };
  } catch {
    return null;
  }
}
