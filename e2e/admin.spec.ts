import { test, expect, snap, expectAccessible, uniqueEmail } from "./fixtures";
import {
  PASSWORD,
  confirmWithTotp,
  createAccount,
  createAdmin,
  enableTotpViaApi,
  sql,
  signIn,
  signInWithTotp,
  userId,
} from "./portal-helpers";

// Issue 6: the admin dashboard. An administrator (operator CLI, TOTP set up through the API) signs
// in at /login with their second factor, finds an account, resets its 2FA and locks it — each
// confirmed in the page and stepped up with the administrator's own TOTP — and the account can no
// longer sign in; both accounts show the events; the mails are in the mail log.

async function login(email: string) {
  return fetch(`${process.env.APP_URL}/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: email, password: PASSWORD }),
  });
}

test("an administrator finds an account, resets its 2FA and locks it, stepping up with their own TOTP", async ({ page }) => {
  test.setTimeout(180_000);
  const adminEmail = uniqueEmail("admin");
  const targetEmail = uniqueEmail("target");
  await createAdmin(adminEmail);
  await createAccount(targetEmail);
  const { secret } = await enableTotpViaApi(adminEmail);
  await enableTotpViaApi(targetEmail);
  const adminId = await userId(adminEmail);
  const targetId = await userId(targetEmail);
  expect((await login(targetEmail)).status).toBe(401); // 2FA_REQUIRED: the target has TOTP

  await signInWithTotp(page, adminEmail, secret);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByTestId("stat-accounts")).not.toHaveText("0");
  await expect(page.getByRole("heading", { name: "Sign-in activity" })).toBeVisible();
  await expect(page.locator(".recharts-wrapper")).toBeVisible();
  await expectAccessible(page);
  await snap(page, "admin-overview");

  // find the account by the start of its address
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Accounts" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "Email" }).fill(targetEmail.slice(0, 12).toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: /Showing 1–\d+ of \d+ accounts?$/ })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: targetEmail });
  await expect(row).toContainText("Authenticator");
  await snap(page, "admin-accounts");
  await row.getByRole("link", { name: targetEmail }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${targetId}$`));
  await expect(page.getByTestId("account-email")).toHaveText(targetEmail);
  await expect(page.getByTestId("two-factor")).toContainText("On since");
  await expectAccessible(page);

  // reset 2FA: confirm in the page, then the step-up dialog (no sudo token yet)
  const resetButton = page.getByRole("button", { name: "Reset 2FA" });
  await resetButton.click();
  const confirm = page.getByRole("dialog", { name: `Reset two-factor authentication of ${targetEmail}?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(page);
  await confirm.getByRole("button", { name: "Reset 2FA" }).click();
  const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(stepUp).toBeVisible();
  await expect(stepUp).toHaveAttribute("aria-modal", "true");
  await expect(stepUp.getByLabel("6-digit code from your authenticator app")).toBeFocused();
  await expectAccessible(page);
  await snap(page, "admin-step-up");
  await confirmWithTotp(page, secret, `Reset two-factor authentication of ${targetEmail}`);
  await expect(page.getByRole("status").filter({ hasText: `Two-factor authentication of ${targetEmail} was reset.` })).toBeVisible();
  await expect(page.getByTestId("two-factor")).not.toContainText("On since");
  await expect(page.getByTestId("sudo-status")).toContainText(/Confirmed · [45]:\d\d left/);

  // lock: the sudo token is still fresh, so only the page's confirmation is asked
  await page.getByRole("button", { name: "Lock account" }).click();
  await page
    .getByRole("dialog", { name: `Lock ${targetEmail}?` })
    .getByRole("button", { name: "Lock account" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: `${targetEmail} is locked and signed out everywhere.` })).toBeVisible();
  await expect(stepUp).toBeHidden();
  await expect(page.getByTestId("account-status")).toContainText("Locked since");
  await expect(page.getByRole("button", { name: "Unlock account" })).toBeVisible();

  // the account can no longer sign in
  const refused = await login(targetEmail);
  expect(refused.status).toBe(403);
  expect((await refused.json()).message).toBe("ACCOUNT_LOCKED");

  // the events, on the account …
  const events = page.getByTestId("events");
  await expect(events.locator('[data-kind="account.locked"]')).toContainText(`by ${adminEmail}`);
  await expect(events.locator('[data-kind="2fa.reset"]')).toContainText(`by ${adminEmail}`);
  await expectAccessible(page);
  await snap(page, "admin-account-locked");
  // … and on the administrator's own account
  await page.goto(`/admin/users/${adminId}`);
  const own = page.getByTestId("events").locator('[data-kind="admin.action"]');
  await expect(own.filter({ hasText: "action: lock" })).toContainText(`account #${targetId}`);
  await expect(own.filter({ hasText: "action: reset-2fa" })).toContainText(`account #${targetId}`);
  const [{ n }] = await sql(
    `SELECT COUNT(*) AS "n" FROM "SecurityEvent" WHERE "userId" = ? AND "kind" IN ('account.locked', '2fa.reset') AND "actorId" = ?`,
    targetId,
    adminId,
  );
  expect(Number(n)).toBe(2);

  // the notices are in the mail log, readable in a sandboxed viewer
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Mail log" }).click();
  await page.getByLabel("Recipient (exact address)").fill(targetEmail);
  await page.getByRole("button", { name: "Filter" }).click();
  const mails = page.getByRole("table", { name: "Messages" });
  await expect(mails.getByRole("row").filter({ hasText: "account-locked" })).toContainText("Sent");
  await expect(mails.getByRole("row").filter({ hasText: "2fa-reset-by-admin" })).toBeVisible();
  await expectAccessible(page);
  await snap(page, "admin-mail-log");
  await mails.getByRole("row").filter({ hasText: "account-locked" }).getByRole("link").click();
  const frame = page.locator("iframe");
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(page.frameLocator("iframe").locator("body")).toContainText(/locked/i);
  await expectAccessible(page);
  await snap(page, "admin-mail-viewer");
});

