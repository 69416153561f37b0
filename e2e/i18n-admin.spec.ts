import { readFileSync } from "node:fs";
import type { BrowserContext, Locator, Page } from "@playwright/test";
import { brandUrl, expect, expectNoViolations, snap, test, uniqueEmail } from "./fixtures";
import { PASSWORD, apiSignIn, createAccount, createAdmin, enableTotpViaApi, signInWithTotp, totpCode, userId } from "./portal-helpers";

// Issue 16 on the dashboard: an administrator on SmartgridOne's host reads the accounts list, an
// account's page with its confirmations and the mail log in Dutch, the overview in German and
// the API reference in French — with the brand's name where the product is named, dates and
// counts in the page's language, and no sentence of the dashboard's catalogue left in English.

const smartgridone = (path: string) => brandUrl("smartgridone", path);

// ---------------------------------------------------------------- the catalogue

type Tree = { [key: string]: string | Tree };
const catalogue = (language: string) => JSON.parse(readFileSync(`messages/${language}/admin.json`, "utf8")) as Tree;
const english = catalogue("en");

/** The English sentences of these namespaces that read differently in `language` (no placeholders, at least two words). */
function englishSentences(language: string, namespaces: string[]): string[] {
  const translated = catalogue(language);
  const walk = (en: Tree, other: Tree): string[] =>
    Object.entries(en).flatMap(([key, value]) =>
      typeof value === "string"
        ? /[{<]/.test(value) || !value.includes(" ") || value === other[key]
          ? []
          : [value]
        : walk(value, other[key] as Tree),
    );
  return namespaces.flatMap((namespace) => walk(english[namespace] as Tree, translated[namespace] as Tree));
}

/**
 * None of the namespaces' English sentences is on the page (its visible text, and the names in its
 * markup), or in `within` of it.
 */
async function expectNoEnglish(page: Page, language: string, namespaces: string[], within: Locator = page.locator("body")) {
  const text = await within.innerText();
  const labels = await within
    .locator("[aria-label], [title]")
    .evaluateAll((elements) => elements.map((e) => `${e.getAttribute("aria-label") ?? ""} ${e.getAttribute("title") ?? ""}`).join("\n"));
  const left = englishSentences(language, namespaces).filter((sentence) => text.includes(sentence) || labels.includes(sentence));
  expect(left, "English left on the page").toEqual([]);
}

// ---------------------------------------------------------------- helpers

async function setLanguage(context: BrowserContext, language: string) {
  await context.addCookies([{ name: "gatehouse_lang", value: language, url: smartgridone("/") }]);
}

/** Signs in on SmartgridOne's host with the password and an authenticator code, in English (the sign-in pages are not under test here). */
async function signInAsAdministrator(page: Page, email: string, secret: string) {
  await setLanguage(page.context(), "en");
  await page.goto(smartgridone("/login"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByLabel("6-digit code from your authenticator app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/**
 * The step-up dialog with an authenticator code, found by its test id and its code field (its
 * words are the step-up's own, not this catalogue's). On this http host the browser keeps no
 * Secure cookie, so the step-up of the sign-in is not held across pages: every action asks.
 */
async function stepUpWithTotp(page: Page, secret: string) {
  const dialog = page.getByTestId("step-up-dialog");
  const field = dialog.locator('input[autocomplete="one-time-code"]');
  await expect(field).toBeFocused();
  await field.fill(await totpCode(secret));
  await dialog.locator('button[type="submit"]').click();
  await expect(dialog).toBeHidden();
}

const DUTCH_DATE = /\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}/;

// ---------------------------------------------------------------- the walk

test("the dashboard in Dutch on SmartgridOne's host: the accounts list, an account's confirmations and actions, the mail log", async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const adminEmail = uniqueEmail("admin-nl");
  const targetEmail = uniqueEmail("target-nl");
  await createAdmin(adminEmail);
  await createAccount(targetEmail);
  const { secret } = await enableTotpViaApi(adminEmail);
  await apiSignIn(targetEmail); // one live session to end
  const targetId = await userId(targetEmail);

  await signInAsAdministrator(page, adminEmail, secret);
  await setLanguage(context, "nl");

  // the accounts list
  await page.goto(smartgridone("/admin/users"));
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page).toHaveTitle("Accounts · Beheer · SmartgridOne");
  const search = page.getByRole("search", { name: "Accounts zoeken" });
  await search.getByRole("searchbox", { name: "E-mailadres" }).fill(targetEmail.slice(0, 14));
  await search.getByLabel("Zoeken in").selectOption("contains");
  await search.getByLabel("Beheerders").check();
  await search.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByRole("heading", { name: "Geen accounts gevonden." })).toBeVisible(); // the target is no administrator
  await page.getByLabel("Beheerders").uncheck();
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByRole("heading", { name: /^1–1 van 1 account$/ })).toBeVisible();
  const row = page.getByRole("table", { name: "Accounts" }).getByRole("row").filter({ hasText: targetEmail });
  await expect(row).toContainText("Gebruiker");
  await expect(row).toContainText("Uit");
  await expect(row).toContainText("Actief");
  await expect(row.locator("time")).toHaveText(DUTCH_DATE);
  await expectNoEnglish(page, "nl", ["AccountsPage", "Pager", "CreateAccount", "SecondFactorNotice"]);
  await expectNoViolations(page);
  await snap(page, "admin-accounts-nl");

  // the create-account dialog: its field error through the shared FieldErrors
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  const create = page.getByRole("dialog", { name: "Een account aanmaken" });
  await create.getByLabel("E-mailadres").fill("geen-adres");
  await create.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(create.getByText("E-mailadres moet een geldig e-mailadres zijn")).toBeVisible();
  await expectNoEnglish(page, "nl", ["CreateAccount"]);
  await create.getByRole("button", { name: "Annuleren" }).click();
  await expect(create).toBeHidden();

  // an account's page
  await row.getByRole("link", { name: targetEmail }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${targetId}$`));
  await expect(page.getByText(`Account #${targetId}`)).toBeVisible();
  await expect(page.getByTestId("account-status")).toHaveText("Actief");
  await expect(page.getByTestId("two-factor")).toContainText("WachtwoordIngesteld");
  await expect(page.getByTestId("two-factor")).toContainText("Authenticator-appUit");
  await expect(page.getByRole("heading", { name: "Sessies (1)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Beveiligingsgebeurtenissen" })).toBeVisible();
  await expect(page.getByRole("button", { name: "2FA resetten" })).toBeDisabled();
  await expect(page.getByText("Niets ingesteld.")).toBeVisible();
  await expectNoEnglish(page, "nl", ["AccountPage", "AccountEvents", "UserActions", "SecondFactorNotice"]);

  // each confirmation in Dutch, Cancel (Annuleren) focused, and cancelled
  const confirmations: [string, string, string, string][] = [
    ["Account blokkeren", `${targetEmail} blokkeren?`, "U kunt het account later weer vrijgeven.", "Account blokkeren"],
    ["Alle sessies beëindigen", `Alle sessies van ${targetEmail} beëindigen?`, "(nu 1)", "Alle sessies beëindigen"],
    [
      "Wachtwoordherstel versturen",
      `${targetEmail} een link sturen om het wachtwoord opnieuw in te stellen?`,
      "De link werkt maar één keer en is 1 uur geldig.",
      "Link versturen",
    ],
    ["Beheerder maken", `${targetEmail} beheerder maken?`, "beheerders beheren", "Beheerder maken"],
  ];
  for (const [button, title, body, confirm] of confirmations) {
    await page.getByRole("button", { name: button }).click();
    const dialog = page.getByRole("dialog", { name: title });
    await expect(dialog).toContainText(body);
    await expect(dialog.getByRole("button", { name: "Annuleren" })).toBeFocused();
    await expect(dialog.getByRole("button", { name: confirm })).toBeVisible();
    await expectNoEnglish(page, "nl", ["UserActions", "ConfirmDialog"]);
    await dialog.getByRole("button", { name: "Annuleren" }).click();
    await expect(dialog).toBeHidden();
  }
  await snap(page, "admin-account-nl");

  // one action carried out: the page's confirmation, then the step-up, which names the action in Dutch
  await page.getByRole("button", { name: "Account blokkeren" }).click();
  await page
    .getByRole("dialog", { name: `${targetEmail} blokkeren?` })
    .getByRole("button", { name: "Account blokkeren" })
    .click();
  await expect(page.getByTestId("step-up-dialog")).toContainText(`${targetEmail} blokkeren`);
  await stepUpWithTotp(page, secret);
  await expect(page.getByRole("status").filter({ hasText: `${targetEmail} is geblokkeerd en overal afgemeld.` })).toBeVisible();
  await expect(page.getByTestId("account-status")).toHaveText(new RegExp(`^Geblokkeerd sinds ${DUTCH_DATE.source}`));
  await expect(page.getByRole("button", { name: "Account vrijgeven" })).toBeVisible();
  await expect(page.getByText("Geen actieve sessies.").first()).toBeVisible();
  await expect(page.getByTestId("events").locator('[data-kind="account.locked"]')).toContainText(`door ${adminEmail}`);

  // a notice asked for by the page that sent the administrator here
  await page.goto(smartgridone(`/admin/users/${targetId}?notice=created-no-mail`));
  await expect(page.getByText("Gebruik “Wachtwoordherstel versturen” om het opnieuw te proberen.")).toBeVisible();

  // the mail log, with the brand's name where the product is named
  await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Maillogboek" }).click();
  await expect(page.getByRole("heading", { name: "Maillogboek", level: 1 })).toBeVisible();
  await expect(page.getByText("Elk bericht dat SmartgridOne heeft verstuurd")).toBeVisible();
  await page.getByLabel("Ontvanger (exact adres)").fill(targetEmail);
  await page.getByLabel("Status").selectOption("sent");
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page.getByRole("heading", { name: /^1–\d+ van \d+ berichte?n?$/ })).toBeVisible();
  const mail = page.getByRole("table", { name: "Berichten" }).getByRole("row").filter({ hasText: "account-locked" });
  await expect(mail).toContainText("Verstuurd");
  await expect(mail.locator("time")).toHaveText(DUTCH_DATE);
  await expectNoEnglish(page, "nl", ["MailLogPage", "Pager"]);
  await snap(page, "admin-mail-log-nl");
});

