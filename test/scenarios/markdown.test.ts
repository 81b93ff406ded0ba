// The Markdown of the two checkout examples: escaped as Markdown escapes, and cut text cut on a word.
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { Report } from '../../src/model/index.js';

const EXAMPLES = ['examples/checkout-five-tools', 'examples/checkout-logs-metrics'];
const ENTITY = /(?<!\\)&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

const markdown = new Map<string, string>();
const reports = new Map<string, Report>();
beforeAll(async () => {
  for (const bundle of EXAMPLES) {
    const g = await generate([bundle], { library: false });
    markdown.set(bundle, g.output);
    reports.set(bundle, g.report);
  }
}, 120_000);

/** Every sentence the report writes that may quote evidence cut short. */
const written = (r: Report) => [
  r.incident.summary,
  ...r.claims.map((c) => c.statement),
  ...r.gaps,
  ...r.suspects.flatMap((s) => [...s.reasons, ...(s.against ?? [])]),
];

describe.each(EXAMPLES)('the Markdown of %s', (bundle) => {
  it('holds no HTML entity', () => {
    expect(markdown.get(bundle)).not.toMatch(ENTITY);
    expect(markdown.get(bundle)).not.toContain('&lt;');
  });

  it('cuts quoted evidence after a whole word', () => {
    const r = reports.get(bundle)!;
    const evidence = r.timeline.map((e) => e.summary).join('\n');
    const cuts = written(r).flatMap((t) => [...t.matchAll(/(\S{1,40})…/g)].map((m) => m[1]));
    for (const cut of cuts) {
      const word = cut.replace(/^.*[\s"(]/, '');
      expect(evidence, cut).toMatch(
        new RegExp(`${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s,;:.)"'—]|$)`),
      );
    }
  });

  it('closes every quote it opens', () => {
    for (const text of written(reports.get(bundle)!)) expect(text.split('"').length % 2, text).toBe(1);
  });
});
