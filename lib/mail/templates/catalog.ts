import type { CodeTemplate, LinkTemplate, NoticeTemplate, TemplateName } from "../types";

// What each mail is, independent of language: its layout, the data it needs, and how it closes.
// The wording is the "Mail" namespace of the message catalogues (messages/<language>/mail.json):
// Mail.<template>.{subject, heading, action, and one message per paragraph and optional sentence}.

// device: a lib/devices key ("Firefox/Windows"), worded in the mail's language; time: an ISO
// instant, written in the mail's language (UTC)
export type DataKey =
  | "code"
  | "link"
  | "newEmail"
  | "oldEmail"
  | "method"
  | "minutes"
  | "passkeyName"
  | "oldPasskeyName"
  | "remaining"
  | "device"
  | "ip"
  | "time";
export type Closing = "ignore" | "notYou" | "askAdmin";
/** The messages of a template's body, in order ("body" unless the spec says more). */
export type Paragraph = "body" | "undoAdvice" | "codesLeft";

interface Base {
  /** the paragraphs after the greeting; ["body"] when absent */
  paragraphs?: readonly Paragraph[];
  /** data the caller must pass (a missing one is a bug and throws before anything is sent) */
  required: readonly DataKey[];
  /** data that adds an optional sentence: the message Mail.<template>.<data key> */
  optional?: readonly DataKey[];
  /** the common sentence at the end */
  closing?: Closing;
}
export interface CodeSpec extends Base {
  kind: "code";
}
export interface LinkSpec extends Base {
  kind: "link";
}
export interface NoticeSpec extends Base {
  kind: "notice";
  /** shows a button to the portal's security page */
  portalAction: boolean;
}
export type TemplateSpec = CodeSpec | LinkSpec | NoticeSpec;

/** What the mail log of a real transport shows instead of a code or link. */
export const REDACTED_CODE = "••••••";
export const REDACTED_LINK = "[link removed from the mail log]";

/** Lifetime of email codes, docs/api.md §5 (the code mails say it). */
export const CODE_MINUTES = 10;

const codes: Record<CodeTemplate, CodeSpec> = {
  "2fa-email-code": { kind: "code", required: ["code"], closing: "ignore" },
  "password-reset-code": { kind: "code", required: ["code"], closing: "ignore" },
  "email-transfer-code": { kind: "code", required: ["code", "newEmail"], closing: "ignore" },
};

const links: Record<LinkTemplate, LinkSpec> = {
  "password-reset-link": { kind: "link", required: ["link"], optional: ["minutes"], closing: "ignore" },
  "email-change-undo": {
    kind: "link",
    required: ["link", "oldEmail", "newEmail"],
    optional: ["minutes"],
    paragraphs: ["body", "undoAdvice"],
  },
  // after an undone email change the password is gone: "ignore this, nothing changes" would be false
  "email-change-undone-reset": { kind: "link", required: ["link"], optional: ["minutes"] },
  // an administrator created the account: nobody "asked for this" who could ignore it
  "account-setup-link": { kind: "link", required: ["link"], optional: ["minutes"], closing: "askAdmin" },
};

const notices: Record<NoticeTemplate, NoticeSpec> = {
  "password-changed": { kind: "notice", required: [], closing: "notYou", portalAction: true },
  "password-reset": { kind: "notice", required: [], closing: "notYou", portalAction: true },
  "2fa-method-added": { kind: "notice", required: ["method"], closing: "notYou", portalAction: true },
  "2fa-method-removed": { kind: "notice", required: ["method"], closing: "notYou", portalAction: true },
  "recovery-codes-reset": { kind: "notice", required: [], closing: "notYou", portalAction: true },
  // a passkey is one of possibly several: the notice names it (the holder chose the name)
  "passkey-added": { kind: "notice", required: ["passkeyName"], closing: "notYou", portalAction: true },
  "passkey-renamed": { kind: "notice", required: ["passkeyName", "oldPasskeyName"], closing: "notYou", portalAction: true },
  "passkey-removed": { kind: "notice", required: ["passkeyName"], closing: "notYou", portalAction: true },
  "email-changed": { kind: "notice", required: [], optional: ["newEmail"], closing: "notYou", portalAction: true },
  "account-locked": { kind: "notice", required: [], closing: "askAdmin", portalAction: false },
  "2fa-reset-by-admin": { kind: "notice", required: [], closing: "askAdmin", portalAction: true },
  "recovery-code-used": {
    kind: "notice",
    required: ["remaining"],
    closing: "notYou",
    portalAction: true,
    paragraphs: ["body", "codesLeft"],
  },
  // ASVS 6.3.5: a sign-in from a device the account had not signed in from (lib/devices)
  "new-device-sign-in": { kind: "notice", required: ["device"], optional: ["time", "ip"], closing: "notYou", portalAction: true },
};

export const templateCatalog: Record<TemplateName, TemplateSpec> = { ...codes, ...links, ...notices };
export const templateNames = Object.keys(templateCatalog) as TemplateName[];
export const codeTemplates = Object.keys(codes) as CodeTemplate[];
export const linkTemplates = Object.keys(links) as LinkTemplate[];
export const noticeTemplates = Object.keys(notices) as NoticeTemplate[];

export const isTemplateName = (name: string): name is TemplateName => Object.hasOwn(templateCatalog, name);

/** The 2FA methods a notice can name; callers may pass any of the aliases. */
export type MethodKey = "totp" | "emailOtp" | "recoveryCodes";
const methodAliases: Record<string, MethodKey> = {
  totp: "totp",
  authenticator: "totp",
  emailotp: "emailOtp",
  "email-otp": "emailOtp",
  email_otp: "emailOtp",
  email: "emailOtp",
  recoverycode: "recoveryCodes",
  recoverycodes: "recoveryCodes",
  "recovery-code": "recoveryCodes",
  "recovery-codes": "recoveryCodes",
  recovery_code: "recoveryCodes",
  recovery_codes: "recoveryCodes",
};
export const methodKey = (value: string): MethodKey | undefined => methodAliases[value.trim().toLowerCase()];
