import { test, expect, snap, expectAccessible, uniqueEmail } from "./fixtures";
import { createAccount, signIn } from "./portal-helpers";

test("ends one session, then all others: the other browsers are signed out", async ({ page, browser }) => {
  const email = uniqueEmail("sessions");
  await createAccount(email);
  const laptop = await browser.newContext({ userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" });
  const phone = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
  });
  const laptopPage = await laptop.newPage();
  const phonePage = await phone.newPage();
  await signIn(laptopPage, email);
  await signIn(page, email);

  await page.getByRole("link", { name: "Manage sessions" }).click();
  await expect(page).toHaveURL(/\/account\/sessions$/);
  const rows = page.getByTestId("session");
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "2 signed-in sessions" })).toBeVisible();
  const current = rows.filter({ hasText: "This device" });
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute("data-current", "true");
  await expect(current.getByRole("button")).toHaveCount(0); // this one is ended by signing out
  await expect(rows.filter({ hasText: "Firefox on Linux" })).toHaveCount(1);
  await expectAccessible(page);
  await snap(page, "sessions");

  // end the laptop's session: the laptop is signed out
  await rows
    .filter({ hasText: "Firefox on Linux" })
    .getByRole("button", { name: /^End session/ })
    .click();
  await expect(page.getByText("Ended the session of Firefox on Linux.")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await laptopPage.goto("/account");
  await expect(laptopPage).toHaveURL(/\/login\?reason=ended$/);
  await expect(laptopPage.getByText("You were signed out")).toBeVisible();

  // two more devices, then "end all other sessions"
  await signIn(laptopPage, email);
  await signIn(phonePage, email);
  await page.reload();
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "Safari on iOS" })).toHaveCount(1);
  await page.getByRole("button", { name: "End all other sessions" }).click();
  await expect(page.getByText("End 2 other sessions?")).toBeVisible();
  await expect(page.getByRole("button", { name: "Yes, end them" })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, end them" }).click();
  await expect(page.getByText("Every other session has ended.")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole("button", { name: "End all other sessions" })).toHaveCount(0);

  for (const other of [laptopPage, phonePage]) {
    await other.goto("/account");
    await expect(other).toHaveURL(/\/login\?reason=ended$/);
  }
  await page.goto("/account");
  await expect(page.getByTestId("sessions-count")).toHaveText("You are signed in on 1 device.");
  await page.goto("/account/activity");
  await expect(page.getByRole("list", { name: "Security events" }).getByRole("listitem").first()).toContainText("All other sessions ended");
  await laptop.close();
  await phone.close();
});
