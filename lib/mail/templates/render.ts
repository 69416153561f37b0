import { parseDeviceKey } from "../../devices/user-agent";
import type { MailConfiguration } from "../configurations";
import { resolveLanguage } from "../configurations";
import { fill } from "../html";
import type { RenderedMail, TemplateData, TemplateName } from "../types";
import { CODE_MINUTES, methodKey, REDACTED_CODE, REDACTED_LINK, templateCatalog, type DataKey } from "./catalog";
import { layoutHtml, layoutText } from "./layout";
import { languagePacks, type CommonText } from "./languages";

export interface RenderOptions {
  brand: MailConfiguration;
  /** any language; one the brand does not offer falls back to its default */
  language?: string | null;
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

/** "24 hours" rather than "1440 minutes": a lifetime of whole hours reads as hours. */
function readableDuration(minutes: number, units: CommonText["units"]): string {
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? units.hour : units.hours}`;
  return `${minutes} ${minutes === 1 ? units.minute : units.minutes}`;
}

/** A lib/devices key in the mail's words: "Firefox on Windows", "curl", "an unknown device". */
function deviceName(key: string, words: CommonText["device"]): string {
  const { browser, system } = parseDeviceKey(key);
  if (browser && system) return words.on.replace("{browser}", browser).replace("{system}", system);
  return browser ?? system ?? words.unknown;
}

// en is written the British way (day before month, 24-hour clock), as the portal's times are
const dateLocales: Record<string, string> = { en: "en-GB" };

/** An ISO instant as the mail's language writes it, in UTC and saying so. */
function readableTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = new Intl.DateTimeFormat(dateLocales[language] ?? language, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  return `${format.format(date)} UTC`;
}

/** Renders one template for one brand and language, as subject, HTML and plain text. */
export function renderMail(template: TemplateName, options: RenderOptions): RenderedMail {
  const spec = templateCatalog[template];
  if (!spec) throw new Error(`unknown mail template ${template}`);
  const { brand } = options;
  const language = resolveLanguage(brand, options.language);
  const pack = languagePacks[language];
  const text = pack.templates[template];
  const data = options.data ?? {};
  const has = (key: DataKey) => data[key] !== undefined && data[key] !== null && String(data[key]) !== "";

  for (const key of spec.required) if (!has(key)) throw new Error(`mail template ${template} needs data.${key}`);
  const redact = options.secrets === "redact";

  const values: Record<string, string | number> = { brand: brand.displayName, portalUrl: brand.portalUrl, minutes: CODE_MINUTES };
  for (const key of [...spec.required, ...(spec.optional ?? [])]) if (has(key)) values[key] = data[key];
  if (has("minutes")) values.duration = readableDuration(Number(data.minutes), pack.common.units);
  if (has("method")) {
    const method = methodKey(String(data.method));
    values.method = method ? pack.common.methods[method] : String(data.method);
  }
  if (has("device")) values.device = deviceName(String(data.device), pack.common.device);
  if (has("time")) values.time = readableTime(String(data.time), language);
  let link: string | null = null;
  if (spec.kind === "link") link = redact ? null : checkLink(String(data.link));
  if (redact) {
    if ("code" in values) values.code = REDACTED_CODE;
    if ("link" in values) values.link = REDACTED_LINK;
  }

  const both = (s: string) => ({ html: fill(s, values, "html"), text: fill(s, values, "text") });
  const oneLine = (s: string) =>
    fill(s, values, "text")
      .replace(/[\r\n]+/g, " ")
      .trim();

  const paragraphs = [both(pack.common.greeting), ...text.paragraphs.map(both)];
  for (const key of spec.optional ?? []) {
    const sentence = text.optional?.[key];
    if (sentence && has(key)) paragraphs.push(both(sentence));
  }

  const subject = oneLine(text.subject);
  const input: Parameters<typeof layoutHtml>[0] = {
    brand,
    language,
    subject,
    heading: oneLine(text.heading),
    paragraphs,
    closing: spec.closing ? both(pack.common[spec.closing]) : undefined,
    footer: both(pack.common.footer),
    automated: both(pack.common.automated),
  };
  if (spec.kind === "code") {
    input.code = String(values.code);
    input.codeNote = both(pack.common.codeExpiry);
  } else if (spec.kind === "link") {
    if (!text.action) throw new Error(`mail template ${template} (${language}) has no button label`);
    const notes = [both(pack.common.linkOnce)];
    if (has("minutes")) notes.push(both(pack.common.linkExpiry));
    input.button = { label: oneLine(text.action), href: link, fallbackLabel: oneLine(pack.common.linkFallback), notes };
  } else if (spec.portalAction) {
    input.button = {
      label: oneLine(pack.common.reviewAction),
      href: `${brand.portalUrl}/account`,
      fallbackLabel: oneLine(pack.common.linkFallback),
      notes: [],
    };
  }
  return { subject, html: layoutHtml(input), text: layoutText(input), language };
}
