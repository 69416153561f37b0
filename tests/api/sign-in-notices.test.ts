import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, createTestUser, expectEnvelope, login, mailTo, sleep } from "../helpers";
import { awayFromStepBoundary, events, loginOwingSecondFactor, usableTotp } from "./two-factor-helpers";

// Issue 14, mails: the account holder hears of a sign-in from a device (browser + OS family) the
// account has not signed in from before (ASVS 6.3.5), and of every recovery code used. Both go
// through the configured transport (the outbox here) after the answer.

const agents = {
  firefoxWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
  firefoxWindowsNewer: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
};
const NEW_DEVICE = "new-device-sign-in";

const mails = (to: string, template: string) => db.mailMessage.findMany({ where: { toAddress: to, template } });
/** The notice leaves after the answer: give it the time it needs before saying none went. */
const settled = () => sleep(1_000);

async function passwordLogin(user: { email: string; password: string }, userAgent: string) {
  return api("/auth/login", { body: { username: user.email, password: user.password }, headers: { "User-Agent": userAgent } });
}

describe("a sign-in from a new device", () => {
  it("is mailed to the account holder, naming the device and the address; the same device again (even updated) is not", async () => {
    const user = await createTestUser();
    await login(user); // the account's first device
    const started = new Date();
    expect((await passwordLogin(user, agents.firefoxWindows)).status).toBe(200);
    const mail = await mailTo(user.email, NEW_DEVICE, started);
    expect(mail.status).toBe("sent");
    expect(mail.text).toContain("Firefox on Windows");
    expect(mail.text).toContain("127.0.0.1");
    expect(mail.html).toContain("Firefox on Windows");
    const [event] = await events(user.id, "login.new_device");
    expect(event.userAgent).toBe(agents.firefoxWindows);

    expect((await passwordLogin(user, agents.firefoxWindowsNewer)).status).toBe(200);
    await settled();
    expect(await mails(user.email, NEW_DEVICE)).toHaveLength(1);
    expect(await events(user.id, "login.new_device")).toHaveLength(1);
  });

  it("the account's very first sign-in is no news: nothing is mailed", async () => {
    const user = await createTestUser();
    expect((await passwordLogin(user, agents.safariMac)).status).toBe(200);
    await settled();
    expect(await db.knownDevice.count({ where: { userId: user.id } })).toBe(1);
    expect(await mails(user.email, NEW_DEVICE)).toHaveLength(0);
  });

  it("counts only completed sign-ins: the password step alone does not make a device known, the second factor does", async () => {
    const owed = await loginOwingSecondFactor(); // signed in before, from this test's own client
    const headers = { "User-Agent": agents.safariMac };
    const partial = await api("/auth/login", { body: { username: owed.user.email, password: owed.user.password }, headers });
    expectEnvelope(partial, 401, "2FA_REQUIRED");
    await settled();
    expect(await mails(owed.user.email, NEW_DEVICE)).toHaveLength(0);

    await awayFromStepBoundary();
    const started = new Date();
    const totp = await usableTotp(owed.user.id, owed.secret);
    const done = await api("/user/2fa/totp/authenticate", { body: { totp }, token: partial.json.partialToken, headers });
    expect(done.status, done.text).toBe(200);
    expect((await mailTo(owed.user.email, NEW_DEVICE, started)).text).toContain("Safari on macOS");
  });

  it("concurrent first sign-ins from one new device send one mail", async () => {
    const user = await createTestUser();
    await login(user);
    const answers = await Promise.all(Array.from({ length: 4 }, () => passwordLogin(user, agents.edgeWindows)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    await mailTo(user.email, NEW_DEVICE);
    await settled();
    expect(await mails(user.email, NEW_DEVICE)).toHaveLength(1);
  });

  it("a sign-in with a wrong password is not a sign-in: no mail, the device stays unknown", async () => {
    const user = await createTestUser();
    await login(user);
    const wrong = await api("/auth/login", {
      body: { username: user.email, password: `${user.password}-wrong` },
      headers: { "User-Agent": agents.chromeAndroid },
    });
    expectEnvelope(wrong, 401, "PASSWORD_INCORRECT");
    await settled();
    expect(await mails(user.email, NEW_DEVICE)).toHaveLength(0);
    expect(await db.knownDevice.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("a recovery code used", () => {
  it("is mailed to the account holder at sign-in and at a step-up, with the number of codes left", async () => {
    const owed = await loginOwingSecondFactor();
    const started = new Date();
    const signIn = await api("/user/2fa/recovery-code/authenticate", {
      body: { recoveryCode: owed.recoveryCodes[0] },
      token: owed.partial,
    });
    expect(signIn.status, signIn.text).toBe(200);
    const first = await mailTo(owed.user.email, "recovery-code-used", started);
    expect(first.status).toBe("sent");
    expect(first.text).toContain("9");

    const stepUp = await api("/user/2fa/recovery-code/authenticate", {
      body: { recoveryCode: owed.recoveryCodes[1] },
      token: signIn.json.accessToken,
    });
    expect(stepUp.status, stepUp.text).toBe(200);
    await expect.poll(async () => (await mails(owed.user.email, "recovery-code-used")).length).toBe(2);
  });

  it("a wrong recovery code mails nothing", async () => {
    const owed = await loginOwingSecondFactor();
    const r = await api("/user/2fa/recovery-code/authenticate", { body: { recoveryCode: "0000000000000000" }, token: owed.partial });
    expectEnvelope(r, 401, "RECOVERY_CODE_INCORRECT");
    await settled();
    expect(await mails(owed.user.email, "recovery-code-used")).toHaveLength(0);
  });
});
