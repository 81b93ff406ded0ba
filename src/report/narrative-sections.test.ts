import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/support/report.js';
import { Report } from '../model/index.js';
import { renderMarkdown } from '../render/index.js';
import { toPostmortem } from './audience.js';

const internal = () => toPostmortem(sampleReport(), []);
const headings = (md: string) => md.match(/^## .*/gm) ?? [];

describe('the internal postmortem', () => {
  it('has the sections a team expects, in the Google SRE template order, appendices last', () => {
    expect(internal().sections.map((s) => s.title)).toEqual([
      'Summary',
      'Impact',
      'Trigger',
      'Root cause analysis',
      'Decision integrity',
      'Detection',
      'Response',
      'Resolution',
      'Timeline',
      'What went well',
      'What went wrong',
      'Where we got lucky',
      'Action items',
      'Open questions',
      'Sign-off',
      'Claims and evidence',
      'Related incidents',
      'Data quality',
    ]);
  });

  it('states impact in user terms with a link to the message that says it', () => {
    const md = renderMarkdown(internal());
    const impact = md.slice(md.indexOf('## Impact'), md.indexOf('## Trigger'));
    expect(impact).toContain('tickets at 4× their usual level');
    expect(impact).toContain('[ACK-1](#ref-ACK-1)');
  });

  it('says how it was detected, responded to and resolved, each cited, beside the moments and durations', () => {
    const md = renderMarkdown(internal());
    const detection = md.slice(md.indexOf('## Detection'), md.indexOf('## Response'));
    expect(detection).toContain('Detected at 16:51 UTC by an alert in checkout ([ALT-1](#ref-ALT-1))');
    expect(detection).toContain('**Time to detect (from the change):** 11 min');
    const response = md.slice(md.indexOf('## Response'), md.indexOf('## Resolution'));
    expect(response).toContain('A responder acknowledged at 16:54 UTC ([ACK-1](#ref-ACK-1))');
    expect(response).toContain('**Time to acknowledge:** 3 min');
    const resolution = md.slice(md.indexOf('## Resolution'), md.indexOf('## Timeline'));
    expect(resolution).toContain('after a rollback of payments-api ([RB-1](#ref-RB-1))');
    expect(resolution).toContain('**Recovered:** 2026-03-12 17:22:00');
  });

  it('marks each drafted lesson as a draft for the reviewer, and says where none was drafted', () => {
    const md = renderMarkdown(internal());
    const well = md.slice(md.indexOf('## What went well'), md.indexOf('## What went wrong'));
    expect(well).toContain('Drafted from the analysis for the reviewer');
    expect(well).toContain('- Draft: Monitoring caught it quickly');
    const lucky = md.slice(md.indexOf('## Where we got lucky'), md.indexOf('## Action items'));
    expect(lucky).toContain('Nothing drafted from the evidence');
  });

  it('ends with a sign-off of roles, names and dates left empty for people to fill', () => {
    const md = renderMarkdown(internal());
    const signOff = md.slice(md.indexOf('## Sign-off'), md.indexOf('## Claims'));
    expect(signOff).toMatch(/\| Role\s*\| Name\s*\| Date\s*\|/);
    expect(signOff).toMatch(/\| Incident commander \|\s*\|\s*\|/);
  });
});

describe('the narrative in the JSON report', () => {
  it('parses a report written before it, as empty sections and no sign-off', () => {
    const { narrative, signOff, ...older } = sampleReport();
    const parsed = Report.parse(older);
    expect(parsed.narrative.impact).toEqual([]);
    expect(parsed.narrative.lucky).toEqual([]);
    expect(parsed.signOff).toEqual([]);
  });

  it('is summary-level for executives: no quoted evidence, refs, addresses or pod names', () => {
    const r = toPostmortem(sampleReport(), [], 'executive').report;
    const text = JSON.stringify(r.narrative);
    expect(text).not.toMatch(/10\.20\.3\.87|checkout-7c9d5f6b8d|“|ACK-1|ALT-1|RB-1/);
    for (const claims of Object.values(r.narrative)) for (const c of claims) expect(c.refs).toEqual([]);
    expect(r.narrative.impact[0].text).toBe('A message at 16:52 UTC states tickets at 4× their usual level.');
    expect(r.narrative.wentWell[0].draft).toBe(true);
  });

  it("leaves the evidence's quoted account of the cause, which is all quote, to the full report", () => {
    const full = sampleReport();
    full.narrative.cause = [
      {
        text: "The postmortem's own cause statement (pm.md:4): “A builder sent invalid blocks”.",
        refs: [],
        confidence: 0.9,
      },
    ];
    expect(toPostmortem(full, [], 'executive').report.narrative.cause).toEqual([]);
    expect(toPostmortem(full, [], 'customer').report.narrative.cause).toEqual([]);
    expect(toPostmortem(full, []).report.narrative.cause).toHaveLength(1);
  });

  it('tells customers only plain impact and its end, and asks them to sign nothing', () => {
    const r = toPostmortem(sampleReport(), [], 'customer').report;
    expect(r.narrative.detection).toEqual([]);
    expect(r.narrative.wentWrong).toEqual([]);
    expect(r.narrative.impact[0].text).toMatch(/^Starting at .* some of our customers experienced errors/);
    expect(r.signOff).toEqual([]);
    expect(JSON.stringify(r.narrative)).not.toMatch(/ACK-1|ALT-1|checkout/);
  });
});

describe('the executive page', () => {
  it('adds how it was handled and the drafted lessons, in plain words', () => {
    const md = renderMarkdown(toPostmortem(sampleReport(), [], 'executive'));
    expect(headings(md)).toEqual([
      '## What happened',
      '## Impact',
      '## How it was handled',
      '## What went well and what went wrong (draft)',
      '## What we are changing',
    ]);
    expect(md).toContain('Detected at 16:51 UTC by an alert in checkout, 1 min after impact began.');
    expect(md).toContain(
      'Went wrong: A person, not monitoring, detected it: a report from a person at 16:52 UTC.',
    );
    expect(md).not.toContain('10.20.3.87');
  });
});
