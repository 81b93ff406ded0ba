import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/support/report.js';
import { toPostmortem } from '../report/index.js';
import { loadTemplate, renderTemplate } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-templates-'));
let n = 0;
/** A custom template file with `source`; its path is what errors must name. */
function templateFile(source: string): string {
  const path = join(dir, `t${++n}.liquid`);
  writeFileSync(path, source);
  return path;
}
const doc = (audience: 'internal' | 'executive' | 'customer' = 'internal') =>
  toPostmortem(sampleReport(), [], audience);

async function failure(source: string, format = 'md') {
  const path = templateFile(source);
  const error = await renderTemplate(await loadTemplate(path), doc(), format).then(
    () => null,
    (e: Error & { code?: string }) => e,
  );
  expect(error, 'the template should be refused').not.toBeNull();
  expect(error!.message.split('\n')).toHaveLength(1);
  return { path, error: error! };
}

describe('a custom template', () => {
  it('renders the report as documented variables with the Markdown filters', async () => {
    const path = templateFile(
      '# {{ title | md }}\n\n{% for e in report.timeline %}- {{ e.ref | ref_link }} {{ e.summary | md }}\n{% endfor %}\nAudience: {{ audience }}\n',
    );
    const md = await renderTemplate(await loadTemplate(path), doc(), 'md');
    expect(md).toMatch(/^# .+\n/);
    expect(md).toContain('- [DEP-1](#ref-DEP-1) ');
    expect(md).toContain('Audience: internal');
  });

  it('may include the built-in parts by name', async () => {
    const md = await renderTemplate(
      await loadTemplate(templateFile("## Timeline\n\n{% include 'timeline' %}")),
      doc(),
      'md',
    );
    expect(md).toContain('| Time | Kind | Service | Ref | Event |');
  });

  it('cannot include a file: one line naming the template file and line', async () => {
    const { path, error } = await failure("# Title\n\n{% include '/etc/passwd' %}\n");
    expect(error.message).toBe(
      `${path}:3: includes '/etc/passwd', which is not a built-in part (statements, timeline, action-items, claims, impact-fields, open-questions, sign-off, trigger, root-cause, detection, response, resolution, went-well, went-wrong, lucky); a template cannot read files`,
    );
    expect(error.code).toBe('TEMPLATE_REFUSED');
  });

  it('cannot render or lay itself out in another file', async () => {
    for (const tag of [
      "{% render '../package.json' %}",
      "{% layout 'base.liquid' %}",
      "{% include 't1.liquid' %}",
    ]) {
      const { path, error } = await failure(`x\n${tag}`);
      expect(error.message).toMatch(new RegExp(`^${path}:2: includes '.+', which is not a built-in part`));
    }
  });

  it('cannot loop forever: the render limit stops it, naming file and line', async () => {
    const { path, error } = await failure(
      'start\n{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}',
    );
    expect(error.message).toMatch(new RegExp(`^${path}:2: .*limit exceeded`));
    expect(error.code).toBe('TEMPLATE_LIMIT');
  }, 30_000);

  it('cannot exhaust memory by doubling a string', async () => {
    const { path, error } = await failure(
      '{% assign s = "xxxxxxxxxx" %}\n{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
    );
    expect(error.message).toMatch(new RegExp(`^${path}:2: memory alloc limit exceeded`));
  });

  it('cannot reach a prototype or a property the report does not have', async () => {
    const { path, error } = await failure('ok\n{{ report.constructor.name }}');
    expect(error.message).toBe(
      `${path}:2: undefined variable: report.constructor (see docs/templates.md for the variables)`,
    );
  });

  it('with a syntax error names the file and the line', async () => {
    const unclosed = await failure('# T\n\n{% if report.incident.id %}\nno end\n');
    expect(unclosed.error.message).toBe(`${unclosed.path}:3: tag {% if report.incident.id %} not closed`);
    expect(unclosed.error.code).toBe('TEMPLATE_SYNTAX');
    const filter = await failure('# T\n{{ report.incident.id | shell }}');
    expect(filter.error.message).toBe(`${filter.path}:2: undefined filter: shell`);
  });

  it('cannot write HTML or script links into the HTML page; only ref anchors pass', async () => {
    const path = templateFile(
      '# T\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n| a |\n| - |\n| {{ "DEP-1" | ref_anchor }}row |\n',
    );
    const html = await renderTemplate(await loadTemplate(path), doc(), 'html');
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/<script|<img|href="javascript/i);
    expect(body).toContain('&lt;script&gt;');
    expect(body).toContain('<a id="ref-DEP-1"></a>row');
  });
});

describe('choosing a template', () => {
  it('names the built-ins when neither a built-in nor a file is given', async () => {
    await expect(loadTemplate('sre-v2')).rejects.toThrow(
      'sre-v2: no such template: give a built-in (sre, full, evidence, brief) or a template file',
    );
  });

  it('keeps the customer promise: only brief has a customer version', async () => {
    await expect(renderTemplate(await loadTemplate('sre'), doc('customer'), 'md')).rejects.toThrow(
      'built-in template sre: is not written for --audience customer; use --template brief',
    );
    const md = await renderTemplate(await loadTemplate('brief'), doc('customer'), 'md');
    expect(md).not.toMatch(/INC-|SEV|DEP-1|ALT-1|checkout/);
  });

  it('writes md or html, never json', async () => {
    await expect(renderTemplate(await loadTemplate('full'), doc(), 'json')).rejects.toThrow(
      "a template writes md or html, not json; the JSON report is the template's input (drop --template)",
    );
  });
});

describe('the built-ins with the drafted narrative and sign-off', () => {
  const statement = (text: string, draft = true) => ({ text, refs: ['ALT-1'], confidence: 0.8, draft });
  // Fields a report gains from the section drafting; the templates read them when present.
  const report = {
    ...sampleReport(),
    narrative: {
      impact: [statement('Checkout failed for card payments (ticket volume up 4×).', false)],
      detection: [statement('An alert fired within 2 min of the first symptom.')],
      response: [statement('Acknowledged within policy.')],
      resolution: [statement('The rollback ended the impact.')],
      cause: [],
      wentWell: [statement('The alert fired within 2 min.')],
      wentWrong: [statement('The deploy went out during a freeze.')],
      lucky: [statement('Traffic was low at the time.')],
    },
    signOff: [{ role: 'SRE lead', name: null, date: null }],
  };
  const narrated = () => toPostmortem(report, [], 'internal');

  it('sre writes each narrative part as cited statements, drafts marked for the reviewer', async () => {
    const md = await renderTemplate(await loadTemplate('sre'), narrated(), 'md');
    expect(md).toContain(
      '- Checkout failed for card payments (ticket volume up 4×). ([ALT-1](#ref-ALT-1))\n',
    );
    for (const text of [
      'An alert fired within 2 min',
      'The rollback ended',
      'Traffic was low',
      'during a freeze',
    ])
      expect(md).toContain(text);
    expect(md).toContain(
      'The alert fired within 2 min. ([ALT-1](#ref-ALT-1)) _(draft: check before publishing)_',
    );
    expect(md).not.toContain('Nothing drafted from the evidence');
  });

  it("sre's root causes quote what the evidence says caused it when no record shows a mechanism", async () => {
    const stated = {
      ...report,
      findings: report.findings.filter((f) => f.kind !== 'mechanism'),
      narrative: {
        ...report.narrative,
        cause: [
          {
            text: "The postmortem's own cause statement (pm.md:4): “A builder sent invalid blocks”.",
            refs: [],
            confidence: 0.9,
          },
        ],
      },
    };
    const md = await renderTemplate(await loadTemplate('sre'), toPostmortem(stated, [], 'internal'), 'md');
    const rootCauses = md.slice(md.indexOf('## Root Causes'), md.indexOf('## Trigger'));
    expect(rootCauses).toContain('(pm.md:4): “A builder sent invalid blocks”.');
    expect(rootCauses).not.toContain('The most likely cause is');
  });

  it("full's sign-off lists the report's roles with names and dates left empty to fill in", async () => {
    const md = await renderTemplate(await loadTemplate('full'), narrated(), 'md');
    expect(md).toContain('| Role | Name | Date |\n| --- | --- | --- |\n| SRE lead |  |  |\n');
    expect(md).not.toContain('Incident commander');
  });
});

describe('docs/templates.md', () => {
  it('shows a custom template that renders', async () => {
    const docs = readFileSync(join(import.meta.dirname, '../../docs/templates.md'), 'utf8');
    const example = /```liquid\n([\s\S]*?)```/.exec(docs)![1];
    const followUps = [
      {
        id: 'FU-1',
        action: 'Alert on DEP-1 failures',
        type: 'detect' as const,
        ownerRole: 'sre',
        priority: 'high' as const,
        evidenceRefs: ['DEP-1'],
      },
    ];
    const withFollowUp = toPostmortem(sampleReport({ followUps }), [], 'internal');
    const md = await renderTemplate(await loadTemplate(templateFile(example)), withFollowUp, 'md');
    expect(md).toContain('## Follow-ups\n\n- [ ] Alert on [DEP-1](#ref-DEP-1) failures (sre, high)\n');
    expect(md).toContain('| Time | Kind | Service | Ref | Event |');
  });
});
