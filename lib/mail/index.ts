// The mail subsystem: brands ("mail configurations", picked by the API's `origin`), templates in
// several languages, transports (database outbox, SMTP, Resend), and the disposable-provider
// check. Other modules import from here only.
//
//   configurations.ts / .json   brands, origin → brand, language fallback
//   templates/                  catalog (what each mail needs), wording (messages/<lang>/mail.json),
//                               React Email layout and template, render (HTML and plain text)
//   transports/                 MailTransport + outbox, smtp, resend; createTransport, configuredTransport
//   deliver.ts                  render → send → mail log row; sendMail
//   notify.ts                   notifyAccountHolder (best effort)
//   forbidden-providers.ts      assertAllowedMailProvider
//   mailbox.ts                  reading the mail log (dev mailbox, admin); who may open the dev
//                               mailbox is dev-mailbox-access.ts, not exported here (it reads the browser session)

export type {
  CodeTemplate,
  DeliveryReceipt,
  LinkTemplate,
  MailOptions,
  NoticeTemplate,
  OutgoingMail,
  RenderedMail,
  TemplateData,
  TemplateName,
  TransportMessage,
} from "./types";
export {
  defaultMailConfiguration,
  listMailConfigurations,
  loadMailConfigurations,
  originKey,
  resolveLanguage,
  resolveMailConfiguration,
  type MailConfiguration,
} from "./configurations";
export { assertAllowedMailProvider, forbiddenDomainChecker, isForbiddenMailAddress, mailDomain } from "./forbidden-providers";
export { deliver, sendMail } from "./deliver";
export { noticeWork, notifyAccountHolder, type Defer, type NotifyOptions } from "./notify";
export { configuredTransport, createTransport, type MailTransport, type TransportKind, type TransportOptions } from "./transports";
export { codeTemplates, isTemplateName, linkTemplates, noticeTemplates, renderMail, templateCatalog, templateNames } from "./templates";
export { getMailMessage, listMailMessages, type MailSummary } from "./mailbox";
