import { describe, expect, it } from 'vitest';
import { Manifest } from '../../model/index.js';
import { analyze } from '../analyze.js';
import { exampleEvents, type RuleExample } from '../rules/index.js';
import { lessons } from './lessons.js';

function draftsOf(id: string, example: RuleExample) {
  const events = exampleEvents(example.events);
  const manifest = Manifest.parse(example.manifest ?? {});
  const a = analyze(events, manifest, [], example.statements ?? []);
  const lesson = lessons.find((l) => l.id === id)!;
  return {
    events,
    drafts: lesson.draft({
      events,
      moments: a.momentEvents,
      durations: a.durations,
      findings: a.findings,
      impact: a.impact,
      manifest,
    }),
    analysis: a,
  };
}

describe.each(lessons.map((l) => [l.id, l] as const))('lesson %s', (id, lesson) => {
  it('has a unique id and a description', () => {
    expect(lessons.filter((l) => l.id === id)).toHaveLength(1);
    expect(lesson.description.length).toBeGreaterThan(20);
  });

  it.each(lesson.examples.ok.map((e, i) => [i, e] as const))(
    'drafts nothing from ok example %i',
    (_, example) => {
      expect(draftsOf(id, example).drafts).toEqual([]);
    },
  );

  it.each(lesson.examples.notOk.map((e, i) => [i, e] as const))(
    'drafts statements citing what not-ok example %i lists, marked as drafts in the report',
    (_, example) => {
      const { events, drafts, analysis } = draftsOf(id, example);
      expect(drafts.map((d) => d.refs)).toEqual(example.refs);
      const known = new Set(events.map((e) => e.ref));
      for (const d of drafts) expect(d.refs.every((r) => known.has(r))).toBe(true);
      const section = analysis.narrative[lesson.section];
      for (const d of drafts)
        expect(section).toContainEqual(expect.objectContaining({ text: d.text, draft: true }));
    },
  );
});
