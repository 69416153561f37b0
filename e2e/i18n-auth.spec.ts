import type { BrowserContext, Page } from "@playwright/test";
import { brandUrl, test, expect, snap, expectAccessible, uniqueEmail } from "./fixtures";
import {
  createAccount,
  enableEmailOtpViaApi,
  enableTotpViaApi,
  mailCount,
  mailedCode,
  PASSWORD,
  totpCode,
  wrongTotp,
} from "./portal-helpers";

// The pages before sign-in in the reader's language (messages/<lang>/auth.json): SmartgridOne's
// host speaks Dutch by default; elsewhere the gatehouse_lang cookie picks French or German.
// Each page is also checked for the English it used to show, so that no text is left behind.

const smartgridone = (path: string) => brandUrl("smartgridone", path);

test.use({
  // a browser that asks for Spanish, which no brand offers: the brand's default or the cookie answers
  locale: "es-ES",
});

/** This browser's language before sign-in, as the sign-in page's picker leaves it (on the server's own host). */
async function speak(context: BrowserContext, language: "nl" | "fr" | "de") {
  await context.addCookies([{ name: "gatehouse_lang", value: language, url: process.env.APP_URL! }]);
}

/** None of these English sentences is on the page. */
async function expectNoEnglish(page: Page, english: string[]) {
  const text = await page.locator("body").innerText();
  for (const sentence of english) expect(text, `English left: "${sentence}"`).not.toContain(sentence);
}

