import { describe, expect, it } from "vitest";
import { CROCKFORD_ALPHABET, generateRecoveryCode, generateRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";
import { formatRecoveryCode, recoveryCodeBody } from "./schemas";

describe("recovery codes (docs/api.md §5)", () => {
  it("are 10 per set, 16 Crockford base32 characters each, all different", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it("use every symbol in every position (80 bits from the CSPRNG, no fixed bits)", () => {
    const seen = Array.from({ length: 16 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) [...generateRecoveryCode()].forEach((c, p) => seen[p].add(c));
    for (const position of seen) expect(position.size).toBe(32);
  });

  it("normalize case and Crockford look-alikes; format for display in groups of 4", () => {
    expect(normalizeRecoveryCode("abcd efgh")).toBe("ABCD EFGH");
    expect(normalizeRecoveryCode("oOiIlL")).toBe("001111");
    expect(formatRecoveryCode("ABCDEFGHJKMNPQRS")).toBe("ABCD-EFGH-JKMN-PQRS");
    for (const c of "ILOU") expect(CROCKFORD_ALPHABET).not.toContain(c);
  });

  it("accept exactly 16 characters in the request schema", () => {
    expect(recoveryCodeBody.safeParse({ recoveryCode: "A".repeat(16) }).success).toBe(true);
    expect(recoveryCodeBody.safeParse({ recoveryCode: "A".repeat(15) }).success).toBe(false);
    expect(recoveryCodeBody.safeParse({ recoveryCode: "A".repeat(17) }).success).toBe(false);
  });
});
