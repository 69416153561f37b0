import { countCalls, test, expect, expectAccessible, uniqueEmail } from "./fixtures";
import {
  api,
  apiSignIn,
  codeMailKey,
  createAccount,
  createAdmin,
  enableEmailOtpViaApi,
  enableTotpViaApi,
  endMailWait,
  enterPassword,
  mailCount,
  mailedCode,
  PASSWORD,
  signIn,
  signInWithTotp,
  signOut,
  sql,
  totpCode,
  userId,
} from "./portal-helpers";

// The sign-in, the step-up and the set-up wizards as a new user met them (issue 14): what a first
// walk tripped over, each step marked with the defect it covers.

/** A partial token, then a sudo token from a TOTP code: an administrator's API step-up. */
async function sudoWithTotp(email: string, secret: string) {
  const login = await fetch(`${process.env.APP_URL}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: email, password: PASSWORD }),
  });
  const { partialToken } = (await login.json()) as { partialToken: string };
  return api<{ sudoToken: string }>("/user/2fa/totp/authenticate", { body: { totp: await totpCode(secret) }, token: partialToken });
}

test("email codes as the only method: the code is sent at once, to a masked address; a second try within the minute says a code is on its way", async ({
  page,
}) => {
  const email = uniqueEmail("only-email");
  await createAccount(email);
  await enableEmailOtpViaApi(email, email);
  const masked = `${email[0]}•••@example.com`;
  const before = await mailCount(email, "2fa-email-code");

  // issue 14 bug 1: nothing to choose, so the code goes out without a click, and the page says where
  await enterPassword(page, email);
  await expect(page.getByText(`We sent a 6-digit code to ${masked}. It is valid for 10 minutes.`)).toBeVisible();
  const code = await mailedCode(email, "2fa-email-code", before);
  await expect(page.getByText(email)).toHaveCount(0); // the whole address is not on the page before the second factor
  await expectAccessible(page);

  // issue 14 bug 1: signing in again within the minute sends nothing (one mail a minute), and says the first code still works
  await page.getByRole("button", { name: "Start again" }).click();
  await enterPassword(page, email);
  await expect(page.getByText(`We emailed ${masked} less than a minute ago`)).toBeVisible();
  await expect(page.getByText("A sign-in code from that email still works for 10 minutes.")).toBeVisible();
  expect(await mailCount(email, "2fa-email-code")).toBe(before + 1);
  await page.getByLabel("6-digit code from the email").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("the sign-in's second factor is the step-up, and a reload keeps it until Forget", async ({ page }) => {
  test.setTimeout(120_000); // two TOTP codes: the second may wait for the next time step
  const email = uniqueEmail("sudo-kept");
  await createAccount(email);
  const { secret } = await enableTotpViaApi(email);

  // issue 14 bug 3: the sign-in with a second factor already confirmed it's you
  await signInWithTotp(page, email, secret, { keepStepUp: true });
  const status = page.getByTestId("sudo-status");
  await expect(status).toBeVisible();
  await page.reload();
  await expect(status).toBeVisible();
  await page.goto("/account/recovery-codes"); // a typed URL keeps it too
  await page.getByRole("button", { name: "Create new recovery codes" }).click();
  await expect(page.getByRole("dialog", { name: "Confirm it's you" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  await page.getByLabel("I have saved these recovery codes somewhere safe").check();
  await page.getByRole("button", { name: "Done" }).click();

  // "Forget" ends it, reloads included
  await status.getByRole("button", { name: "Forget" }).click();
  await expect(status).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(status).toBeHidden();

  // a step-up through the dialog is kept across a reload as well
  await page.goto("/account/recovery-codes");
  await page.getByRole("button", { name: "Create new recovery codes" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await dialog.getByLabel("6-digit code from your authenticator app").fill(await totpCode(secret));
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  await page.getByLabel("I have saved these recovery codes somewhere safe").check();
  await page.getByRole("button", { name: "Done" }).click();
  await page.reload();
  await expect(status).toBeVisible();
});

test("a second method says first that the recovery codes will be replaced", async ({ page }) => {
  const email = uniqueEmail("second-method");
  await createAccount(email);
  const { secret } = await enableTotpViaApi(email);
  await signInWithTotp(page, email, secret, { keepStepUp: true });

  // issue 14 bug 4: said before the wizard starts…
  await page.goto("/account/email-codes");
  await expect(page.getByTestId("recovery-codes-will-change")).toContainText("Your current recovery codes will stop working");
  await expectAccessible(page);
  await page.getByRole("button", { name: /Send code|Send the code/ }).click();
  const code = await mailedCode(email, "2fa-email-code");
  await page.getByLabel(/6-digit code/).fill(code);
  await page.getByRole("button", { name: "Turn on email codes" }).click();
  // …and beside the new set, behind the same save gate
  await expect(page.getByText("Your earlier recovery codes no longer work: save these instead.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Done" })).toBeDisabled();
  await endMailWait(codeMailKey(await userId(email)));
});

test("a first set-up says nothing about replacing recovery codes", async ({ page }) => {
  const email = uniqueEmail("first-method");
  await createAccount(email);
  await signIn(page, email);
  await page.goto("/account/email-codes");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("recovery-codes-will-change")).toHaveCount(0);
});

test("reloading the authenticator wizard after the scan keeps the set-up: the app's code still finishes it", async ({ page }) => {
  const email = uniqueEmail("totp-reload");
  await createAccount(email);
  await signIn(page, email);
  await page.goto("/account/authenticator");
  await page.getByRole("button", { name: "Show the QR code" }).click();
  const secret = (await page.getByTestId("totp-key").innerText()).replace(/\s/g, "");

  // issue 14 bug 5: the reload makes no new secret; the pending one is finished with the app's code
  const setups = countCalls(page, "/api/user/2fa/totp/setup");
  await page.reload();
  await expect(page.getByTestId("totp-setup-pending")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Enter the code from the app" }).click();
  await page.getByLabel("6-digit code from the app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Turn on authenticator app" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  expect(setups).toEqual([]);
});

test("the welcome link opens a page for a first password", async ({ page }) => {
  const admin = uniqueEmail("welcoming-admin");
  await createAdmin(admin);
  const { secret } = await enableTotpViaApi(admin);
  const { sudoToken } = await sudoWithTotp(admin, secret);
  const newcomer = uniqueEmail("newcomer");
  await api("/admin/users", { body: { email: newcomer }, token: sudoToken });
  const [mail] = await sql(`SELECT "text" FROM "MailMessage" WHERE "toAddress" = ? AND "template" = 'account-setup-link'`, newcomer);
  const link = /https?:\/\/\S+reset-password\?token=\S+/.exec(String(mail.text))![0];

  // issue 14 bug 6: a first password, not "Set a new password … every device will be signed out"
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  await expect(page.getByText("signed out")).toHaveCount(0);
  await expectAccessible(page);
});

test("focus: a failed sign-in puts it on the field the server refused; closing the step-up returns it to its button", async ({ page }) => {
  const email = uniqueEmail("focus");
  await createAccount(email);
  const { secret } = await enableTotpViaApi(email);

  // issue 14 bug 9: the wrong password is marked and focused, not <body>
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(`${PASSWORD}-wrong`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const password = page.getByLabel("Password", { exact: true });
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("The email address or password is incorrect.")).toBeVisible();
  await expectAccessible(page);

  // issue 14 bug 9: Escape on the step-up gives the focus back to the button that opened it
  await password.fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByLabel("6-digit code from your authenticator app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.getByTestId("sudo-status").getByRole("button", { name: "Forget" }).click();
  await expect(page.getByTestId("sudo-status")).toBeHidden();
  await page.goto("/account/recovery-codes");
  const create = page.getByRole("button", { name: "Create new recovery codes" });
  await create.click();
  await expect(page.getByRole("dialog", { name: "Confirm it's you" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Confirm it's you" })).toBeHidden();
  await expect(create).toBeFocused();
});

test("a deep link survives the sign-in; a foreign one lands on the account", async ({ page }) => {
  const email = uniqueEmail("deep-link");
  await createAccount(email);

  // issue 14: deep links survive sign-in
  await page.goto("/account/sessions");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fsessions$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/sessions$/);
  await signOut(page);

  for (const next of ["//evil.example/account", "https://evil.example/", "/login"]) {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/account$/);
    await signOut(page);
  }
});

test("a session ended elsewhere signs the page out with a notice, and the sign-in returns to the page", async ({ page }) => {
  const email = uniqueEmail("ended-elsewhere");
  await createAccount(email);
  await signIn(page, email);
  await page.goto("/account/activity");

  // issue 14: "You were signed out" when a session ended elsewhere (here: every session ended from another device)
  const { accessToken } = await apiSignIn(email);
  const sessions = await api<{ id: string; current: boolean }[]>("/user/sessions", { token: accessToken });
  for (const s of sessions.filter((s) => !s.current)) await api(`/user/sessions/${s.id}`, { method: "DELETE", token: accessToken });
  await page.reload();
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Factivity&reason=ended$/);
  await expect(page.getByText("You were signed out")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/activity$/);
});

test.describe("in New York", () => {
  test.use({ timezoneId: "America/New_York" });

  test("times are in the reader's time zone, and this device's session comes first", async ({ page }) => {
    const email = uniqueEmail("local-times");
    await createAccount(email);
    const { accessToken } = await apiSignIn(email); // an older session…
    await signIn(page, email);
    await api("/user/sessions", { token: accessToken }); // …used after this one

    // issue 14: local times, not UTC everywhere
    await page.goto("/account/activity");
    const time = page.locator("time").first();
    await expect(time).toHaveText(/\b(EST|EDT|GMT-[45])\b/);
    await expect(page.getByText(/\bUTC\b/)).toHaveCount(0);

    // issue 14: sessions — the current device first, the others by last use
    await page.goto("/account/sessions");
    const rows = page.getByTestId("session");
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toHaveAttribute("data-current", "true");
    await expect(rows.first()).toContainText(/EST|EDT|GMT-[45]/);
  });

  test("the dashboard's times are in the reader's time zone too", async ({ page }) => {
    const admin = uniqueEmail("local-admin");
    await createAdmin(admin);
    const { secret } = await enableTotpViaApi(admin);
    await signInWithTotp(page, admin, secret);

    // issue 14: local times, not UTC everywhere (the account page and the mail log)
    await page.goto(`/admin/users/${await userId(admin)}`);
    await expect(page.getByTestId("two-factor")).toContainText(/On since .*\b(EST|EDT|GMT-[45])\b/);
    await expect(page.locator("main").getByText(/\bUTC\b/)).toHaveCount(0);
    await page.goto("/admin/mail");
    await expect(page.locator("main time").first()).toHaveText(/\b(EST|EDT|GMT-[45])\b/);
  });
});