test("the sign-in page on SmartgridOne's host is Dutch, and so are a wrong password and a field's rule", async ({ page }) => {
  const email = uniqueEmail("nl-login");
  await createAccount(email);

  await page.goto(smartgridone("/login"));
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page).toHaveTitle("Aanmelden · SmartgridOne");
  await expect(page.getByRole("heading", { name: "Aanmelden" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Toon wachtwoord" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Wachtwoord vergeten?" })).toBeVisible();
  await expectNoEnglish(page, ["Sign in", "Email", "Password", "Show", "Forgot your password?", "passkey"]);
  await expectAccessible(page);
  await snap(page, "i18n-auth-login-nl");

  // the schema's rule, with the field's Dutch name
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await expect(page.getByText("E-mailadres is verplicht")).toBeVisible();

  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill("Not-The-Password-1");
  await page.getByRole("button", { name: "Toon wachtwoord" }).click();
  await expect(page.getByRole("button", { name: "Verberg wachtwoord" })).toBeVisible();
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Het e-mailadres of wachtwoord is onjuist.");
  await expect(page.getByLabel("Wachtwoord", { exact: true })).toBeFocused();

  // a dead reset link says so in Dutch too
  await page.goto(smartgridone("/reset-password?token=nonsense"));
  await expect(page.getByRole("heading", { name: "Deze link is niet geldig" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Een nieuwe link aanvragen" })).toBeVisible();
});

test("the second step in Dutch: the factors' names, a wrong code, the recovery code's rule", async ({ page, context }) => {
  const email = uniqueEmail("nl-2fa");
  await createAccount(email);
  const { secret } = await enableTotpViaApi(email);
  await speak(context, "nl");

  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();

  await expect(page.getByText("Uw wachtwoord klopt. Bevestig met een tweede factor dat u het bent.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Gebruik" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Authenticator-app" })).toBeChecked();
  const code = page.getByLabel("6-cijferige code uit uw authenticator-app");
  await expect(code).toBeFocused();
  await expectNoEnglish(page, ["Your password was right", "Authenticator app", "Recovery code", "Verify", "Start again"]);
  await expectAccessible(page);

  await code.fill(await wrongTotp(secret));
  await page.getByRole("button", { name: "Verifiëren" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Die code klopt niet." })).toBeVisible();

  await page.getByRole("radio", { name: "Herstelcode" }).check();
  await expect(page.getByText("Elke herstelcode werkt maar één keer. Streepjes en spaties worden genegeerd.")).toBeVisible();
  await page.getByRole("textbox", { name: "Herstelcode" }).fill("ABCD");
  await page.getByRole("button", { name: "Verifiëren" }).click();
  await expect(page.getByText("Voer de herstelcode van 16 tekens in.")).toBeVisible();

  await page.getByRole("radio", { name: "Authenticator-app" }).check();
  await page.getByLabel("6-cijferige code uit uw authenticator-app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Verifiëren" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("sudo-status")).toContainText(/Bevestigd · nog [45]:\d\d/);
  await expect(page.getByTestId("sudo-status").getByRole("button", { name: "Intrekken" })).toBeVisible();
});

test("the second step in Dutch with email codes: where the code went, and the resend countdown", async ({ page, context }) => {
  const email = uniqueEmail("nl-otp");
  const inbox = uniqueEmail("nl-inbox");
  await createAccount(email);
  await enableEmailOtpViaApi(email, inbox);
  await speak(context, "nl");

  const before = await mailCount(inbox, "2fa-email-code");
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();

  await expect(page.getByRole("radio", { name: "E-mailcode" })).toBeChecked();
  const masked = `${email[0]}•••${email.slice(email.indexOf("@"))}`;
  await expect(page.getByRole("status")).toHaveText(
    `We hebben een 6-cijferige code gestuurd naar ${masked}. De code is 10 minuten geldig.`,
  );
  await expect(page.getByRole("button", { name: /Opnieuw versturen over \d+ s/ })).toBeDisabled();
  await expectNoEnglish(page, ["We sent", "Send again", "Email code"]);
  const otp = await mailedCode(inbox, "2fa-email-code", before);
  await page.getByLabel("6-cijferige code uit de e-mail").fill(otp);
  await page.getByRole("button", { name: "Verifiëren" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("the forgot-password page in French, to the new password", async ({ page, context }) => {
  const email = uniqueEmail("fr-forgot");
  await createAccount(email);
  await speak(context, "fr");

  await page.goto("/forgot-password");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveTitle("Mot de passe oublié · Gatehouse");
  await expect(page.getByRole("heading", { name: "Mot de passe oublié ?" })).toBeVisible();
  const progress = page.getByRole("list").first();
  for (const step of ["E-mail", "Code", "Nouveau mot de passe"]) await expect(progress).toContainText(step);
  await expect(page.getByRole("link", { name: "Retour à la connexion" })).toBeVisible();
  await expectNoEnglish(page, ["Forgot your password?", "Enter the email address", "Send code", "Back to sign in", "New password"]);
  await expectAccessible(page);
  await snap(page, "i18n-auth-forgot-password-fr");

  await page.getByRole("button", { name: "Envoyer le code" }).click();
  await expect(page.getByText("Le champ « E-mail » doit contenir une adresse e-mail valide")).toBeVisible();

  const before = await mailCount(email, "password-reset-code");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Envoyer le code" }).click();
  await expect(page.getByRole("heading", { name: "Saisissez le code" })).toBeFocused();
  await expect(page.getByText(`Si un compte utilise ${email}, nous y avons envoyé un code à 6 chiffres.`)).toBeVisible();
  const otp = await mailedCode(email, "password-reset-code", before);
  await page.getByLabel("Code à 6 chiffres reçu par e-mail").fill(otp);
  await page.getByRole("button", { name: "Continuer" }).click();

  await expect(page.getByRole("heading", { name: "Choisissez un nouveau mot de passe" })).toBeFocused();
  const rules = page.getByRole("list", { name: "Exigences du mot de passe" });
  await expect(rules.getByText("8 à 256 caractères")).toHaveAttribute("data-met", "false");
  const field = page.getByLabel("Nouveau mot de passe");
  // the server's rule beyond the schema, worded in French
  await field.fill("Password1");
  await page.getByRole("button", { name: "Définir le nouveau mot de passe" }).click();
  await expect(page.getByText(/La valeur du champ « Mot de passe » est trop courante/)).toBeVisible();
  await field.fill("Quiet-Harbour-77");
  await page.getByRole("button", { name: "Définir le nouveau mot de passe" }).click();
  await expect(page.getByRole("heading", { name: "Mot de passe modifié" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Se connecter avec votre nouveau mot de passe" })).toBeVisible();
});

test("the not-found page and a dead undo link in German", async ({ page, context }) => {
  await speak(context, "de");

  await page.goto("/no-such-page");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveTitle("Seite nicht gefunden · Gatehouse");
  await expect(page.getByRole("heading", { name: "Seite nicht gefunden" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Zu Ihrem Konto" })).toBeVisible();
  await expectNoEnglish(page, ["Page not found", "Go to your account"]);
  await expectAccessible(page);

  await page.goto("/undo-email-change?token=nonsense");
  await expect(page).toHaveTitle("E-Mail-Änderung rückgängig machen · Gatehouse");
  await expect(page.getByRole("heading", { name: "Dieser Link ist ungültig" })).toBeVisible();
  await expect(page.getByText("Prüfen Sie, ob Sie den vollständigen Link aus der E-Mail geöffnet haben.")).toBeVisible();
});
