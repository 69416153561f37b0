import { z } from "zod";
import { config } from "../config";
import { apiError } from "../errors";
import file from "./configurations.json";
import { LANGUAGES, type Language } from "../i18n/languages";

// Mail configurations ("brands"): who a mail is from and what it looks like. The API's `origin`
// query parameter selects one (docs/api.md §1); no origin = the default configuration.

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour");

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(colour.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const colors = z.object({ primary: hex, onPrimary: hex, background: hex, surface: hex, text: hex, muted: hex }).superRefine((c, ctx) => {
  // Text must stay readable (WCAG AA, 4.5:1): button label on the button, body and muted text and
  // links on the card, and on the page around it (the pages' header and footer sit on the background).
  for (const [fg, bg] of [
    ["onPrimary", "primary"],
    ["text", "surface"],
    ["muted", "surface"],
    ["primary", "surface"],
    ["text", "background"],
    ["muted", "background"],
    ["primary", "background"],
  ] as const) {
    if (contrastRatio(c[fg], c[bg]) < 4.5) ctx.addIssue({ code: "custom", path: [fg], message: `contrast with ${bg} is below 4.5:1` });
  }
});

const language = z
  .string()
  .regex(/^[a-z]{2}$/, "must be an ISO 639-1 code")
  .refine((l) => (LANGUAGES as readonly string[]).includes(l), {
    message: `must be one of the languages with a message catalogue (${LANGUAGES.join(", ")})`,
  });

// A logo is an inline SVG: the source scripts/brand-images.ts renders the brand's PNG and favicon
// from (public/brands/), which the pages and the mails show.
const logoSvg = z
  .string()
  .max(8192)
  .refine((s) => /^<svg[\s>]/.test(s) && s.trimEnd().endsWith("</svg>"), "must be an <svg> element")
  .refine((s) => !/<script|\son\w+\s*=|href\s*=\s*["']?(?!#)|<foreignObject/i.test(s), "must not contain scripts, event handlers or links");

const sender = z
  .string()
  .max(256)
  .refine((s) => /^(?:[^<>\r\n]+ )?<[^<>\s@]+@[^<>\s@]+>$|^[^<>\s@]+@[^<>\s@]+$/.test(s), 'must be "Name <address>" or an address');

const brandSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  displayName: z.string().min(1).max(80),
  sender,
  replyTo: z.email().optional(),
  colors,
  logoSvg,
  /** null: the server's own APP_URL */
  portalUrl: z.url({ protocol: /^https?$/ }).nullable(),
  defaultLanguage: language,
  languages: z.array(language).min(1),
  origins: z.array(z.string().trim().min(1).max(256)),
});

const fileSchema = z.object({ defaultConfiguration: z.string(), configurations: z.array(brandSchema).min(1) }).superRefine((f, ctx) => {
  const ids = f.configurations.map((c) => c.id);
  if (!ids.includes(f.defaultConfiguration))
    ctx.addIssue({ code: "custom", path: ["defaultConfiguration"], message: `no configuration with id ${f.defaultConfiguration}` });
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["configurations"], message: "ids must be unique" });
  f.configurations.forEach((c, i) => {
    if (!c.languages.includes(c.defaultLanguage))
      ctx.addIssue({ code: "custom", path: ["configurations", i, "defaultLanguage"], message: "must be one of its languages" });
  });
  const seen = new Map<string, string>();
  f.configurations.forEach((c, i) => {
    for (const origin of [c.id, ...c.origins, ...(c.portalUrl ? [c.portalUrl] : [])]) {
      const key = originKey(origin);
      const owner = seen.get(key);
      if (owner && owner !== c.id)
        ctx.addIssue({ code: "custom", path: ["configurations", i, "origins"], message: `origin ${origin} also belongs to ${owner}` });
      seen.set(key, c.id);
    }
  });
  // a page's brand is the one whose portal has the page's host (lib/brands), whatever the scheme
  const portalHosts = new Map<string, string>();
  f.configurations.forEach((c, i) => {
    if (!c.portalUrl) return;
    const host = new URL(c.portalUrl).host;
    const owner = portalHosts.get(host);
    if (owner)
      ctx.addIssue({ code: "custom", path: ["configurations", i, "portalUrl"], message: `host ${host} is also ${owner}'s portal` });
    portalHosts.set(host, c.id);
  });
});

export type MailConfigurationFile = z.input<typeof fileSchema>;

export interface MailConfiguration {
  id: string;
  displayName: string;
  /** the From header, "Name <address>" */
  sender: string;
  replyTo?: string;
  colors: z.infer<typeof colors>;
  /** no trailing slash */
  portalUrl: string;
  defaultLanguage: string;
  languages: string[];
  origins: string[];
}

/** How an origin string is compared: case-insensitive; a URL by its scheme://host[:port]. */
export function originKey(origin: string): string {
  const value = origin.trim().toLowerCase();
  if (/^https?:\/\//.test(value)) {
    try {
      return new URL(value).origin;
    } catch {}
  }
  return value.replace(/\/+$/, "");
}

interface Registry {
  byKey: Map<string, MailConfiguration>;
  all: MailConfiguration[];
  fallback: MailConfiguration;
}

/** Validates a configuration file and indexes it by origin. Exported for tests and the CLI. */
export function loadMailConfigurations(input: unknown, appUrl: string): Registry {
  const parsed = fileSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`lib/mail/configurations.json is invalid:\n${lines}`);
  }
  const all = parsed.data.configurations.map((c): MailConfiguration => ({
    id: c.id,
    displayName: c.displayName,
    sender: c.sender,
    replyTo: c.replyTo,
    colors: c.colors,
    portalUrl: (c.portalUrl ?? appUrl).replace(/\/+$/, ""),
    defaultLanguage: c.defaultLanguage,
    languages: c.languages,
    origins: c.origins,
  }));
  const byKey = new Map<string, MailConfiguration>();
  for (const brand of all) {
    for (const origin of [brand.id, ...brand.origins, brand.portalUrl]) {
      // The default brand's portal is APP_URL, which could equal a listed origin; the explicit list wins.
      if (!byKey.has(originKey(origin))) byKey.set(originKey(origin), brand);
    }
  }
  return { byKey, all, fallback: all.find((c) => c.id === parsed.data.defaultConfiguration)! };
}

let registry: Registry | undefined;
function current(): Registry {
  registry ??= loadMailConfigurations(file, config().APP_URL);
  return registry;
}

/** Every configured brand (for the admin dashboard and the mailbox). */
export const listMailConfigurations = (): readonly MailConfiguration[] => current().all;

/** The brand used when no origin is given. */
export const defaultMailConfiguration = (): MailConfiguration => current().fallback;

/**
 * The brand for an API `origin` query parameter. No origin (or an empty one) = the default.
 * Unknown: 500 UNABLE_TO_FIND_MAIL_TEMPLATE. Call before claiming any throttle slot (docs/api.md §1).
 */
export function resolveMailConfiguration(origin?: string | null): MailConfiguration {
  if (origin == null || origin.trim() === "") return current().fallback;
  const brand = current().byKey.get(originKey(origin));
  if (!brand) throw apiError("UNABLE_TO_FIND_MAIL_TEMPLATE");
  return brand;
}

/** The language a mail is written in: the requested one if the brand has it, else the brand's default. */
export function resolveLanguage(brand: MailConfiguration, language?: string | null): Language {
  const requested = language?.trim().toLowerCase();
  // a brand's languages are among LANGUAGES (the schema above)
  return (requested && brand.languages.includes(requested) ? requested : brand.defaultLanguage) as Language;
}
