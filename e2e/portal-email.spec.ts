import { test, expect, expectAccessible, uniqueEmail } from "./fixtures";
import { createAccount, enterPassword, mailCount, mailedCode, signIn, signOut } from "./portal-helpers";

test("moves the account to a new email address; then it signs in with the new one only", async ({ page }) => {
  const email = uniqueEmail("move-from");
  const taken = uniqueEmail("move-taken");
  const target = uniqueEmail("move-to");
  await createAccount(email);
  await createAccount(taken);
  await signIn(page, email);
  await page.getByRole("link", { name: "Change email address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change email address" })).toBeVisible();
  await expectAccessible(page);

  const field = page.getByLabel("New email address");
  await field.fill(taken);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText("That address already belongs to an account")).toBeVisible();
  await expect(field).toBeFocused();

  await field.fill(target);
  const before = await mailCount(target, "email-transfer-code");
  await page.getByRole("button", { name: "Send code" }).dblclick();
  await expect(page.getByRole("heading", { name: "Enter the code we sent" })).toBeFocused();
  await expect(page.getByRole("button", { name: /Send again in \d+ s/ })).toBeDisabled();
  const otp = await mailedCode(target, "email-transfer-code", before);
  expect(await mailCount(target, "email-transfer-code")).toBe(before + 1);
  await expectAccessible(page);

  await page.getByLabel("6-digit code from the email").fill(otp);
  await page.getByRole("button", { name: "Change my address" }).click();
  await expect(page.getByRole("heading", { name: "Your address has changed" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: target })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(target);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Back to your account" }).click();
  await expect(page.getByTestId("account-email")).toHaveText(target);
  await signOut(page);
  await enterPassword(page, email);
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email address or password is incorrect.");
  await signIn(page, target);
  await expect(page.getByTestId("account-email")).toHaveText(target);
});
