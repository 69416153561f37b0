import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, createTestUser, expectEnvelope, mailTo, partialTokenFor, signedIn, TEST_PASSWORD, uniqueEmail } from "../helpers";
import { codeMailKey, endWait, lastMail, userWithTokens } from "./two-factor-helpers";

// The preferences API (ours, the contract's §10): the language and time zone saved on the account,
// and the saved language as the language of every mail sent for the account without `language`.

const put = (token: string, body: unknown) => api("/user/preferences", { method: "PUT", token, body });
const get = (token: string) => api("/user/preferences", { token });

describe("GET /user/preferences", () => {
  it("answers null for both on a new account", async () => {
    const { tokens } = await userWithTokens();
    const r = await get(tokens.access);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ language: null, timeZone: null });
    expect((await api("/api/user/preferences", { token: tokens.sudo })).json).toEqual({ language: null, timeZone: null });
  });

  it("takes an access or sudo token only", async () => {
    const { user, tokens } = await userWithTokens();
    expectEnvelope(await get(tokens.refresh), 401, "INVALID_TOKEN");
    expectEnvelope(await get(await partialTokenFor(user.id)), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/user/preferences"), 401, "NO_TOKEN_PROVIDED");
    expectEnvelope(await api("/user/preferences", { method: "POST", token: tokens.access, body: {} }), 405, "METHOD_NOT_ALLOWED");
  });
});

describe("PUT /user/preferences", () => {
  it("saves either key alone, answers null, and leaves the other as it was", async () => {
    const { user, tokens } = await userWithTokens();
    const r = await put(tokens.access, { language: "fr" });
    expect(r.status, r.text).toBe(200);
    expect(r.text).toBe("null");
    expect((await get(tokens.access)).json).toEqual({ language: "fr", timeZone: null });
    expect((await put(tokens.access, { timeZone: "Europe/Brussels" })).status).toBe(200);
    expect((await get(tokens.access)).json).toEqual({ language: "fr", timeZone: "Europe/Brussels" });
    expect((await put(tokens.sudo, { language: "de", timeZone: "America/New_York" })).status).toBe(200);
    expect((await get(tokens.access)).json).toEqual({ language: "de", timeZone: "America/New_York" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { language: true, timeZone: true } })).toEqual({
      language: "de",
      timeZone: "America/New_York",
    });
  });

  it("clears a key with null; an empty body changes nothing", async () => {
    const { tokens } = await userWithTokens();
    await put(tokens.access, { language: "nl", timeZone: "Asia/Tokyo" });
    expect((await put(tokens.access, {})).status).toBe(200);
    expect((await get(tokens.access)).json).toEqual({ language: "nl", timeZone: "Asia/Tokyo" });
    expect((await put(tokens.access, { language: null })).status).toBe(200);
    expect((await get(tokens.access)).json).toEqual({ language: null, timeZone: "Asia/Tokyo" });
    expect((await put(tokens.access, { timeZone: null })).status).toBe(200);
    expect((await get(tokens.access)).json).toEqual({ language: null, timeZone: null });
  });

  it("stores a time zone under its canonical IANA name", async () => {
    const { tokens } = await userWithTokens();
    expect((await put(tokens.access, { timeZone: "europe/amsterdam" })).status).toBe(200);
    expect((await get(tokens.access)).json.timeZone).toBe("Europe/Amsterdam");
  });

  it("answers 400 for an unknown language or time zone and saves nothing of that request", async () => {
    const { tokens } = await userWithTokens();
    await put(tokens.access, { language: "en", timeZone: "Europe/Paris" });
    for (const language of ["es", "EN", "english", "", 7]) {
      expectEnvelope(
        await put(tokens.access, { language, timeZone: "Asia/Tokyo" }),
        400,
        "language must be one of en, nl, fr, de (or null)",
      );
    }
    for (const timeZone of ["Mars/Olympus", "+01:00", "Europe/", "", "x".repeat(200)]) {
      expectEnvelope(
        await put(tokens.access, { language: "de", timeZone }),
        400,
        "timeZone must be an IANA time zone name such as Europe/Brussels (or null)",
      );
    }
    expectEnvelope(await put(tokens.access, { timeZone: 1 }), 400, "timeZone must be of type string");
    expect((await get(tokens.access)).json).toEqual({ language: "en", timeZone: "Europe/Paris" });
  });

  it("takes an access or sudo token only", async () => {
    const { user, tokens } = await userWithTokens();
    expectEnvelope(await put(tokens.refresh, { language: "fr" }), 401, "INVALID_TOKEN");
    expectEnvelope(await put(await partialTokenFor(user.id), { language: "fr" }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/user/preferences", { method: "PUT", body: { language: "fr" } }), 401, "NO_TOKEN_PROVIDED");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).language).toBeNull();
  });
});

describe("the saved language in mail", () => {
  it("writes a mail without a `language` query in the saved language, one with it in the one asked for", async () => {
    const { user, tokens } = await userWithTokens();
    await put(tokens.access, { language: "fr" });
    const first = uniqueEmail("pref");
    expect((await api("/user/2fa/email-otp/setup", { body: { email: first }, token: tokens.access })).status).toBe(200);
    expect((await lastMail(first))!.language).toBe("fr");

    await endWait(codeMailKey(user.id));
    const second = uniqueEmail("pref");
    expect((await api("/user/2fa/email-otp/setup?language=de", { body: { email: second }, token: tokens.access })).status).toBe(200);
    expect((await lastMail(second))!.language).toBe("de");
  });

  it("overrides the brand's default language (SmartgridOne writes Dutch by default)", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    await put(accessToken, { language: "de" });
    const changed = await api("/user/password/old-password?origin=smartgridone", {
      method: "PUT",
      token: accessToken,
      body: { oldPassword: TEST_PASSWORD, newPassword: "Another-Lantern-43" },
    });
    expect(changed.status, changed.text).toBe(200);
    const notice = await mailTo(user.email, "password-changed");
    expect([notice.origin, notice.language]).toEqual(["smartgridone", "de"]);
  });

  it("goes to a mail sent before sign-in too (the reset code to the account's address)", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    await put(accessToken, { language: "nl" });
    const since = new Date();
    expect((await api("/user/password/reset/send", { body: { email: user.email } })).status).toBe(200);
    expect((await mailTo(user.email, "password-reset-code", since)).language).toBe("nl");
  });

  it("leaves an account without a saved language to the brand's default", async () => {
    const user = await createTestUser();
    const since = new Date();
    expect((await api("/user/password/reset/send?origin=smartgridone", { body: { email: user.email } })).status).toBe(200);
    expect((await mailTo(user.email, "password-reset-code", since)).language).toBe("nl");
  });
});
