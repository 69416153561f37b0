import { STATUS_CODES } from "node:http";
import { describe, expect, it } from "vitest";
import { crowdedRequestRefusal } from "../../scripts/lib/crowded-request.mjs";
import { apiError, badRequest, conflict, errorCatalogue, isErrorCode, reasonPhrases, statusOf, tooManyRequests } from ".";

// The catalogue is the one list of error codes: what lib/ throws carries the status declared
// there, and every status it uses has a reason phrase for the envelope's `error`.

describe("the error catalogue (lib/errors/catalogue.ts)", () => {
  const entries = Object.entries(errorCatalogue);

  it("names each code in upper snake case, with a status of 401–500 other than 400 and a description", () => {
    expect(entries.length).toBeGreaterThan(50);
    for (const [code, { status, description }] of entries) {
      expect(code, code).toMatch(/^[0-9A-Z]+(_[0-9A-Z]+)*$/);
      expect(status, code).toBeGreaterThan(400);
      expect(reasonPhrases[status], `${code}: no reason phrase for ${status}`).toBeDefined();
      expect(description.length, code).toBeGreaterThan(10);
    }
  });

  it("gives thrown errors the catalogue's status", () => {
    expect(apiError("TOTP_UNINITIALIZED")).toMatchObject({ status: 409, code: "TOTP_UNINITIALIZED" });
    expect(conflict("LAST_ADMIN").status).toBe(statusOf("LAST_ADMIN"));
    expect(tooManyRequests("TOO_MANY_TOTP_CHECKS", 0.2)).toMatchObject({ status: 429, extras: { retryAfter: 1 } });
    expect(badRequest("username is required", "username")).toMatchObject({
      status: 400,
      code: "username is required",
      extras: { field: "username" },
    });
  });

  it("tells codes from other strings (a 400's sentence, another server's code)", () => {
    expect(isErrorCode("INVALID_TOKEN")).toBe(true);
    expect(isErrorCode("username is required")).toBe(false);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });

  it("holds the codes the server refuses crowded requests with, before Next (scripts/lib/crowded-request.mjs)", () => {
    const refusals = [
      crowdedRequestRefusal({ url: `/x?${"a&".repeat(200)}`, headers: {} }),
      crowdedRequestRefusal({ url: "/x", headers: { cookie: "c=1; ".repeat(300) } }),
    ];
    for (const refusal of refusals) {
      expect(refusal && isErrorCode(refusal.code) && statusOf(refusal.code)).toBe(refusal?.status);
      expect(reasonPhrases[refusal!.status]).toBe(STATUS_CODES[refusal!.status]);
    }
  });
});
