import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../i18n/languages";
import { loadMailConfigurations } from "../configurations";
import type { TemplateData, TemplateName } from "../types";
import file from "../configurations.json";
import { REDACTED_CODE, REDACTED_LINK, templateCatalog, templateNames } from "./catalog";
import { renderMail } from "./render";
import { sampleData } from "./samples";
import { mailWords } from "./wording";

// Every template in every brand and language, against snapshots (`npx vitest run -u` accepts a
// change; read the diff first: it is what the mails now say). The default brand's portal is fixed
// here, so the snapshots do not depend on APP_URL.
//
// Per mail: its subject, its text part and its HTML without the inline styles (the words and the
// structure); per brand and kind of mail, the whole HTML (the styles, which follow the brand's
// colours and nothing else).

const { all: brands } = loadMailConfigurations(file, "https://gatehouse.example");
const matrix = brands.flatMap((brand) => LANGUAGES.flatMap((language) => templateNames.map((template) => ({ brand, language, template }))));

/** One element a line, so a snapshot's diff points at what changed. */
const lines = (html: string) => html.replace(/<(?=(?:p|h1|table|tr|td|hr|img|div|a|head|body|meta|title)[\s>/])/g, "\n<");
const withoutStyles = (html: string) => lines(html.replace(/ style="[^"]*"/g, ""));

describe("the mail templates", () => {
  it.each(matrix.map((m) => [`${m.brand.id}/${m.language}/${m.template}`, m] as const))("%s", async (_, { brand, language, template }) => {
    const mail = await renderMail(template, { brand, language, data: sampleData(brand.portalUrl) });
    expect(mail.language).toBe(language);
    expect({ subject: mail.subject, text: mail.text, html: withoutStyles(mail.html) }).toMatchSnapshot();
  });

  const kinds: TemplateName[] = ["2fa-email-code", "password-reset-link", "passkey-added"];
  it.each(brands.flatMap((brand) => kinds.map((t) => [`${brand.id} ${t}`, brand, t] as const)))(
    "%s, styles included",
    async (_, brand, template) => {
      const mail = await renderMail(template, { brand, language: brand.defaultLanguage, data: sampleData(brand.portalUrl) });
      expect(lines(mail.html)).toMatchSnapshot();
    },
  );

  it("the logo is the brand's hosted PNG, named by its alt text; no data: URI anywhere", async () => {
    for (const { brand, language, template } of matrix) {
      const label = `${brand.id}/${language}/${template}`;
      const mail = await renderMail(template, { brand, language, data: sampleData(brand.portalUrl) });
      const images = [...mail.html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => tag);
      expect(images, label).toHaveLength(1);
      const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(images[0])?.[1];
      const src = new URL(attribute("src")!);
      expect(src.protocol, label).toMatch(/^https?:$/);
      expect(src.href, label).toBe(`${brand.portalUrl}/brands/${brand.id}.png`);
      expect(attribute("alt"), label).toBe(brand.displayName);
      expect([attribute("width"), attribute("height")], label).toEqual(["40", "40"]);
      expect(mail.html + mail.text, label).not.toMatch(/data:/i);
    }
  });

  it("the text part has the code or the link (the first address in it), and no markup", async () => {
    for (const { brand, language, template } of matrix) {
      const label = `${brand.id}/${language}/${template}`;
      const data = sampleData(brand.portalUrl);
      const { kind } = templateCatalog[template];
      const { text, html } = await renderMail(template, { brand, language, data });
      if (kind === "code") expect(/\b\d{6}\b/.exec(text)?.[0], label).toBe(data.code);
      if (kind === "link") expect(/https?:\/\/\S+/.exec(text)?.[0], label).toBe(data.link);
      if (kind === "link") expect(html, label).toContain(`href="${data.link}"`);
      expect(text, label).not.toMatch(/<[a-z!/]|&[a-z#0-9]+;|\{|\}/i);
      expect(text, label).toContain(`-- \n`);
    }
  });

  it("the mail log's copy masks codes and links in both parts", async () => {
    const brand = brands[0];
    const data: TemplateData = { ...sampleData(brand.portalUrl), link: "https://gatehouse.example/reset-password?token=s3cr3t" };
    for (const template of templateNames) {
      const mail = await renderMail(template, { brand, data, secrets: "redact" });
      expect(mail.html + mail.text, template).not.toContain("s3cr3t");
      expect(mail.html + mail.text, template).not.toContain(String(data.code));
      const { kind } = templateCatalog[template];
      if (kind === "code") expect(mail.text, template).toContain(REDACTED_CODE);
      if (kind === "link") expect(mail.text, template).toContain(REDACTED_LINK);
    }
  });

  it("names times in the account's saved time zone, saying which; in UTC without one", async () => {
    const brand = brands[0];
    const when = async (language: string, timeZone?: string) =>
      (await renderMail("new-device-sign-in", { brand, language, timeZone, data: sampleData(brand.portalUrl) })).text;
    expect(await when("en")).toContain("When: 1 December 2026 at 10:30 UTC.");
    expect(await when("en", "Europe/Brussels")).toContain("When: 1 December 2026 at 11:30 CET.");
    expect(await when("de", "Europe/Berlin")).toContain("Wann: 1. Dezember 2026 um 11:30 MEZ.");
    expect(await when("nl", "America/New_York")).toContain("Wanneer: 1 december 2026 om 05:30");
    expect(await when("fr", "Not/A_Zone")).toContain("Quand : 1 décembre 2026 à 10:30 UTC.");
  });

  it("a lifetime is worded with the language's plural forms", async () => {
    const brand = brands[0];
    const expires = async (language: string, minutes: number) =>
      (await renderMail("password-reset-link", { brand, language, data: { link: "https://gatehouse.example/r", minutes } })).text;
    expect(await expires("en", 1)).toContain("It expires in 1 minute.");
    expect(await expires("fr", 120)).toContain("Il expire dans 2 heures.");
    expect(await expires("nl", 1)).toContain("Hij verloopt over 1 minuut.");
    expect(await expires("de", 90)).toContain("Er läuft in 90 Minuten ab.");
  });

  it("a message whose argument was not passed throws, rather than mailing “{brand}”", () => {
    expect(() => mailWords("nl")("common.footer")).toThrow(/brand/);
    expect(() => mailWords("en")("common.codeExpiry", { brand: "Gatehouse" })).toThrow(/minutes/);
    expect(mailWords("de")("common.footer", { brand: "Sofar" })).toBe(
      "Sie erhalten diese Nachricht aufgrund einer Aktivität in Ihrem Sofar-Konto.",
    );
  });
});
