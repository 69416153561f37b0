import { test, expect, snap, expectAccessible, uniqueEmail } from "./fixtures";
import { confirmWithTotp, createAccount, enableTotpViaApi, enterPassword, signInWithTotp, signOut } from "./portal-helpers";

// three TOTP codes (set-up, sign-in, confirmation): each time step is accepted once, so this may wait for the next step
test.setTimeout(120_000);

test("creates new recovery codes after confirming it's you; a shown one signs in, an old one no more", async ({ page }) => {
  const email = uniqueEmail("rc-reset");
  await createAccount(email);
  const { secret, recoveryCodes: oldCodes } = await enableTotpViaApi(email);
  await signInWithTotp(page, email, secret);

  await page.getByRole("link", { name: "Create new recovery codes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Recovery codes" })).toBeVisible();
  await expect(page.getByText("You have 10 of 10 recovery codes left.")).toBeVisible();
  await expectAccessible(page);

  // closing the dialog changes nothing
  const create = page.getByRole("button", { name: "Create new recovery codes" });
  await create.click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog).toContainText("Create new recovery codes");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(create).toBeEnabled();
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);

  await create.click();
  await confirmWithTotp(page, secret, "Create new recovery codes");
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  await expect(page.getByTestId("sudo-status")).toContainText("Confirmed");
  const codes = (await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await expectAccessible(page);
  await snap(page, "recovery-codes-new");
  await expect(page.getByRole("button", { name: "Done" })).toBeDisabled();
  await page.getByLabel("I have saved these recovery codes somewhere safe").check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10");

  await signOut(page);
  await enterPassword(page, email);
  await page.getByRole("radio", { name: "Recovery code" }).check();
  const field = page.getByRole("textbox", { name: "Recovery code" });
  await field.fill(oldCodes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That recovery code is not right or has been used." })).toBeVisible();
  await field.fill(codes[4]); // as shown, with dashes
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("9");
});
