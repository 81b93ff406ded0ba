import { describe, expect, it } from 'vitest';
import { Manifest } from '../../model/index.js';
import { analyze } from '../analyze.js';
import { exampleEvents } from './example-events.js';
import { analysisRules, type RuleExample } from './index.js';

function run(example: RuleExample) {
  const events = exampleEvents(example.events);
  return {
    events,
    analysis: analyze(events, Manifest.parse(example.manifest ?? {}), [], example.statements ?? []),
  };
}

describe.each(Object.entries(analysisRules))('analysis rule %s', (id, rule) => {
  it('is listed under its own id, with a description', () => {
    expect(rule.id).toBe(id);
    expect(rule.description.length).toBeGreaterThan(20);
  });

  it.each(rule.examples.ok.map((e, i) => [i, e] as const))('finds nothing in ok example %i', (_, example) => {
    expect(run(example).analysis.findings.filter((f) => f.rule === id)).toEqual([]);
  });

  it.each(rule.examples.notOk.map((e, i) => [i, e] as const))(
    'finds what not-ok example %i lists, and follows it up with cited, typed actions',
    (_, example) => {
      const { events, analysis } = run(example);
      const mine = analysis.findings.filter((f) => f.rule === id);
      expect(mine.map((f) => f.evidenceRefs)).toEqual(example.refs);
      for (const f of mine) expect(f.kind).toBe(rule.kind);
      const refs = new Set(events.map((e) => e.ref));
      const followUps = analysis.followUps.filter((f) =>
        f.evidenceRefs.some((r) => mine.some((m) => m.evidenceRefs.includes(r))),
      );
      expect(followUps.length).toBeGreaterThan(0);
      for (const f of analysis.followUps) {
        expect(f.evidenceRefs.length).toBeGreaterThan(0);
        expect(f.evidenceRefs.every((r) => refs.has(r))).toBe(true);
        expect(f.ownerRole.length).toBeGreaterThan(0);
      }
    },
  );
});
