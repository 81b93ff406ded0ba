import { InputError } from '../errors.js';
import { GENERATED_MARK_MD } from '../model/index.js';
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

/** The template's Markdown over the audience's report, marked as a report Hindsight wrote. */
export async function renderTemplateMarkdown(template: LoadedTemplate, doc: Postmortem): Promise<string> {
  return withGeneratedMark(await templateBody(template, doc));
}

async function templateBody(template: LoadedTemplate, doc: Postmortem): Promise<string> {
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

/** The mark that keeps this report from being read back as evidence, under its title when it opens with one. */
function withGeneratedMark(markdown: string): string {
  const title = /^# [^\n]*\n/.exec(markdown)?.[0] ?? '';
  return `${title}${title ? '\n' : ''}${GENERATED_MARK_MD}\n\n${markdown.slice(title.length).replace(/^\n+/, '')}`;
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
  if (format === 'md') return renderTemplateMarkdown(template, doc);
  return templatePage(await templateBody(template, doc), doc.title);
}