// A message on the server's own host: a mail shows its brand's logo from that brand's portal, which
// the page's Content-Security-Policy (img-src 'self') lets through only on that same host.
test("a message of the mail log in Dutch", async ({ page, context }) => {
  const adminEmail = uniqueEmail("admin-mail-nl");
  await createAdmin(adminEmail);
  const { secret } = await enableTotpViaApi(adminEmail); // mails "2fa-method-added" to the administrator
  await signInWithTotp(page, adminEmail, secret);
  await context.addCookies([{ name: "gatehouse_lang", value: "nl", url: page.url() }]);

  await page.goto(`/admin/mail?to=${encodeURIComponent(adminEmail)}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByText("Elk bericht dat Gatehouse heeft verstuurd")).toBeVisible();
  await page.getByRole("table", { name: "Berichten" }).getByRole("row").filter({ hasText: "2fa-method-added" }).getByRole("link").click();
  await expect(page).toHaveTitle("Mail · Beheer · Gatehouse");
  await expect(page.getByRole("link", { name: "← Maillogboek" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Als HTML" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Als tekst" })).toBeVisible();
  await expect(page.getByText("Sjabloon", { exact: true })).toBeVisible();
  await expect(page.getByText(DUTCH_DATE)).toBeVisible();
  await expect(page.locator("iframe")).toHaveAttribute("title", /^HTML van de mail ‘.+’$/);
  await expectNoEnglish(page, "nl", ["MailMessagePage"]);
  await snap(page, "admin-mail-message-nl");
});

test("the overview in German and the API reference in French", async ({ page, context }) => {
  test.setTimeout(120_000);
  const adminEmail = uniqueEmail("admin-de");
  await createAdmin(adminEmail);
  const { secret } = await enableTotpViaApi(adminEmail);
  await signInAsAdministrator(page, adminEmail, secret);

  await setLanguage(context, "de");
  await page.goto(smartgridone("/admin"));
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveTitle("Übersicht · Verwaltung · SmartgridOne");
  await expect(page.getByRole("heading", { name: "Übersicht", level: 1 })).toBeVisible();
  await expect(page.getByText(/^\d+ Administrator(en)?$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verbreitung der Zwei-Faktor-Authentifizierung" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Authenticator-App \(TOTP\): [\d,]+\s% der Konten$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Anmeldeaktivität" })).toBeVisible();
  await page.getByText("Zahlen anzeigen").click();
  const numbers = page.getByRole("table", { name: "Anmeldungen, fehlgeschlagene Anmeldungen und Drosselungen pro Tag" });
  await expect(numbers.getByRole("columnheader", { name: "Drosselungen" })).toBeVisible();
  // the days in German ("5. Jan. 2026", "1. März 2026")
  await expect(numbers.getByRole("rowheader").first()).toHaveText(/^\d{1,2}\. \p{L}{3,4}\.? \d{4}$/u);
  await expectNoEnglish(page, "de", ["AdminOverviewPage", "ActivityChart"]);
  await snap(page, "admin-overview-de");

  await setLanguage(context, "fr");
  await page.goto(smartgridone("/docs"));
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: "Référence de l’API SmartgridOne", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Documents lisibles par machine" })).toContainText("Clés de signature (JWKS)");
  // Swagger UI's own words stay English, and say so
  await expect(page.getByTestId("api-reference")).toHaveAttribute("lang", "en");
  await expect(page.locator(".swagger-ui .info .title")).toContainText("Eniris authentication API");
  await expect(page.getByRole("region", { name: "À propos de l’API" })).toBeVisible();
  // the page's own header (the reference below it is the API's English description)
  await expectNoEnglish(page, "fr", ["DocsPage"], page.locator("header").first());
  await expectNoEnglish(page, "fr", ["ApiReference"]);
});