test("the step-up dialog: Escape closes it and gives the focus back; nothing happens without it", async ({ page }) => {
  test.setTimeout(120_000);
  const adminEmail = uniqueEmail("admin");
  const targetEmail = uniqueEmail("target");
  await createAdmin(adminEmail);
  await createAccount(targetEmail);
  const { secret } = await enableTotpViaApi(adminEmail);
  const targetId = await userId(targetEmail);
  await signInWithTotp(page, adminEmail, secret);
  await page.goto(`/admin/users/${targetId}`);

  const send = page.getByRole("button", { name: "Send password reset" });
  await send.click();
  const confirm = page.getByRole("dialog", { name: `Send ${targetEmail} a password reset link?` });
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(send).toBeFocused();

  await send.click();
  await confirm.getByRole("button", { name: "Send link" }).click();
  const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(stepUp).toBeVisible();
  // Tab stays inside the dialog
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    expect(await stepUp.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(stepUp).toBeHidden();
  await expect(send).toBeFocused();
  const [{ n }] = await sql(
    `SELECT COUNT(*) AS "n" FROM "MailMessage" WHERE "toAddress" = ? AND "template" = 'password-reset-link'`,
    targetEmail,
  );
  expect(Number(n)).toBe(0);

  // create an account from the list: the same step-up, then the new account's page
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Create account" }).click();
  const newEmail = uniqueEmail("created");
  const create = page.getByRole("dialog", { name: "Create an account" });
  await create.getByLabel("Email address").fill("not-an-email");
  await create.getByRole("button", { name: "Create account" }).click();
  await expect(create.getByRole("alert")).toContainText("Email must be a valid email address");
  await create.getByLabel("Email address").fill(newEmail);
  await create.getByRole("button", { name: "Create account" }).click();
  await confirmWithTotp(page, secret, `Create an account for ${newEmail}`);
  await expect(page.getByTestId("account-email")).toHaveText(newEmail);
  await expect(page.getByText("Account created. Its holder was sent a link to choose a password")).toBeVisible();
  await expect(page.getByTestId("two-factor")).toContainText("Not set yet");
  await snap(page, "admin-account-created");
});

test("the dashboard is only for administrators", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
  const email = uniqueEmail("plain");
  await createAccount(email);
  await signIn(page, email);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Accounts" })).toHaveCount(0);
  const api = await page.request.get("/api/admin/overview");
  expect(api.status()).toBe(401);
});
