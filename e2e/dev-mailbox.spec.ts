import { test, expect, expectAccessible, snap, uniqueEmail } from "./fixtures";
import { createAccount, createAdmin, signIn } from "./portal-helpers";

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
  await createAccount(email);
  await fetch(`${process.env.APP_URL}/user/password/reset/send`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email }),
  });
  const context = await browser.newContext({ extraHTTPHeaders: REMOTE });
  const page = await context.newPage();
  for (const path of [
    "/dev/mailbox",
    `/dev/mailbox?to=${encodeURIComponent(email)}`,
    "/dev/mailbox/preview",
    "/dev/mailbox/preview/sofar/nl/2fa-email-code",
  ]) {
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
  await createAccount(member);
  await createAdmin(admin);

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

test("the previews show every template in every brand and language, with sample data", async ({ page }) => {
  await page.goto("/dev/mailbox");
  await page.getByRole("navigation", { name: "Mailbox views" }).getByRole("link", { name: "Previews" }).click();
  // the default brand's first template, in its default language
  await expect(page).toHaveURL(/\/dev\/mailbox\/preview\/gatehouse\/en\/2fa-email-code$/);
  await expect(page.getByRole("heading", { level: 2, name: "Your Gatehouse verification code" })).toBeVisible();
  await expect(page.getByTestId("mailbox-text")).toContainText("493817");

  const picker = page.getByRole("navigation", { name: "Templates" });
  // each choice keeps the others
  await picker.getByRole("link", { name: "Sofar" }).click();
  await expect(page).toHaveURL(/\/preview\/sofar\/en\/2fa-email-code$/);
  await picker.getByRole("link", { name: "nl", exact: true }).click();
  await expect(page).toHaveURL(/\/preview\/sofar\/nl\/2fa-email-code$/);
  await picker.getByRole("link", { name: "password-reset-link" }).click();
  await expect(page).toHaveURL(/\/preview\/sofar\/nl\/password-reset-link$/);
  await expect(picker.getByRole("link", { name: "password-reset-link" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: "Je wachtwoord voor Sofar opnieuw instellen" })).toBeVisible();
  await expect(page.getByTestId("mailbox-text")).toContainText(
    "Nieuw wachtwoord kiezen:\nhttps://portal.sofar.example/reset-password?token=",
  );

  // the HTML part in its frame: the brand's logo (served here), named by the brand
  const mail = page.frameLocator('iframe[title^="HTML version"]');
  await expect(mail.getByRole("heading", { name: "Stel je wachtwoord opnieuw in" })).toBeVisible();
  const logo = mail.getByRole("img", { name: "Sofar" });
  await expect(logo).toHaveAttribute("src", "/brands/sofar.png");
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(mail.getByRole("link", { name: "Nieuw wachtwoord kiezen" })).toHaveAttribute(
    "href",
    /^https:\/\/portal\.sofar\.example\/reset-password\?token=/,
  );
  await expectAccessible(page);
  await snap(page, "dev-mailbox-preview");

  // every brand in every language (a template each: lib/mail/templates/render.test.ts renders them all)
  const templates = ["email-transfer-code", "account-setup-link", "new-device-sign-in", "recovery-code-used"];
  let n = 0;
  for (const brand of ["gatehouse", "sofar", "smartgridone"])
    for (const language of ["en", "nl", "fr", "de"]) {
      const path = `/dev/mailbox/preview/${brand}/${language}/${templates[n++ % templates.length]}`;
      expect((await page.request.get(path)).status(), path).toBe(200);
    }
  for (const path of [
    "/dev/mailbox/preview/acme/en/2fa-email-code",
    "/dev/mailbox/preview/sofar/es/2fa-email-code",
    "/dev/mailbox/preview/sofar/en/nope",
  ])
    expect((await page.request.get(path)).status(), path).toBe(404);
});
