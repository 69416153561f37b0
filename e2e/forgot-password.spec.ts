import { test, expect, snap, expectAccessible, uniqueEmail } from "./fixtures";
import { createAccount, enterPassword, mailCount, mailedCode, signIn, signOut } from "./portal-helpers";

test("resets a forgotten password with the emailed code, the policy shown live", async ({ page }) => {
  const email = uniqueEmail("forgot");
  await createAccount(email);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectAccessible(page);

  // the address is checked with the API's schema before anything is sent
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByLabel("Email")).toBeFocused();
  await expect(page.getByText("Email must be a valid email address")).toBeVisible();

  const before = await mailCount(email, "password-reset-code");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).dblclick();
  await expect(page.getByRole("heading", { name: "Enter the code" })).toBeFocused();
  await expect(page.getByRole("button", { name: /Send again in \d+ s/ })).toBeDisabled();
  const otp = await mailedCode(email, "password-reset-code", before);
  expect(await mailCount(email, "password-reset-code")).toBe(before + 1); // the double click sent one mail
  await expectAccessible(page);

  const wrong = otp === "000000" ? "111111" : "000000";
  await page.getByLabel("6-digit code from the email").fill(wrong);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That code is wrong or has expired.")).toBeVisible();
  await expect(page.getByLabel("6-digit code from the email")).toBeFocused();
  await page.getByLabel("6-digit code from the email").fill(otp);
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeFocused();
  const field = page.getByLabel("New password");
  const rules = page.getByRole("list", { name: "Password requirements" });
  await field.pressSequentially("short");
  await expect(rules.getByText("a lowercase letter")).toHaveAttribute("data-met", "true");
  await expect(rules.getByText("an uppercase letter")).toHaveAttribute("data-met", "false");
  await expect(rules.getByText("8 to 256 characters")).toHaveAttribute("data-met", "false");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(field).toBeFocused();
  await expect(page.getByText("Password must be at least 8 characters")).toBeVisible();
  await snap(page, "forgot-password");

  // a common password passes the pattern but not the server's list: its answer lands on the field
  await field.fill("Password1");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText(/Password is too common/)).toBeVisible();

  const newPassword = "Quiet-Harbour-77";
  await field.fill(newPassword);
  for (const rule of ["8 to 256 characters", "a lowercase letter", "an uppercase letter", "a digit"])
    await expect(rules.getByText(rule)).toHaveAttribute("data-met", "true");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("heading", { name: "Password changed" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Sign in with your new password" }).click();
  await enterPassword(page, email);
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email address or password is incorrect.");
  await signIn(page, email, newPassword);
  await signOut(page);
});
