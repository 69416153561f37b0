import { test, expect, snap, expectAccessible, uniqueEmail } from "./fixtures";
import { createAccount, enterPassword, mailCount, mailedCode, signIn, signOut } from "./portal-helpers";

test("sets up email codes with the code from the outbox, then offers them at sign-in", async ({ page }) => {
  const email = uniqueEmail("otp-setup");
  const inbox = uniqueEmail("otp-setup-inbox");
  await createAccount(email);
  await signIn(page, email);
  await page.getByRole("link", { name: "Set up email codes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Set up email codes" })).toBeVisible();
  const address = page.getByLabel("Address for codes");
  await expect(address).toHaveValue(email);
  await expectAccessible(page);

  await address.fill("not an address");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(address).toBeFocused();
  await expect(page.getByText("Address must be a valid email address")).toBeVisible();

  await address.fill(inbox);
  const before = await mailCount(inbox, "2fa-email-code");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("heading", { name: "Enter the code we sent" })).toBeFocused();
  await expect(page.getByText(`We sent a 6-digit code to ${inbox}`)).toBeVisible();
  // the resend button counts down what GET /user/2fa/email-otp/next-email says (60 s)
  await expect(page.getByRole("button", { name: /Send again in (59|60) s/ })).toBeDisabled();
  const otp = await mailedCode(inbox, "2fa-email-code", before);
  await expectAccessible(page);
  await snap(page, "email-codes-setup");

  const field = page.getByLabel("6-digit code from the email");
  await field.fill(otp === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Turn on email codes" }).click();
  await expect(page.getByText("That code is wrong or has expired.")).toBeVisible();
  await expect(field).toBeFocused();
  await field.fill(otp);
  await field.press("Enter");

  await expect(page.getByText("Email codes are on.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByLabel("I have saved these recovery codes somewhere safe").check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("email-otp-status")).toContainText("On");
  await expect(page.getByTestId("email-otp-address")).toHaveText(inbox);

  await signOut(page);
  await enterPassword(page, email);
  await expect(page.getByRole("radio", { name: "Email code" })).toBeChecked();
});
