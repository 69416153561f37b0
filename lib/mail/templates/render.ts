import { render } from "@react-email/render";
import { createElement } from "react";
import type { MailConfiguration } from "../configurations";
import { resolveLanguage } from "../configurations";
import type { RenderedMail, TemplateData, TemplateName } from "../types";
import { CODE_MINUTES, methodKey, REDACTED_CODE, REDACTED_LINK, templateCatalog, type DataKey } from "./catalog";
import { TemplateMail, type MailContent } from "./mail";
import { plainText } from "./plain-text";
import { mailTheme } from "./theme";
import { deviceName, lifetime, mailWords, methodName, readableTime, templateKey } from "./wording";

export interface RenderOptions {
  brand: MailConfiguration;
  /** any language; one the brand does not offer falls back to its default */
  language?: string | null;
  /** the account's saved time zone, for the times a mail names; without one, UTC */
  timeZone?: string | null;
  data?: TemplateData;
  /** "redact" replaces codes and links by a mask: the copy kept in the mail log of a real transport */
  secrets?: "include" | "redact";
}

function checkLink(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error("mail link must be an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("mail link must be http(s)");
  return url.href;
}

/** The template's words for this brand, language and data; throws for missing data. */
function mailContent(template: TemplateName, options: RenderOptions): MailContent {
  const spec = templateCatalog[template];
  if (!spec) throw new Error(`unknown mail template ${template}`);
  const { brand } = options;
  const language = resolveLanguage(brand, options.language);
  const words = mailWords(language);
  const data = options.data ?? {};
  const has = (key: DataKey) => data[key] !== undefined && data[key] !== null && String(data[key]) !== "";
  for (const key of spec.required) if (!has(key)) throw new Error(`mail template ${template} needs data.${key}`);
  const redact = options.secrets === "redact";

  // every message may name {brand}; the others name the template's data, put into words
  const values: Record<string, string | number> = { brand: brand.displayName };
  for (const key of [...spec.required, ...(spec.optional ?? [])]) if (has(key)) values[key] = data[key];
  if (has("method")) {
    const method = methodKey(String(data.method));
    values.method = method ? methodName(words, method) : String(data.method);
  }
  if (has("device")) values.device = deviceName(words, String(data.device));
  if (has("time")) values.time = readableTime(String(data.time), language, options.timeZone);
  if (redact) {
    if ("code" in values) values.code = REDACTED_CODE;
    if ("link" in values) values.link = REDACTED_LINK;
  }
  const say = (part: string) => words(templateKey(template, part), values);

  const paragraphs = [words("common.greeting"), ...(spec.paragraphs ?? ["body"]).map(say)];
  for (const key of spec.optional ?? []) if (key !== "minutes" && has(key)) paragraphs.push(say(key));

  const content: MailContent = {
    language,
    subject: say("subject"),
    heading: say("heading"),
    paragraphs,
    closing: spec.closing && words(`common.${spec.closing}`),
    footer: { reason: words("common.footer", values), automated: words("common.automated") },
  };
  const fallback = words("common.linkFallback");
  if (spec.kind === "code") {
    content.code = { value: String(values.code), note: words("common.codeExpiry", { ...values, minutes: CODE_MINUTES }) };
  } else if (spec.kind === "link") {
    const notes = [words("common.linkOnce")];
    if (has("minutes")) notes.push(lifetime(words, Number(data.minutes)));
    content.action = { label: say("action"), href: redact ? null : checkLink(String(data.link)), notes, fallback };
  } else if (spec.portalAction) {
    content.action = { label: words("common.reviewAction"), href: `${brand.portalUrl}/account`, notes: [], fallback };
  }
  return content;
}

/** Renders one template for one brand and language, as subject, HTML and plain text. */
export async function renderMail(template: TemplateName, options: RenderOptions): Promise<RenderedMail> {
  const content = mailContent(template, options);
  const html = await render(createElement(TemplateMail, { brand: options.brand, theme: mailTheme(options.brand), content }));
  return { subject: content.subject, html, text: plainText(html), language: content.language };
}
