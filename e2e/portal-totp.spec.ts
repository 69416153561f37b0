import { readFileSync } from "node:fs";
import { countCalls, test, expect, snap, expectAccessible, uniqueEmail } from "./fixtures";
import { createAccount, signIn, signInWithTotp, signOut, totpCode, wrongTotp } from "./portal-helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("sets up an authenticator app from the QR code's key, then signs in with it", async ({ page }) => {
  const email = uniqueEmail("totp-setup");
  await createAccount(email);
  await signIn(page, email);
  await page.getByRole("link", { name: "Set up authenticator app" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Set up an authenticator app" })).toBeVisible();
  await expectAccessible(page);

  const setups = countCalls(page, "/api/user/2fa/totp/setup");
  await page.getByRole("button", { name: "Show the QR code" }).dblclick();
  await expect(page.getByRole("heading", { name: "Scan the QR code" })).toBeFocused();
  await expect(page.getByTestId("totp-qr")).toHaveAttribute("src", /^data:image\/png;base64,/);
  expect(setups).toEqual(["POST"]); // a double click set up one secret, not two
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();

  // the key as the page shows it: groups of 4, the same secret as the QR's otpauth URL
  const shown = (await page.getByTestId("totp-key").innerText()).trim();
  expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  const secret = shown.replace(/\s/g, "");
  const otpauth = new URL((await page.getByRole("link", { name: "Open in an authenticator app on this device" }).getAttribute("href"))!);
  expect(otpauth.protocol).toBe("otpauth:");
  expect(otpauth.searchParams.get("secret")).toBe(secret);
  expect(decodeURIComponent(otpauth.pathname)).toContain(email);

  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByText("Key copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expectAccessible(page);
  await snap(page, "totp-setup");

  const field = page.getByLabel("6-digit code from the app");
  await page.getByRole("button", { name: "Turn on authenticator app" }).click();
  await expect(field).toBeFocused();
  await expect(page.getByText("Code must be exactly 6 characters")).toBeVisible();
  await field.fill(await wrongTotp(secret));
  await page.getByRole("button", { name: "Turn on authenticator app" }).click();
  await expect(page.getByText(/That code is not right/)).toBeVisible();
  await expect(field).toBeFocused();

  await field.fill(await totpCode(secret));
  await page.getByRole("button", { name: "Turn on authenticator app" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  await expect(page.getByText("Your authenticator app is on.")).toBeVisible();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const shownCodes = (await codes.allInnerTexts()).map((c) => c.trim());
  for (const code of shownCodes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  const done = page.getByRole("button", { name: "Done" });
  await expect(done).toBeDisabled();
  await expectAccessible(page);
  await snap(page, "recovery-codes");

  // the codes cannot be lost by accident: leaving asks first
  const leaving = await page.evaluate(() => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(leaving).toBe(true);
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("You have not confirmed that you saved your new recovery codes");
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Overview" }).click();
  await expect(page).toHaveURL(/\/account\/authenticator$/);
  await expect(codes).toHaveCount(10);

  // copy, download and print
  await page.getByRole("button", { name: "Copy codes" }).click();
  await expect(page.getByText("Recovery codes copied to the clipboard.")).toBeVisible();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  for (const code of shownCodes) expect(clipboard).toContain(code);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download .txt" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`gatehouse-recovery-codes-${email}.txt`);
  const text = readFileSync((await file.path())!, "utf8");
  for (const code of shownCodes) expect(text).toContain(code);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole("button", { name: "Print" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.getByLabel("I have saved these recovery codes somewhere safe").check();
  const stays = await page.evaluate(() => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(stays).toBe(false);
  await done.click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("totp-status")).toContainText("On");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10");

  // the app now signs in, with the code computed from the key the page showed
  await signOut(page);
  await signInWithTotp(page, email, secret);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});
