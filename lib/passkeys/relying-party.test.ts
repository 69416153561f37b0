import { describe, expect, it } from "vitest";
import { relyingPartyOf } from "./relying-party";
import { authenticationCredential, registerBody, renameBody } from "./schemas";
import { challengeOf, knownTransports } from "./verify";

// §9 "Relying party" and the request schemas' limits, as pure functions.

const gatehouse = { displayName: "Gatehouse", portalUrl: "https://auth.example.com" };
const sofar = { displayName: "Sofar", portalUrl: "https://portal.sofar.example" };

describe("the relying party", () => {
  it("is APP_URL's host by default, with APP_URL's origin and every portal's, each once", () => {
    const rp = relyingPartyOf({ appUrl: "https://auth.example.com/base", brands: [gatehouse, sofar], brand: gatehouse });
    expect(rp).toEqual({
      id: "auth.example.com",
      name: "Gatehouse",
      origins: ["https://auth.example.com", "https://portal.sofar.example"],
    });
  });

  it("takes WEBAUTHN_RP_ID and the brand's name", () => {
    const rp = relyingPartyOf({ appUrl: "http://localhost:3000", rpId: "example.com", brands: [sofar], brand: sofar });
    expect(rp).toMatchObject({ id: "example.com", name: "Sofar", origins: ["http://localhost:3000", "https://portal.sofar.example"] });
  });
});

describe("credential input", () => {
  const b64 = (s: string) => Buffer.from(s).toString("base64url");
  const assertion = (response: Record<string, unknown>, id = "AAAA") => ({
    credential: {
      id,
      rawId: id,
      type: "public-key",
      response: { clientDataJSON: b64("{}"), authenticatorData: "AAAA", signature: "AAAA", ...response },
    },
  });

  it("takes base64url without padding only, within the limits", () => {
    expect(authenticationCredential.safeParse(assertion({}).credential).success).toBe(true);
    for (const bad of ["AAA=", "A+B/", "AAAAA", "", "A".repeat(5000)])
      expect(authenticationCredential.safeParse(assertion({ authenticatorData: bad }).credential).success, bad).toBe(false);
    expect(authenticationCredential.safeParse(assertion({}, "A".repeat(1368)).credential).success).toBe(false);
  });

  it("names: 1–64 characters, no control characters, not blank", () => {
    expect(renameBody.safeParse({ name: "Work laptop 😀" }).success).toBe(true);
    for (const name of ["", " ", "\t", "a\u0000b", "a\nb", "x".repeat(65)])
      expect(renameBody.safeParse({ name }).success, name).toBe(false);
    expect(registerBody.shape.name.safeParse(undefined).success).toBe(true);
  });

  it("reads the challenge from clientDataJSON, and nothing from garbage", () => {
    expect(challengeOf(b64(JSON.stringify({ challenge: "abc", type: "webauthn.get" })))).toBe("abc");
    for (const bad of [
      b64("not json"),
      b64("[]"),
      b64('{"challenge":1}'),
      b64('{"challenge":""}'),
      b64(`{"challenge":"${"a".repeat(200)}"}`),
    ])
      expect(challengeOf(bad)).toBeNull();
  });

  it("keeps the known transports, once each", () => {
    expect(knownTransports(["usb", "usb", "telepathy", "internal"])).toEqual(["usb", "internal"]);
    expect(knownTransports(undefined)).toEqual([]);
  });
});
