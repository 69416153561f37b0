import { execFileSync } from "node:child_process";
import { test, expect, uniqueEmail } from "./fixtures";
import { PASSWORD, createAccount, signIn } from "./portal-helpers";

// §8 "Development mailbox": it shows every mailed code and link, so it answers only this machine
// or a signed-in administrator; everyone else gets the portal's 404 page. The e2e server trusts a
// proxy (TRUST_PROXY=1, tests/setup/env.ts), so a browser that sends X-Forwarded-For stands for a
// visitor from another machine behind that proxy.
const REMOTE = { "X-Forwarded-For": "203.0.113.7" };

test("the mailbox opens on this machine", async ({ page }) => {
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { name: /development mailbox/ })).toBeVisible();
});

test("a visitor from another machine gets the 404 page, and the reset link of an account is not in it", async ({ browser }) => {
  const email = uniqueEmail("mailbox");
  createAccount(email);
  await fetch(`${process.env.APP_URL}/user/password/reset/send`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email }),
  });
  const context = await browser.newContext({ extraHTTPHeaders: REMOTE });
  const page = await context.newPage();
  for (const path of ["/dev/mailbox", `/dev/mailbox?to=${encodeURIComponent(email)}`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: /development mailbox/ })).toHaveCount(0);
    await expect(page.getByText(email)).toHaveCount(0);
  }
  await context.close();
});

test("a signed-in administrator on another machine reads it; a signed-in member does not", async ({ browser }) => {
  const member = uniqueEmail("member");
  const admin = uniqueEmail("admin");
  createAccount(member);
  execFileSync("npx", ["tsx", "scripts/user.ts", "create", "--email", admin, "--password", PASSWORD, "--admin"], {
    env: process.env,
    stdio: "pipe",
  });

  for (const [email, allowed] of [
    [member, false],
    [admin, true],
  ] as const) {
    const context = await browser.newContext({ extraHTTPHeaders: REMOTE });
    const page = await context.newPage();
    await signIn(page, email);
    const response = await page.goto("/dev/mailbox");
    expect(response?.status()).toBe(allowed ? 200 : 404);
    await expect(page.getByRole("heading", { name: /development mailbox/ })).toHaveCount(allowed ? 1 : 0);
    await context.close();
  }
});
