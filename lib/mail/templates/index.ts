export { renderMail, type RenderOptions } from "./render";
export {
  codeTemplates,
  isTemplateName,
  linkTemplates,
  noticeTemplates,
  REDACTED_CODE,
  REDACTED_LINK,
  templateCatalog,
  templateNames,
  type DataKey,
  type TemplateSpec,
} from "./catalog";
