import { test, expect, expectAccessible, uniqueEmail } from "./fixtures";
import { confirmWithTotp, createAccount, enableEmailOtpThenTotpViaApi, signIn, signInWithTotp, signOut } from "./portal-helpers";

// three TOTP codes (set-up, sign-in, confirmation): each time step is accepted once, so this may wait for the next step
test.setTimeout(120_000);

test("turns off email codes, then the authenticator app, each after a confirmation", async ({ page }) => {
  const email = uniqueEmail("turn-off");
  await createAccount(email);
  const { secret } = await enableEmailOtpThenTotpViaApi(email, email);
  await signInWithTotp(page, email, secret);
  await expect(page.getByTestId("email-otp-status")).toContainText("On");

  await page.getByRole("link", { name: "Turn off email codes" }).click();
  await expect(page.getByRole("heading", { name: "Turn off email codes?" })).toBeVisible();
  await expect(page.getByText("Your other second step and your recovery codes keep working.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Turn off email codes" }).click();
  await confirmWithTotp(page, secret, "Turn off email codes");
  await expect(page.getByRole("heading", { name: "Email codes turned off" })).toBeFocused();
  await page.locator("main section").getByRole("link", { name: "Back to your account" }).click();
  await expect(page.getByTestId("email-otp-status")).toContainText("Off");
  await expect(page.getByTestId("totp-status")).toContainText("On");

  // the last method: a clear warning; the confirmation from a moment ago still holds (no dialog)
  await page.getByRole("link", { name: "Turn off authenticator app" }).click();
  await expect(page.getByText("This is your only second step.")).toBeVisible();
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("totp-status")).toContainText("On");
  await page.getByRole("link", { name: "Turn off authenticator app" }).click();
  await page.getByRole("button", { name: "Turn off authenticator app" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Authenticator app turned off" })).toBeFocused();
  await expect(page.getByText("Two-step verification is off")).toBeVisible();
  await page.locator("main section").getByRole("link", { name: "Back to your account" }).click();
  await expect(page.getByTestId("two-factor-summary")).toContainText("Off");
  await expect(page.getByTestId("recovery-codes-status")).toContainText("Come with two-step verification");

  await signOut(page);
  await signIn(page, email); // password alone now
});
