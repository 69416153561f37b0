import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { brandUrl, test, expect, snap, expectAccessible, uniqueEmail } from "./fixtures";
import { api, apiSignIn, createAccount, PASSWORD } from "./portal-helpers";

// The portal in the reader's language (messages/<lang>/portal.json): SmartgridOne's host speaks
// Dutch by default, the gatehouse_lang cookie picks French elsewhere. Each page is also checked
// for the English sentences of its catalogue, so that no text is left behind. And the portal's
// times follow the time zone saved on the account, else the browser's (issue 16).

const smartgridone = (path: string) => brandUrl("smartgridone", path);

test.use({
  // a browser that asks for Spanish, which no brand offers, in Amsterdam
  locale: "es-ES",
  timezoneId: "Europe/Amsterdam",
});

type Tree = { [key: string]: string | Tree };
const english = JSON.parse(readFileSync("messages/en/portal.json", "utf8")) as Tree;

/** The English sentences of these namespaces, those without placeholders (they read the same with any value). */
function sentencesOf(...namespaces: string[]): string[] {
  const leaves = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === "string" ? [v] : leaves(v)));
  return namespaces
    .flatMap((ns) => leaves(ns.split(".").reduce((tree, key) => tree[key] as Tree, english)))
    .filter((text) => !/[{<]/.test(text) && text.split(" ").length >= 3);
}

/** None of these English sentences is on the page. */
async function expectNoEnglish(page: Page, sentences: string[]) {
  expect(sentences.length).toBeGreaterThan(0);
  const text = await page.locator("body").innerText();
  for (const sentence of sentences) expect(text, `English left: "${sentence}"`).not.toContain(sentence);
}

/** Signs in through the form by its fields' names, so this works whatever the sign-in page's language. */
async function signInAt(page: Page, loginUrl: string, email: string) {
  await page.goto(loginUrl);
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);
}

test("SmartgridOne's portal in Dutch: the overview, changing the password, the activity", async ({ page }) => {
  const email = uniqueEmail("nl-portal");
  await createAccount(email);
  await signInAt(page, smartgridone("/login"), email);

  // the overview
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page).toHaveTitle("Uw account · SmartgridOne");
  await expect(page.getByRole("heading", { level: 1, name: "Uw account" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Aanmeldgegevens" })).toBeVisible();
  await expect(page.getByTestId("two-factor-summary")).toHaveText(
    "Uit: uw wachtwoord alleen is genoeg om u aan te melden. Voeg een tweede stap toe, zodat een gestolen wachtwoord niet volstaat.",
  );
  await expect(page.getByTestId("totp-status")).toContainText("Uit");
  await expect(page.getByRole("link", { name: "Authenticator-app instellen" })).toBeVisible();
  await expect(page.getByTestId("recovery-codes-status")).toContainText("Horen bij tweestapsverificatie");
  await expect(page.getByTestId("sessions-count")).toHaveText("U bent aangemeld op 1 apparaat.");
  await expect(page.getByRole("list", { name: "Recente beveiligingsgebeurtenissen" }).locator('[data-kind="login.success"]')).toContainText(
    "Aangemeld",
  );
  await expect(page.getByLabel("Tijdzone")).toHaveValue("");
  await expect(page.getByLabel("Tijdzone").locator("option").first()).toHaveText("Automatisch (deze browser: Europe/Amsterdam)");
  await expectNoEnglish(page, sentencesOf("AccountOverview", "EventList", "StatusBadge", "TimeZonePicker", "SecurityEvents.labels"));
  await expectAccessible(page);
  await snap(page, "portal-overview-nl");

  // a wizard: changing the password, its field rules and the API's answer in Dutch
  await page.getByRole("link", { name: "Wachtwoord wijzigen" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page).toHaveTitle("Wachtwoord wijzigen · SmartgridOne");
  await expect(page.getByRole("heading", { level: 1, name: "Wachtwoord wijzigen" })).toBeVisible();
  await expect(page.getByText("Voer uw huidige wachtwoord in en daarna het nieuwe.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Terug naar uw account" })).toBeVisible();
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByText("Huidig wachtwoord is verplicht")).toBeVisible();
  await page.getByLabel("Huidig wachtwoord", { exact: true }).fill("Not-My-Password-1");
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("Brand-New-Pass-9");
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByText("Dat is niet uw huidige wachtwoord.")).toBeVisible();
  await page.getByLabel("Huidig wachtwoord", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByRole("heading", { name: "Wachtwoord gewijzigd" })).toBeFocused();
  await expect(page.getByRole("status")).toHaveText(
    "Uw wachtwoord is gewijzigd. Alle andere apparaten en apps die bij uw account waren aangemeld, zijn afgemeld; dit apparaat blijft aangemeld.",
  );
  await expectNoEnglish(page, sentencesOf("ChangePasswordWizard", "ChangePasswordPage", "WizardPage"));
  await expectAccessible(page);

  // the activity: the change is there, in Dutch, at a Dutch time in the browser's zone
  await page.goto(smartgridone("/account/activity"));
  await expect(page).toHaveTitle("Activiteit · SmartgridOne");
  await expect(page.getByRole("heading", { level: 1, name: "Activiteit" })).toBeVisible();
  const events = page.getByRole("list", { name: "Beveiligingsgebeurtenissen" });
  await expect(events.locator('[data-kind="password.changed"]')).toContainText("Wachtwoord gewijzigd");
  await expect(events.locator('[data-kind="login.success"]').first()).toContainText("Aangemeld");
  await expect(events.locator("time").first()).toHaveText(/^\d{1,2} [a-z]{3} \d{4}, \d{2}:\d{2} (CET|CEST)$/);
  await expectNoEnglish(page, [...sentencesOf("ActivityPage", "EventList", "SecurityEvents.labels"), "Unknown device"]);
  await expectAccessible(page);
  await snap(page, "portal-activity-nl");
});

