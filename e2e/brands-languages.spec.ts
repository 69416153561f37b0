import { brandUrl, expect, expectNoViolations, snap, test, uniqueEmail } from "./fixtures";
import { api, apiSignIn, createAccount, PASSWORD, signIn } from "./portal-helpers";

// The contract's §10 in the browser: a page wears the brand of its host and is in the reader's
// language, which the language pickers change — before sign-in for this browser (a cookie), in
// the portal for the account (PUT /user/preferences).

const smartgridone = (path: string) => brandUrl("smartgridone", path);

test.use({
  // a reader whose browser asks for Spanish, which no brand offers: the brand's default answers
  locale: "es-ES",
});

test("the sign-in page on SmartgridOne's host is SmartgridOne's, in Dutch; the picker switches it to French", async ({ page }) => {
  await page.goto(smartgridone("/login"));
  await expect(page).toHaveTitle(/ · SmartgridOne$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/brands/smartgridone.ico");
  const mark = page.getByTestId("brand-mark");
  await expect(mark).toHaveText("SmartgridOne");
  await expect(mark.locator("img")).toHaveAttribute("src", "/brands/smartgridone.png");
  expect(await mark.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
  // the brand's primary colour, from its configuration, on the root element
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--color-brand").trim())).toBe("#0f766e");
  expect(await page.content()).not.toContain("Gatehouse");
  await expectNoViolations(page);
  await snap(page, "smartgridone-sign-in-nl");

  const picker = page.getByLabel("Taal");
  await expect(picker).toHaveValue("nl");
  await picker.selectOption("fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByLabel("Langue")).toHaveValue("fr");
  const cookie = (await page.context().cookies()).find((c) => c.name === "gatehouse_lang");
  expect(cookie).toMatchObject({ value: "fr", httpOnly: true, sameSite: "Lax" });
  await expectNoViolations(page);
  await snap(page, "smartgridone-sign-in-fr");

  // the choice stays with this browser, on every page
  await page.goto(smartgridone("/no-such-page"));
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expect(page.getByTestId("brand-mark")).toHaveText("SmartgridOne");
});

test("the server's own host is the default brand, in its default language", async ({ page }) => {
  await page.goto("/login");
  await expect(page).toHaveTitle(/ · Gatehouse$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/brands/gatehouse.ico");
  await expect(page.getByTestId("brand-mark")).toHaveText("Gatehouse");
  await expectNoViolations(page);
});

test("the portal's picker saves the language on the account, which then comes before the browser's", async ({ page, context }) => {
  const email = uniqueEmail("lang");
  await createAccount(email);
  await signIn(page, email);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByLabel("Language").selectOption("de");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("navigation", { name: "Konto" }).getByRole("link", { name: "Übersicht" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
  const { accessToken } = await apiSignIn(email);
  expect(await api("/user/preferences", { token: accessToken })).toEqual({ language: "de", timeZone: null });
  await expectNoViolations(page);
  await snap(page, "portal-de");

  // another browser that asks for French still gets the saved German once signed in
  await context.clearCookies();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.addCookies([{ name: "gatehouse_lang", value: "fr", url: page.url() }]);
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
});
