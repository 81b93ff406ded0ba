import { InputError } from '../errors.js';
import type { Audience, Postmortem } from '../report/index.js';
import { PARTS } from './builtins/index.js';
import { renderLiquid, sandboxedEngine } from './engine.js';
import { templateFilters } from './filters.js';
import { checkAudience, type LoadedTemplate } from './load.js';
import { templatePage } from './to-html.js';

export type TemplateFormat = 'md' | 'html';

/**
 * The variables a template sees: the report as its audience may see it (SPEC §3, already masked
 * and cut for executives and customers), as plain data, and a few words about the document.
 */
export function templateVariables(doc: Postmortem, template: LoadedTemplate): Record<string, unknown> {
  return {
    report: JSON.parse(JSON.stringify(doc.report)),
    audience: doc.audience,
    title: doc.title,
    template: template.name,
  };
}

/** The template's Markdown over the audience's report. */
export async function renderTemplateMarkdown(template: LoadedTemplate, doc: Postmortem): Promise<string> {
  checkAudience(template, doc.audience);
  const filters = templateFilters({
    refs: new Set(doc.report.timeline.map((e) => e.ref)),
    zone: doc.report.zone,
  });
  const liquid = await sandboxedEngine(PARTS, filters);
  const markdown = await renderLiquid(liquid, template, templateVariables(doc, template));
  // Blank runs left by tags collapse, as a person would have written it.
  return `${markdown.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** A template can be used for this audience and format (checked before any evidence is read). */
export function checkTemplateUse(template: LoadedTemplate, audience: Audience, format: string): void {
  checkAudience(template, audience);
  if (format !== 'md' && format !== 'html')
    throw new InputError(
      'TEMPLATE_FORMAT',
      template.file,
      `a template writes md or html, not ${format}; the JSON report is the template's input (drop --template)`,
    );
}

/** A template's document as Markdown, or as a self-contained HTML page made from that Markdown. */
export async function renderTemplate(
  template: LoadedTemplate,
  doc: Postmortem,
  format: string,
): Promise<string> {
  checkTemplateUse(template, doc.audience, format);
  const markdown = await renderTemplateMarkdown(template, doc);
  return format === 'md' ? markdown : templatePage(markdown, doc.title);
}
