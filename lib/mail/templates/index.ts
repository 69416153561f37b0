export { renderMail, type RenderOptions } from "./render";
export {
  CODE_MINUTES,
  codeTemplates,
  isTemplateName,
  linkTemplates,
  methodKey,
  noticeTemplates,
  REDACTED_CODE,
  REDACTED_LINK,
  secretKeys,
  templateCatalog,
  templateNames,
  type DataKey,
  type TemplateSpec,
} from "./catalog";
export { availableLanguages, languagePacks, type LanguagePack, type TemplateText } from "./languages";
