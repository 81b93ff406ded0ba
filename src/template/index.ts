export {
  BUILT_IN_TEMPLATES,
  type BuiltInName,
  type BuiltInTemplate,
  builtInNames,
  isBuiltIn,
  PARTS,
} from './builtins/index.js';
export { TEMPLATE_LIMITS } from './engine.js';
export { templateFilters } from './filters.js';
export { checkAudience, type LoadedTemplate, loadTemplate } from './load.js';
export {
  checkTemplateUse,
  renderTemplate,
  renderTemplateMarkdown,
  type TemplateFormat,
  templateVariables,
} from './render.js';
export { markdownToHtml, templatePage } from './to-html.js';
