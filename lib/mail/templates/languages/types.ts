import type { TemplateName } from "../../types";
import type { DataKey, MethodKey } from "../catalog";

// One language's wording. Plain text with {placeholders}; the renderer escapes it for HTML.
// Placeholders: {brand}, {portalUrl}, {minutes}, {duration}, and the template's data ({code}, {link},
// {newEmail}, {oldEmail}, {method}, {passkeyName}, {oldPasskeyName}, {remaining}, {device}, {ip}, {time}).

export interface TemplateText {
  subject: string;
  heading: string;
  /** the body, before the code or button */
  paragraphs: string[];
  /** a sentence added when the caller passes that (optional) data key */
  optional?: Partial<Record<DataKey, string>>;
  /** the button label (link templates) */
  action?: string;
}

export interface CommonText {
  greeting: string;
  /** under a code; {minutes} */
  codeExpiry: string;
  /** under a link button */
  linkOnce: string;
  /** under a link button when the caller passes `minutes`; {duration} */
  linkExpiry: string;
  /** for {duration}: a lifetime of whole hours reads as hours */
  units: { minute: string; minutes: string; hour: string; hours: string };
  linkFallback: string;
  ignore: string;
  notYou: string;
  askAdmin: string;
  /** the label of the button to the portal in notices */
  reviewAction: string;
  footer: string;
  automated: string;
  methods: Record<MethodKey, string>;
  /** for {device}: a browser on a system ("{browser} on {system}"), or a device nobody could name */
  device: { on: string; unknown: string };
}

export interface LanguagePack {
  /** ISO 639-1 */
  code: string;
  /** the language's own name, e.g. "Nederlands" */
  name: string;
  common: CommonText;
  templates: Record<TemplateName, TemplateText>;
}
