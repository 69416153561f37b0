import { test, expect, expectAccessible, uniqueEmail } from "./fixtures";
import {
  PASSWORD,
  confirmWithTotp,
  createAccount,
  enableTotpViaApi,
  enterPassword,
  signIn,
  signInWithTotp,
  signOut,
} from "./portal-helpers";

test("changes the password with the keyboard only; then the old one fails at /login", async ({ page }) => {
  const email = uniqueEmail("change-pw");
  await createAccount(email);
  await signIn(page, email);
  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change password" })).toBeVisible();
  await expectAccessible(page);

  const current = page.getByLabel("Current password");
  const next = page.getByLabel("New password");
  // nothing filled in: focus goes to the first error, and each error is announced
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(current).toBeFocused();
  await expect(page.getByRole("alert").filter({ hasText: "Current password is required" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "New password must be at least 8 characters" })).toBeVisible();

  // a wrong current password: the API's answer lands on that field
  await current.fill("Not-my-password-1");
  await next.fill("Brand-New-Pass-9");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expect(current).toBeFocused();

  // keyboard only from here: type, Tab past the field's "Show password", Tab, type, Enter
  const newPassword = "Brand-New-Pass-9";
  await current.fill("");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Show password" }).first()).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(next).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(newPassword);
  await expect(page.getByRole("list", { name: "Password requirements" }).locator("[data-met=false]")).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Password changed" })).toBeFocused();
  await expectAccessible(page);

  await page.goto("/account");
  await signOut(page);
  await enterPassword(page, email, PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email address or password is incorrect.");
  await signIn(page, email, newPassword);
});

test("with 2FA on, changing the password asks to confirm it's you first", async ({ page }) => {
  test.setTimeout(150_000); // four TOTP codes, one per time step
  const email = uniqueEmail("change-pw-2fa");
  await createAccount(email);
  const { secret } = await enableTotpViaApi(email);
  await signInWithTotp(page, email, secret);
  await page.goto("/account/password");
  await expect(page.getByText("you will be asked to confirm it's you")).toBeVisible();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("Second-Factor-Pass-3");
  await page.getByRole("button", { name: "Change password" }).click();
  await confirmWithTotp(page, secret, "Change your password");
  await expect(page.getByRole("heading", { name: "Password changed" })).toBeFocused();

  await page.goto("/account");
  await signOut(page);
  await enterPassword(page, email, PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email address or password is incorrect.");
  await signInWithTotp(page, email, secret, { password: "Second-Factor-Pass-3" });
});
