import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

// A software WebAuthn authenticator for the tests (and for scripts/bench.ts): ES256 keys from
// node:crypto, authenticator data, a "none" attestation object in CBOR, clientDataJSON with the
// challenge and the origin, and the ECDSA signature over authenticatorData ‖ SHA-256(clientDataJSON).
// It answers in the WebAuthn JSON forms a browser's `credential.toJSON()` gives. Plain Node:
// nothing here imports the test runner.
//
// Each option can be bent to produce the answers a broken or hostile client sends: another
// origin or RP id, no user presence or verification, a chosen sign counter, another challenge.

type Json = Record<string, unknown>;

// --- a tiny CBOR encoder (RFC 8949): unsigned/negative integers, byte and text strings, arrays, maps

function head(major: number, value: number): Buffer {
  if (value < 24) return Buffer.from([(major << 5) | value]);
  if (value < 0x100) return Buffer.from([(major << 5) | 24, value]);
  if (value < 0x10000) return Buffer.from([(major << 5) | 25, value >> 8, value & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(value, 1);
  return b;
}

export type CborValue = number | string | Uint8Array | CborValue[] | Map<number | string, CborValue>;

export function cbor(value: CborValue): Buffer {
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error("cbor: integers only");
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

// --- WebAuthn pieces

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

export const FLAGS = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const;

/** The COSE_Key of a P-256 public key (kty EC2, alg ES256). */
export function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: "jwk" });
  return cbor(
    new Map<number, CborValue>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]),
  );
}

function authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter >>> 0);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

const clientData = (type: "webauthn.create" | "webauthn.get", challenge: string, origin: string, extra: Json = {}) =>
  Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false, ...extra }));

export interface SoftCredential {
  id: string;
  rpId: string;
  /** base64url, from the creation options' user.id */
  userHandle: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** the sign counter the next assertion reports (before `counterStep` is added) */
  counter: number;
}

export interface Bend {
  /** clientDataJSON.origin (default: the authenticator's origin) */
  origin?: string;
  /** the RP id hashed into authenticatorData (default: the options' RP id) */
  rpId?: string;
  /** clientDataJSON.challenge (default: the options' challenge) */
  challenge?: string;
  /** clientDataJSON.type */
  type?: string;
  /** user presence (default true) */
  up?: boolean;
  /** user verification (default true) */
  uv?: boolean;
  /** the sign counter to report, instead of the credential's next one */
  counter?: number;
  /** flip a bit of the signature */
  badSignature?: boolean;
}

interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string };
  excludeCredentials?: { id: string }[];
}

interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = [];

  /**
   * @param origin the origin of the page the client runs on (clientDataJSON.origin)
   * @param counterStep how much the sign counter grows per assertion; 0 = an authenticator that keeps no counter
   */
  constructor(
    readonly origin: string,
    readonly counterStep = 1,
  ) {}

  private rpIdOf(options: { rp?: { id?: string }; rpId?: string }) {
    return options.rp?.id ?? options.rpId ?? new URL(this.origin).hostname;
  }

  /** `navigator.credentials.create()` then `credential.toJSON()`: a RegistrationResponseJSON. */
  create(options: CreationOptions, bend: Bend & { reuse?: SoftCredential } = {}): Json {
    const rpId = bend.rpId ?? this.rpIdOf(options);
    // `reuse`: answer with a key already held, as an authenticator that ignores excludeCredentials would
    const { privateKey, publicKey } = bend.reuse ?? generateKeyPairSync("ec", { namedCurve: "P-256" });
    const rawId = bend.reuse ? Buffer.from(bend.reuse.id, "base64url") : randomBytes(16);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(rawId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, rawId, coseKey(publicKey)]); // AAGUID all zero
    const flags = (bend.up === false ? 0 : FLAGS.UP) | (bend.uv === false ? 0 : FLAGS.UV) | FLAGS.AT;
    const startCounter = bend.counter ?? 0;
    const authData = authenticatorData(rpId, flags, startCounter, attested);
    const attestationObject = cbor(
      new Map<string, CborValue>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]),
    );
    const id = b64url(rawId);
    if (!bend.reuse) this.credentials.push({ id, rpId, userHandle: options.user.id, privateKey, publicKey, counter: startCounter });
    return {
      id,
      rawId: id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientData("webauthn.create", bend.challenge ?? options.challenge, bend.origin ?? this.origin)),
        attestationObject: b64url(attestationObject),
        authenticatorData: b64url(authData),
        transports: ["internal", "hybrid"],
        publicKeyAlgorithm: -7,
        publicKey: b64url(publicKey.export({ format: "der", type: "spki" })),
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: { credProps: { rk: true } },
    };
  }

  /** The credential `navigator.credentials.get()` would pick: one the options allow, else any for the RP id (discoverable). */
  credentialFor(options: RequestOptions): SoftCredential {
    const rpId = this.rpIdOf(options);
    const allowed = options.allowCredentials?.map((c) => c.id);
    const found = this.credentials.find((c) => c.rpId === rpId && (!allowed?.length || allowed.includes(c.id)));
    if (!found) throw new Error(`soft authenticator: no credential for ${rpId}`);
    return found;
  }

  /** `navigator.credentials.get()` then `credential.toJSON()`: an AuthenticationResponseJSON. */
  get(options: RequestOptions, bend: Bend & { credential?: SoftCredential } = {}): Json {
    const credential = bend.credential ?? this.credentialFor(options);
    const flags = (bend.up === false ? 0 : FLAGS.UP) | (bend.uv === false ? 0 : FLAGS.UV);
    let counter = bend.counter;
    if (counter === undefined) {
      credential.counter += this.counterStep;
      counter = credential.counter;
    }
    const authData = authenticatorData(bend.rpId ?? credential.rpId, flags, counter);
    const data = clientData(
      (bend.type as "webauthn.get") ?? "webauthn.get",
      bend.challenge ?? options.challenge,
      bend.origin ?? this.origin,
    );
    const signature = sign("sha256", Buffer.concat([authData, sha256(data)]), credential.privateKey);
    if (bend.badSignature) signature[signature.length - 1] ^= 0x01;
    return {
      id: credential.id,
      rawId: credential.id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(data),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: credential.userHandle,
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
    };
  }
}
