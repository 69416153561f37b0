import { z } from "zod";
import { recoveryCodesResponse } from "../two-factor/schemas";

// Request and response schemas of the passkey endpoints (§9). Pure zod: the API routes, the
// portal and the OpenAPI document share them. Credentials arrive in the WebAuthn JSON forms
// (`credential.toJSON()`, @simplewebauthn/browser): every binary field base64url without padding.
// The limits are far above what any authenticator sends and keep every field small enough that
// no later step (base64url decoding, CBOR parsing, signature checks) costs anything to speak of.

export const PASSKEY_NAME_MAX = 64;

/** Base64url without padding: a length of 4n+1 characters decodes to no whole byte. */
const base64url = (max: number) =>
  z
    .string()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .regex(/^[A-Za-z0-9_-]+$/, "must be base64url without padding")
    .refine((v) => v.length % 4 !== 1, "must be base64url without padding");

// WebAuthn: a credential id is at most 1023 bytes (1364 base64url characters)
const credentialId = base64url(1364);
const credentialType = z.enum(["public-key"]).describe('always "public-key"');
const authenticatorAttachment = z.enum(["platform", "cross-platform"]).optional();
/** Browsers add transports over time: any short string is taken, the known ones are kept. */
const transports = z.array(z.string().max(32, "must be at most 32 characters")).max(10, "must have at most 10 entries").optional();
const clientExtensionResults = z.looseObject({}).optional().describe("Read by nobody; accepted as the browser sends it");

export const registrationCredential = z
  .object({
    id: credentialId,
    rawId: credentialId,
    type: credentialType,
    response: z.object({
      clientDataJSON: base64url(4096),
      attestationObject: base64url(16_384),
      authenticatorData: base64url(4096).optional(),
      transports,
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url(4096).optional(),
    }),
    authenticatorAttachment,
    clientExtensionResults,
  })
  .describe("A `RegistrationResponseJSON`: what `navigator.credentials.create()` answered, as `credential.toJSON()` gives it")
  .meta({ id: "PasskeyRegistrationCredential" });
export type RegistrationCredential = z.infer<typeof registrationCredential>;

export const authenticationCredential = z
  .object({
    id: credentialId,
    rawId: credentialId,
    type: credentialType,
    response: z.object({
      clientDataJSON: base64url(4096),
      authenticatorData: base64url(4096),
      signature: base64url(2048),
      userHandle: base64url(88).optional(),
    }),
    authenticatorAttachment,
    clientExtensionResults,
  })
  .describe("An `AuthenticationResponseJSON`: what `navigator.credentials.get()` answered, as `credential.toJSON()` gives it")
  .meta({ id: "PasskeyAuthenticationCredential" });
export type AuthenticationCredential = z.infer<typeof authenticationCredential>;

const passkeyName = z
  .string()
  .min(1, "must not be empty")
  .max(PASSKEY_NAME_MAX, `must be at most ${PASSKEY_NAME_MAX} characters`)
  .regex(/^[^\u0000-\u001f\u007f]+$/, "must not contain control characters")
  .refine((v) => v.trim() !== "", "must not be blank");

export const registerBody = z.object({
  credential: registrationCredential,
  name: passkeyName.optional().describe('How the passkey is listed (1–64 characters); default "Passkey <n>"'),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const authenticateBody = z.object({ credential: authenticationCredential });
export type AuthenticateBody = z.infer<typeof authenticateBody>;

export const renameBody = z.object({ name: passkeyName.describe("The new name (1–64 characters)") });
export type RenameBody = z.infer<typeof renameBody>;

export const passkeyParams = z.object({ id: z.string().min(1).max(64, "must be at most 64 characters") });

export const passkeySummary = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string().describe("ISO 8601"),
    lastUsedAt: z.string().nullable().describe("ISO 8601; null until first used to sign in"),
  })
  .meta({ id: "Passkey" });
export type PasskeySummary = z.infer<typeof passkeySummary>;

export const passkeyListResponse = z.array(passkeySummary);

export const registerResponse = z.object({
  passkey: passkeySummary,
  recoveryCodes: recoveryCodesResponse.shape.recoveryCodes
    .optional()
    .describe("Only when the account had no unused recovery codes (its first second factor): shown once, store them safely"),
});
export type RegisterResult = z.infer<typeof registerResponse>;

const descriptor = z.object({ id: z.string(), type: z.string(), transports: z.array(z.string()).optional() });

export const creationOptionsResponse = z
  .object({
    challenge: z.string().describe("base64url, 32 random bytes; valid 5 minutes, once"),
    rp: z.object({ id: z.string(), name: z.string() }),
    user: z.object({ id: z.string().describe("base64url user handle"), name: z.string(), displayName: z.string() }),
    pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.string() })),
    timeout: z.number().int().optional(),
    attestation: z.string().optional(),
    excludeCredentials: z.array(descriptor).optional(),
    authenticatorSelection: z.record(z.string(), z.unknown()).optional(),
    extensions: z.record(z.string(), z.unknown()).optional(),
    hints: z.array(z.string()).optional(),
  })
  .describe("A `PublicKeyCredentialCreationOptionsJSON` for `PublicKeyCredential.parseCreationOptionsFromJSON()`");

export const requestOptionsResponse = z
  .object({
    challenge: z.string().describe("base64url, 32 random bytes; valid 5 minutes, once"),
    rpId: z.string(),
    timeout: z.number().int().optional(),
    userVerification: z.string().optional(),
    allowCredentials: z.array(descriptor).optional(),
    extensions: z.record(z.string(), z.unknown()).optional(),
    hints: z.array(z.string()).optional(),
  })
  .describe("A `PublicKeyCredentialRequestOptionsJSON` for `PublicKeyCredential.parseRequestOptionsFromJSON()`");

export const relatedOriginsResponse = z.object({
  origins: z.array(z.string()).describe("Every origin whose pages may use this server's relying party id"),
});
