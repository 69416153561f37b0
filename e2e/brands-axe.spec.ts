import { brandUrl, expect, expectNoViolations, snap, test, type BrandId } from "./fixtures";

// Every brand in every language, through axe: a brand's colours on its own background, and each
// language's longer words in the same layout, must keep the page accessible. The sign-in page is
// the page every customer sees; the contract's §10 says how the language is chosen (here: the
// picker's cookie, which outranks the browser's languages).

const BRANDS: readonly { id: BrandId; name: string; defaultLanguage: string }[] = [
  { id: "gatehouse", name: "Gatehouse", defaultLanguage: "en" },
  { id: "sofar", name: "Sofar", defaultLanguage: "en" },
  { id: "smartgridone", name: "SmartgridOne", defaultLanguage: "nl" },
];
const LANGUAGES = ["en", "nl", "fr", "de"] as const;

for (const brand of BRANDS) {
  for (const language of LANGUAGES) {
    test(`the sign-in page of ${brand.name} in ${language} passes every axe rule`, async ({ page, context }) => {
      await context.addCookies([{ name: "gatehouse_lang", value: language, url: brandUrl(brand.id, "/") }]);
      await page.goto(brandUrl(brand.id, "/login"));
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      await expect(page.getByTestId("brand-mark")).toHaveText(brand.name);
      await expect(page).toHaveTitle(new RegExp(` · ${brand.name}$`));
      await expectNoViolations(page);
      // the README's picture of each brand, in its own language
      if (language === brand.defaultLanguage) await snap(page, `brand-${brand.id}`);
    });
  }
}
