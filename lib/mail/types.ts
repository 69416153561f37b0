// The mail subsystem's vocabulary. Other modules import these through lib/mail (index.ts).

/** Mails that carry a one-time code. Their delivery must succeed or the caller's action fails. */
export type CodeTemplate = "2fa-email-code" | "password-reset-code" | "email-transfer-code";
/** Mails that carry a single-use link. */
export type LinkTemplate = "password-reset-link" | "email-change-undo" | "email-change-undone-reset" | "account-setup-link";
/** Notices about a change to the account (docs/api.md §6) and the admin dashboard's actions. */
export type NoticeTemplate =
  | "password-changed"
  | "password-reset"
  | "2fa-method-added"
  | "2fa-method-removed"
  | "recovery-codes-reset"
  | "passkey-added"
  | "passkey-renamed"
  | "passkey-removed"
  | "email-changed"
  | "account-locked"
  | "2fa-reset-by-admin"
  | "recovery-code-used"
  | "new-device-sign-in";
export type TemplateName = CodeTemplate | LinkTemplate | NoticeTemplate;

export type TemplateData = Record<string, string | number>;

export interface MailOptions {
  /** the brand (mail configuration); unknown → 500 UNABLE_TO_FIND_MAIL_TEMPLATE */
  origin?: string;
  /** ISO 639-1; without it, the language saved on the account (userId); then the brand's default */
  language?: string;
}

export interface OutgoingMail extends MailOptions {
  to: string;
  template: TemplateName;
  /** template variables, e.g. { code } or { link } or { method } */
  data?: TemplateData;
  userId?: number | null;
}

/** A fully rendered message, ready for a transport. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  /** the language actually used (after falling back to the brand's default) */
  language: string;
}

/** What a transport is handed: one message to one recipient. */
export interface TransportMessage {
  /** our MailMessage id; transports may use it as an idempotency key */
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface DeliveryReceipt {
  /** the MailMessage row id */
  id: string;
  /** the provider's own message id, when it returns one */
  providerId?: string;
}
