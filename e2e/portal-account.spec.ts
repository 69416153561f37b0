import { test, expect, snap, expectAccessible, uniqueEmail } from "./fixtures";
import { createAccount, enableTotpViaApi, expectNoSidewaysScroll, signIn, signInWithTotp, useRecoveryCodesViaApi } from "./portal-helpers";

test("the overview shows the account's security at a glance, with a way into each wizard", async ({ page }) => {
  const email = uniqueEmail("overview");
  await createAccount(email);
  await signIn(page, email);

  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expect(page.getByTestId("two-factor-summary")).toContainText("Off");
  await expect(page.getByTestId("totp-status")).toContainText("Off");
  await expect(page.getByTestId("email-otp-status")).toContainText("Off");
  await expect(page.getByTestId("recovery-codes-status")).toContainText("Come with two-step verification");
  await expect(page.getByTestId("sessions-count")).toHaveText("You are signed in on 1 device.");
  const recent = page.getByRole("list", { name: "Recent security events" });
  await expect(recent.getByRole("listitem").first()).toContainText("Signed in");
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Overview" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expectAccessible(page);

  // every wizard is one click away
  for (const [name, url, heading] of [
    ["Change email address", /\/account\/email$/, "Change email address"],
    ["Change password", /\/account\/password$/, "Change password"],
    ["Set up authenticator app", /\/account\/authenticator$/, "Set up an authenticator app"],
    ["Set up email codes", /\/account\/email-codes$/, "Set up email codes"],
    ["Manage sessions", /\/account\/sessions$/, "Sessions"],
    ["See all activity", /\/account\/activity$/, "Activity"],
  ] as const) {
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/account");
  }
});

test("with 2FA on, it shows each method and warns when fewer than 3 recovery codes are left", async ({ page }) => {
  const email = uniqueEmail("overview-2fa");
  await createAccount(email);
  const { secret, recoveryCodes } = await enableTotpViaApi(email);
  await signInWithTotp(page, email, secret);

  await expect(page.getByTestId("two-factor-summary")).toContainText("On");
  await expect(page.getByTestId("totp-status")).toContainText("On");
  await expect(page.getByRole("link", { name: "Turn off authenticator app" })).toBeVisible();
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10");
  await expect(page.getByTestId("recovery-codes-warning")).toHaveCount(0);

  await useRecoveryCodesViaApi(email, recoveryCodes.slice(0, 7)); // 3 left: no warning yet
  await page.reload();
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("3");
  await expect(page.getByTestId("recovery-codes-warning")).toHaveCount(0);

  await useRecoveryCodesViaApi(email, recoveryCodes.slice(7, 8));
  await page.reload();
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("2");
  await expect(page.getByTestId("recovery-codes-warning")).toContainText("Only 2 recovery codes left.");
  // the API's session, this browser's, and one per recovery-code sign-in
  await expect(page.getByTestId("sessions-count")).toHaveText("You are signed in on 10 devices.");
  await expectAccessible(page);
  await snap(page, "account-2fa");

  await page.getByRole("link", { name: "See all activity" }).click();
  await expect(page).toHaveURL(/\/account\/activity$/);
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Activity" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const events = page.getByRole("list", { name: "Security events" }).getByRole("listitem");
  // newest first, in words
  await expect(events.filter({ hasText: "Recovery code used" })).toHaveCount(8);
  await expect(events.filter({ hasText: "Authenticator app turned on" })).toHaveCount(1);
  const kinds = await events.evaluateAll((items) => items.map((item) => item.getAttribute("data-kind")));
  expect(kinds.indexOf("totp.enabled")).toBeGreaterThan(kinds.indexOf("recovery_code.used"));
  expect(kinds.at(-1)).toBe("account.created");
  const times = await events.locator("time").evaluateAll((items) => items.map((item) => item.getAttribute("datetime")!));
  expect([...times].sort().reverse()).toEqual(times);
  await expectAccessible(page);
});

test("the portal's pages fit a 375 px wide phone", async ({ page }) => {
  const email = uniqueEmail("narrow");
  await createAccount(email);
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/login");
  await expectNoSidewaysScroll(page);
  await page.goto("/forgot-password");
  await expectNoSidewaysScroll(page);
  await signIn(page, email);
  for (const path of [
    "/account",
    "/account/sessions",
    "/account/activity",
    "/account/password",
    "/account/email",
    "/account/authenticator",
    "/account/email-codes",
    "/account/recovery-codes",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  await page.goto("/account/authenticator");
  await page.getByRole("button", { name: "Show the QR code" }).click();
  await expect(page.getByTestId("totp-qr")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await snap(page, "totp-setup-375");
});
