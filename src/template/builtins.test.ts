import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generate.js';
import { lintText, parsePostmortem, requiredFromTemplateName } from '../lint/index.js';
import { placeholdersIn } from '../lint/placeholder.js';
import { normaliseTitle } from '../lint/sections.js';
import type { Report, Series } from '../model/index.js';
import { type Audience, toPostmortem } from '../report/index.js';
import {
  BUILT_IN_TEMPLATES,
  type BuiltInTemplate,
  builtInNames,
  loadTemplate,
  renderTemplate,
} from './index.js';

const EXAMPLES = 'examples';
const SCENARIOS = join(import.meta.dirname, '../../../shared/scenarios');
const examples = readdirSync(EXAMPLES).map((d) => join(EXAMPLES, d));
const scenarios = existsSync(SCENARIOS)
  ? readdirSync(SCENARIOS)
      .filter((d) => d.startsWith('seed-'))
      .map((d) => join(SCENARIOS, d))
  : [];
if (!scenarios.length) console.warn(`skipping the seed scenarios: ${SCENARIOS} is absent`);

// An entity the Markdown would turn into a character; an escaped ampersand (\&lt;) is the text itself.
const ENTITY = /(?<!\\)&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;
/** What an unfilled variable or a leaked object leaves behind. */
const UNFILLED = /\{\{|\{%|%\}|\}\}|\bundefined\b|\[object Object\]|\bNaN\b/;

const sectionsOf = (b: BuiltInTemplate, audience: Audience) =>
  audience === 'customer' ? (b.customerSections ?? b.sections) : b.sections;

/** Checks a rendered Markdown document against its template's promise. */
function checkMarkdown(md: string, b: BuiltInTemplate, audience: Audience, report: Report): void {
  expect(md).not.toMatch(UNFILLED);
  expect(md).not.toMatch(ENTITY);
  const doc = parsePostmortem(md, 'out.md');
  for (const title of sectionsOf(b, audience)) {
    const section = doc.sections.find(
      (s) => s.depth === 2 && normaliseTitle(s.title) === normaliseTitle(title),
    );
    expect(section, `section "${title}"`).toBeDefined();
    expect(section!.nodes.length, `section "${title}" has content`).toBeGreaterThan(0);
  }
  const lines = md.split('\n');
  // The template's own words; evidence that quotes a placeholder (seed 004 is a template) comes escaped.
  const placeholders = lines.flatMap((line, i) =>
    placeholdersIn(line)
      .filter((p) => !p.text.startsWith('\\'))
      .map((p) => `${i + 1}: ${p.text}`),
  );
  expect(placeholders).toEqual([]);
  // Every ref link lands on a row of the document.
  for (const m of md.matchAll(/\]\(#(ref-[A-Za-z0-9_-]+)\)/g)) expect(md).toContain(`<a id="${m[1]}"></a>`);
  if (audience === 'customer') {
    const secret = [report.incident.id, report.incident.severity, ...report.timeline.map((e) => e.ref)];
    for (const s of secret.filter((x): x is string => !!x)) expect(md).not.toMatch(new RegExp(`\\b${s}\\b`));
  }
}

function checkHtml(page: string, b: BuiltInTemplate, audience: Audience): void {
  const html = page.slice(page.indexOf('<body>'));
  expect(html).not.toMatch(UNFILLED);
  expect(html).not.toMatch(/<script|&lt;a id=/i);
  for (const title of sectionsOf(b, audience)) expect(html).toContain(`>${title}</h2>`);
}

describe.each([...examples, ...scenarios])('every built-in template on %s', (bundle) => {
  let report: Report;
  let series: Series[];
  beforeAll(async () => {
    ({
      report,
      timeline: { series },
    } = await generate([bundle], { format: 'json', library: false }));
  }, 60_000);

  const cases = builtInNames.flatMap((name) =>
    (BUILT_IN_TEMPLATES[name].audiences as readonly Audience[]).map((audience) => [name, audience] as const),
  );
  it.each(cases)(
    '%s for the %s audience renders every section, filled, in md and html',
    async (name, audience) => {
      const template = await loadTemplate(name);
      const doc = toPostmortem(report, series, audience);
      checkMarkdown(await renderTemplate(template, doc, 'md'), template.builtIn!, audience, report);
      checkHtml(await renderTemplate(template, doc, 'html'), template.builtIn!, audience);
    },
  );

  it.each(builtInNames)('%s passes lint --template with its own name', async (name) => {
    const md = await renderTemplate(await loadTemplate(name), toPostmortem(report, series, 'internal'), 'md');
    const { findings } = await lintText(md, 'out.md', { required: await requiredFromTemplateName(name) });
    expect(findings.filter((f) => f.rule === 'required-sections')).toEqual([]);
  });
});
