import { test, expect, expectAccessible, snap, uniqueEmail } from "./fixtures";
import {
  PASSWORD,
  api,
  codeMailKey,
  createAccount,
  enableTotpViaApi,
  endMailWait,
  enterPassword,
  mailedCode,
  signInWithTotp,
  signOut,
  sql,
  totpCode,
  userId,
  wrongTotp,
} from "./portal-helpers";

// Issue 14, "activity that tells the story" and the mails that go with it: a person who signs in
// with a wrong code or two, from a second computer, ends that computer's session, moves the
// account to another address and signs out reads all of it on the activity page, and hears by
// mail of each new device and of the recovery code used.

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

/** Signed in through the API with password and TOTP: the session's access and sudo tokens. */
async function signInViaApi(email: string, secret: string) {
  const login = await fetch(`${process.env.APP_URL}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: email, password: PASSWORD }),
  });
  const { partialToken } = (await login.json()) as { partialToken: string };
  return api<{ accessToken: string; sudoToken: string }>("/user/2fa/totp/authenticate", {
    body: { totp: await totpCode(secret) },
    token: partialToken,
  });
}

/** The mails of `template` to `to` whose text contains `needle`, once there is one. */
async function expectMail(to: string, template: string, needle: string) {
  await expect
    .poll(
      async () =>
        (await sql(`SELECT "text" FROM "MailMessage" WHERE "toAddress" = ? AND "template" = ?`, to.toLowerCase(), template)).filter((m) =>
          String(m.text).includes(needle),
        ).length,
      { message: `a ${template} mail to ${to} naming ${needle}`, timeout: 10_000 },
    )
    .toBe(1);
}

test("the activity page tells what happened: wrong codes, a new device, an ended session, an email change, a sign-out", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("story");
  const newEmail = uniqueEmail("story-moved");
  const codesTo = uniqueEmail("story-codes");
  await createAccount(email);
  const { secret } = await enableTotpViaApi(email); // the account's first device: a script
  const id = await userId(email);

  // email codes too, so that every kind of wrong code can be typed at sign-in
  const script = await signInViaApi(email, secret);
  await endMailWait(codeMailKey(id));
  await api("/user/2fa/email-otp/setup", { body: { email: codesTo }, token: script.sudoToken });
  const { recoveryCodes } = await api<{ recoveryCodes: string[] }>("/user/2fa/email-otp/enable", {
    body: { otp: await mailedCode(codesTo, "2fa-email-code") },
    token: script.accessToken,
  }); // a new set: the one TOTP gave stops working
  await endMailWait(codeMailKey(id));

  // issue 14: mails — a second computer signs in: a device the account has not seen
  const laptop = await browser.newContext({ userAgent: FIREFOX_ON_WINDOWS });
  const laptopPage = await laptop.newPage();
  await signInWithTotp(laptopPage, email, secret);
  await expectMail(email, "new-device-sign-in", "Firefox on Windows");

  // issue 14: activity — this browser signs in after a wrong email code, recovery code and authenticator code
  await enterPassword(page, email);
  await page.getByRole("radio", { name: "Email code" }).check();
  await page.getByRole("button", { name: "Send code" }).click();
  const sent = await mailedCode(codesTo, "2fa-email-code", 1);
  await page.getByLabel("6-digit code from the email").fill(sent === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is wrong or has expired." })).toBeVisible();
  await page.getByRole("radio", { name: "Recovery code" }).check();
  await page.getByRole("textbox", { name: "Recovery code" }).fill("0000-0000-0000-0000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That recovery code is not right or has been used." })).toBeVisible();
  await page.getByRole("radio", { name: "Authenticator app" }).check();
  const totp = page.getByLabel("6-digit code from your authenticator app");
  await totp.fill(await wrongTotp(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
  await totp.fill(await totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  // issue 14: mails — and so does this one (Playwright's "Desktop Chrome" says Windows)
  await expectMail(email, "new-device-sign-in", "Chrome on Windows");

  // issue 14: activity — the account moves to another address (through the API, as a script would)
  await api("/user/email/initiate", { body: { email: newEmail }, token: script.sudoToken });
  await api("/user/email", { method: "PUT", body: { otp: await mailedCode(newEmail, "email-transfer-code") }, token: script.accessToken });

  // issue 14: activity — the laptop's session is ended from here
  await page.goto("/account/sessions");
  await page
    .getByTestId("session")
    .filter({ hasText: "Firefox on Windows" })
    .getByRole("button", { name: /^End session/ })
    .click();
  await expect(page.getByText("Ended the session of Firefox on Windows.")).toBeVisible();

  // issue 14: activity and mails — sign out, and back in with a recovery code
  await signOut(page);
  await enterPassword(page, newEmail);
  await page.getByRole("radio", { name: "Recovery code" }).check();
  await page.getByRole("textbox", { name: "Recovery code" }).fill(recoveryCodes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expectMail(newEmail, "recovery-code-used", "9");

  await page.goto("/account/activity");
  const list = page.getByRole("list", { name: "Security events" });
  const item = (kind: string) => list.locator(`[data-kind="${kind}"]`);
  await expect(item("email_otp.failure")).toContainText("Wrong email code");
  await expect(item("recovery_code.failure")).toContainText("Wrong recovery code");
  await expect(item("totp.failure")).toContainText("Wrong authenticator code");
  await expect(item("totp.failure")).toContainText("Chrome on Windows");
  await expect(item("totp.failure")).toContainText("While signing in");
  await expect(item("login.new_device")).toHaveCount(2);
  await expect(item("login.new_device").filter({ hasText: "Firefox on Windows" })).toContainText("Signed in from a new device");
  await expect(item("session.revoked")).toContainText("Session ended");
  await expect(item("session.revoked")).toContainText("The session of Firefox on Windows");
  await expect(item("email.transfer_completed")).toContainText(`From ${email} to ${newEmail}`);
  await expect(item("logout")).toContainText("Signed out");
  await expect(item("recovery_code.used")).toContainText("9 recovery codes left");
  await expectAccessible(page);
  await snap(page, "activity-story");
  await laptop.close();
});