test("the portal in French: the sessions", async ({ page, context }) => {
  const email = uniqueEmail("fr-portal");
  await createAccount(email);
  await apiSignIn(email); // another session, to end
  await context.addCookies([{ name: "gatehouse_lang", value: "fr", url: process.env.APP_URL! }]);
  await signInAt(page, "/login", email);

  await page.goto("/account/sessions");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveTitle("Sessions · Gatehouse");
  await expect(page.getByText("Les appareils et applications connectés à votre compte.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "2 sessions connectées" })).toBeVisible();
  const current = page.locator('[data-testid="session"][data-current="true"]');
  await expect(current).toContainText("Cet appareil");
  await expect(current).toContainText(/connecté le \d{1,2} [a-zéû.]+ \d{4}, \d{2}:\d{2} UTC\+[12] · dernière activité le/);

  await page.getByRole("button", { name: "Fermer toutes les autres sessions" }).click();
  await expect(page.getByText("Fermer 1 autre session ?")).toBeVisible();
  await page.getByRole("button", { name: "Oui, les fermer" }).click();
  await expect(page.getByText("Toutes les autres sessions ont été fermées. Ces appareils devront se reconnecter.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "1 session connectée" })).toBeVisible();
  await expectNoEnglish(page, sentencesOf("SessionsPage", "SessionList"));
  await expectAccessible(page);
  await snap(page, "portal-sessions-fr");
});

test("a saved time zone: the portal's times are shown in it, on the server's page already; Automatic goes back to the browser's", async ({
  page,
}) => {
  const email = uniqueEmail("time-zone");
  await createAccount(email);
  await signInAt(page, "/login", email);

  const picker = page.getByLabel("Time zone");
  await expect(picker).toHaveValue("");
  await expect(picker.locator("option").first()).toHaveText("Automatic (this browser: Europe/Amsterdam)");
  await picker.selectOption("Asia/Tokyo");
  await expect(page.getByText("Time zone saved.")).toBeVisible();
  await expect(picker).toHaveValue("Asia/Tokyo");
  const { accessToken } = await apiSignIn(email);
  expect(await api("/user/preferences", { token: accessToken })).toEqual({ language: null, timeZone: "Asia/Tokyo" });

  // the activity: in Tokyo's time (UTC+9, no daylight saving), and so is the page the server sends
  await page.goto("/account/activity");
  const time = page.getByRole("list", { name: "Security events" }).locator("time").first();
  await expect(time).toHaveText(/ GMT\+9$/);
  const instant = new Date((await time.getAttribute("datetime"))!);
  const tokyo = new Date(instant.getTime() + 9 * 3600_000);
  // English the British way, as the mails write it: a 24-hour clock
  const hour = String(tokyo.getUTCHours()).padStart(2, "0");
  const minute = String(tokyo.getUTCMinutes()).padStart(2, "0");
  await expect(time).toContainText(`${hour}:${minute} GMT+9`);
  const html = await (await page.request.get("/account/activity")).text();
  expect(html).toContain("GMT+9");
  expect(html).not.toMatch(/\d{2}:\d{2} UTC/);

  // the sessions, fetched in the browser, too
  await page.goto("/account/sessions");
  await expect(page.getByTestId("session").first()).toContainText(/GMT\+9 · last active .* GMT\+9/);

  // Automatic: no zone saved, the browser's again
  await page.goto("/account");
  await page.getByLabel("Time zone").selectOption("");
  await expect(page.getByText("Time zone saved.")).toBeVisible();
  expect(await api("/user/preferences", { token: accessToken })).toEqual({ language: null, timeZone: null });
  await page.goto("/account/activity");
  await expect(page.getByRole("list", { name: "Security events" }).locator("time").first()).toHaveText(/ (CET|CEST|GMT\+[12])$/);
  await expectAccessible(page);
});

test("the pickers wait for the page's script: a choice made while the page loads is neither lost nor undone", async ({ page }) => {
  const email = uniqueEmail("early-choice");
  await createAccount(email);
  await signInAt(page, "/login", email);

  // the page's scripts held back, as on a slow connection: the server's HTML is all there is
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/account", { waitUntil: "commit" });
  const timeZone = page.getByLabel("Time zone");
  await expect(timeZone).toBeVisible();
  // a choice now would reach no handler, or be put back and saved as it was when React took over
  await expect(timeZone).toBeDisabled();
  await expect(page.getByTestId("language-picker")).toBeDisabled();

  release();
  await timeZone.selectOption("Asia/Tokyo");
  await expect(page.getByText("Time zone saved.")).toBeVisible();
  const { accessToken } = await apiSignIn(email);
  expect(await api("/user/preferences", { token: accessToken })).toEqual({ language: null, timeZone: "Asia/Tokyo" });
});
