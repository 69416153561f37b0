import { brandUrl, expect, expectAccessible, snap, test, uniqueEmail } from "./fixtures";
import { createAccount, enableTotpViaApi, mailedCode, PASSWORD, sql, totpCode } from "./portal-helpers";

// A SmartgridOne customer, whose browser asks for nothing the brand offers, on SmartgridOne's
// portal host: the brand's default language, Dutch, from the sign-in page through the second
// step, a password change with the step-up dialog and a move to a new address, to the mails
// those send (the portal's client names the page's brand and language to the API).

test.use({ locale: "es-ES" });

const NEW_PASSWORD = "Zonnige-Windmolen-73";

/** The newest mail of `template` to `to`: which brand and language it went out in. */
async function newestMail(to: string, template: string) {
  const [mail] = await sql(
    `SELECT "subject", "origin", "language", "html" FROM "MailMessage" WHERE "toAddress" = ? AND "template" = ? ORDER BY "createdAt" DESC LIMIT 1`,
    to.toLowerCase(),
    template,
  );
  return mail;
}

test("in Dutch on SmartgridOne's host: sign in with 2FA, change the password, move to a new address", async ({ page }) => {
  const email = uniqueEmail("nl-journey");
  const target = uniqueEmail("nl-journey-new");
  await createAccount(email);
  const { secret } = await enableTotpViaApi(email);

  // sign-in, in SmartgridOne's name and Dutch
  await page.goto(brandUrl("smartgridone", "/login"));
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page).toHaveTitle(/ · SmartgridOne$/);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill("niet-het-wachtwoord");
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Het e-mailadres of wachtwoord is onjuist.");
  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  await snap(page, "nl-journey-1-sign-in");
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();

  // the second step
  await expect(page.getByText("Uw wachtwoord klopt. Bevestig met een tweede factor dat u het bent.")).toBeVisible();
  await page.getByLabel("6-cijferige code uit uw authenticator-app").fill(await totpCode(secret));
  await expectAccessible(page);
  await snap(page, "nl-journey-2-second-step");
  await page.getByRole("button", { name: "Verifiëren" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Uw account" })).toBeVisible();
  await expect(page.getByTestId("brand-mark")).toHaveText("SmartgridOne");
  // this http:// host cannot keep the sign-in's confirmation (its cookie is Secure, as a brand's
  // https portal has it), so the change below asks for one in the dialog
  await expect(page.getByTestId("sudo-status")).toBeHidden();
  await expectAccessible(page);
  await snap(page, "nl-journey-3-account");

  // change the password: the step-up dialog in Dutch
  await page.getByRole("link", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wachtwoord wijzigen" })).toBeVisible();
  await page.getByLabel("Huidig wachtwoord").fill(PASSWORD);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  const dialog = page.getByRole("dialog", { name: "Bevestig dat u het bent" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("6-cijferige code uit uw authenticator-app").fill(await totpCode(secret));
  await expectAccessible(page);
  await snap(page, "nl-journey-4-step-up");
  await dialog.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page.getByRole("heading", { name: "Wachtwoord gewijzigd" })).toBeVisible();
  await snap(page, "nl-journey-5-password-changed");
  await expect.poll(() => newestMail(email, "password-changed")).toMatchObject({ origin: "smartgridone", language: "nl" });
  expect((await newestMail(email, "password-changed")).subject).toBe("Je wachtwoord voor SmartgridOne is gewijzigd");

  // move to a new address (the confirmation from the dialog still holds)
  // the page's own way back (the wizard's last step has a second one)
  await page.getByRole("link", { name: "Terug naar uw account", exact: true }).first().click();
  await page.getByRole("link", { name: "E-mailadres wijzigen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E-mailadres wijzigen" })).toBeVisible();
  await page.getByLabel("Nieuw e-mailadres").fill(target);
  await page.getByRole("button", { name: "Code versturen" }).click();
  await expect(page.getByRole("heading", { name: "Voer de code in die we hebben gestuurd" })).toBeFocused();
  const code = await mailedCode(target, "email-transfer-code");
  const codeMail = await newestMail(target, "email-transfer-code");
  expect(codeMail).toMatchObject({ origin: "smartgridone", language: "nl", subject: "Bevestig je nieuwe e-mailadres voor SmartgridOne" });
  // the logo is the brand's hosted image, named for those whose mail program blocks images
  expect(String(codeMail.html)).toMatch(
    /<img[^>]+alt="SmartgridOne"[^>]+src="https:\/\/portal\.smartgridone\.example\/brands\/smartgridone\.png"|<img[^>]+src="https:\/\/portal\.smartgridone\.example\/brands\/smartgridone\.png"[^>]+alt="SmartgridOne"/,
  );
  await snap(page, "nl-journey-6-email-code");
  await page.getByLabel("Code van 6 cijfers uit de e-mail").fill(code);
  await page.getByRole("button", { name: "Mijn adres wijzigen" }).click();
  await expect(page.getByRole("heading", { name: "Uw adres is gewijzigd" })).toBeFocused();
  await expect(page.getByTestId("signed-in-as")).toHaveText(target);
  await expectAccessible(page);
  await snap(page, "nl-journey-7-address-changed");
  await expect.poll(() => newestMail(email, "email-change-undo")).toMatchObject({ origin: "smartgridone", language: "nl" });
});
