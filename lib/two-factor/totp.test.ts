import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { matchTotp, totpIssuer, totpUrl } from "./totp";

const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const at = (step: number) => generate({ secret, epoch: step * 30 + 5 });

describe("TOTP (docs/api.md §5, RFC 6238)", () => {
  it("builds the documented otpauth URL", () => {
    expect(totpUrl("Acme Portal", "a+b@example.com", "ABC234")).toBe(
      "otpauth://totp/Acme%20Portal:a%2Bb%40example.com?secret=ABC234&issuer=Acme%20Portal&algorithm=SHA1&digits=6&period=30",
    );
  });

  it("names the default brand for no or an unknown origin", () => {
    expect(totpIssuer()).toBeTruthy();
    expect(totpIssuer("no-such-brand-x")).toBe(totpIssuer());
  });

  it("accepts the current step and one either side, and answers the matched step", async () => {
    const now = Math.floor(Date.now() / 1000 / 30);
    // a step boundary may pass between generate and verify: the answer is then off by one
    const matched = await matchTotp(secret, await at(now));
    expect([now, now + 1]).toContain(matched);
    expect([now - 1, now]).toContain(await matchTotp(secret, await at(now - 1)));
    expect([now + 1]).toContain(await matchTotp(secret, await at(now + 1)));
    expect(await matchTotp(secret, await at(now + 3))).toBeNull();
    expect(await matchTotp(secret, await at(now - 3))).toBeNull();
  });

  it("never matches a step at or before the last used one", async () => {
    const now = Math.floor(Date.now() / 1000 / 30);
    const code = await at(now + 1);
    expect(await matchTotp(secret, code, now + 1)).toBeNull();
    expect(await matchTotp(secret, code, now)).toBe(now + 1);
  });

  it("treats malformed codes as wrong, never as errors", async () => {
    for (const code of ["abcdef", "12345", "1234567", "", "12 456"]) expect(await matchTotp(secret, code)).toBeNull();
    expect(await matchTotp("not base32!", "123456")).toBeNull();
  });
});
