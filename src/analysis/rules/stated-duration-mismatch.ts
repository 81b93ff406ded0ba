import type { Durations, Event } from '../../model/index.js';
import { fileLine } from '../../text/file-line.js';
import { clock, span } from '../course.js';
import { durations, type MomentEvents } from '../moments.js';
import { type DurationName, meaningOf, type Stated, tolerance } from '../stated-figures.js';
import type { ExampleEvent, Rule, RuleFinding } from './rule.js';

export { tolerance };

/** Where each duration is measured from and to, in the report's words. */
const SPANS: Record<DurationName, [keyof MomentEvents, keyof MomentEvents, string]> = {
  detect: ['impactStart', 'detected', 'from the first symptom to detection'],
  acknowledge: ['detected', 'acknowledged', 'from detection to acknowledgement'],
  mitigate: ['detected', 'recovered', 'from detection to recovery'],
  impact: ['impactStart', 'recovered', 'from the first symptom to recovery'],
  detectFromTrigger: ['trigger', 'detected', 'from the change to detection'],
  impactFromTrigger: ['trigger', 'recovered', 'from the change to recovery'],
};

type MomentName = keyof MomentEvents;

/** The moments a point of a stated span may mean, by its words; the first that fits decides. */
const POINTS: [RegExp, MomentName[]][] = [
  [/declar/, ['declared']],
  [/clos/, ['closed']],
  [/detect|discover|alert|pag|report|notic/, ['detected']],
  [/acknowledg|^ack$|respon|confirm|triage/, ['acknowledged']],
  [
    /rollback|roll-back|revert|^(?:start|onset|beginning) of (?:the )?(?:first )?mitigat/,
    ['mitigationStarted'],
  ],
  [/mitigat|fix|remediat/, ['mitigationStarted', 'recovered']],
  [/recover|resol|restor|^end of/, ['recovered']],
  [/change|deploy|release|trigger/, ['trigger']],
  [/start|onset|begin|impact|symptom/, ['impactStart']],
];

/** How the report calls each moment when it says where a span runs. */
const MOMENT_WORDS: Record<MomentName, string> = {
  trigger: 'the change',
  impactStart: 'the first symptom',
  detected: 'detection',
  acknowledged: 'acknowledgement',
  mitigationStarted: 'the start of mitigation',
  recovered: 'recovery',
  declared: 'declaration',
  closed: 'closure',
};

const pointOf = (words: string) => POINTS.find(([re]) => re.test(words))?.[1] ?? null;

/** "from confirmation to mitigation": the pairs of moments the span may run between, or null. */
function spanOf(name: string): [MomentName, MomentName][] | null {
  const m = /^from (.{1,60}) to (.{1,60})$/.exec(name);
  const from = m && pointOf(m[1]);
  const to = m && pointOf(m[2]);
  if (!from || !to) return null;
  return from.flatMap((a) => to.filter((b) => b !== a).map((b) => [a, b] as [MomentName, MomentName]));
}

/** A stated span between two named points compared with the same span of the computed moments. */
function checkSpan(stated: Stated, pairs: [MomentName, MomentName][], m: MomentEvents): RuleFinding | null {
  const measured = pairs.filter(([a, b]) => m[a] && m[b] && m[a] !== m[b]);
  if (!measured.length) return null;
  const secondsOf = ([a, b]: [MomentName, MomentName]) => Math.round((m[b]!.ts - m[a]!.ts) / 1000);
  if (measured.some((p) => Math.abs(secondsOf(p) - stated.seconds) <= tolerance(stated))) return null;
  const parts = measured.map(
    (p) =>
      `${span(secondsOf(p) * 1000)} from ${MOMENT_WORDS[p[0]]} to ${MOMENT_WORDS[p[1]]} (${m[p[0]]!.ref} to ${m[p[1]]!.ref})`,
  );
  return disagreement(
    stated,
    parts,
    measured.flatMap(([a, b]) => [m[a]!.ref, m[b]!.ref]),
  );
}

const where = (s: Stated) => fileLine(s.source);

/** A stated figure against what the timeline shows instead, citing the events measured once each. */
const disagreement = (stated: Stated, shows: string[], refs: string[]): RuleFinding => ({
  severity: 'low',
  statement: `The document states "${stated.text}" (${where(stated)}), but the timeline shows ${shows.join(' and ')}.`,
  evidenceRefs: [...new Set(refs)],
});

function finding(stated: Stated, compared: DurationName[], d: Durations, m: MomentEvents): RuleFinding {
  const parts = compared.map((name) => {
    const [from, to, words] = SPANS[name];
    return `${span(d[name]! * 1000)} ${words} (${m[from]!.ref} to ${m[to]!.ref})`;
  });
  const refs = compared.flatMap((name) => [m[SPANS[name][0]], m[SPANS[name][1]]]) as Event[];
  return disagreement(
    stated,
    parts,
    refs.map((e) => e.ref),
  );
}

/** A figure whose end the timeline does not record, with where the figure puts that end. */
function missingEnd(stated: Stated, meaning: DurationName[], m: MomentEvents): RuleFinding | null {
  const open = meaning.filter((name) => m[SPANS[name][0]] && !m[SPANS[name][1]]);
  if (!open.length) return null;
  const end = MOMENT_WORDS[SPANS[open[0]][1]];
  // One clause per event: the first symptom that is also the detection is counted from once.
  const byEvent = new Map<Event, MomentName>();
  for (const name of open)
    if (!byEvent.has(m[SPANS[name][0]]!)) byEvent.set(m[SPANS[name][0]]!, SPANS[name][0]);
  const starts = [...byEvent.entries()].map(([e, from]) => [from, e] as const);
  const counted = starts.map(
    ([from, e]) =>
      `counted from ${MOMENT_WORDS[from]} (${e.ref}, ${clock(e.ts)}) it puts ${end} at ${clock(e.ts + stated.seconds * 1000)}`,
  );
  return {
    severity: 'low',
    statement: `The document states "${stated.text}" (${where(stated)}), but the timeline records no ${end}; ${counted.join(', ')}.`,
    evidenceRefs: starts.map(([, e]) => e.ref),
  };
}

/** The examples' incident: a deploy, its alert 8 minutes later, recovery by rollback at 25 minutes. */
const RECOVERED_IN_25_MINUTES: ExampleEvent[] = [
  { at: 0, kind: 'change', summary: 'Deploy api v2', ref: 'DEP-1' },
  { at: 8, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'], ref: 'ALERT-1' },
  {
    at: 25,
    kind: 'action',
    summary: 'Rolled back (resolved)',
    signals: ['mitigation', 'recovery'],
    ref: 'ACT-1',
  },
];

/**
 * A figure the document states against the same durations computed from its evidence; a span it
 * names between two points ("from confirmation to mitigation") against that span. A figure
 * whose end the timeline does not record is reported as such. A figure the document states with
 * several values (one per incident of a series) is not compared, and neither is one with no start
 * either, or whose durations run from an event to itself.
 */
export const statedDurationMismatch: Rule = {
  id: 'stated-duration-mismatch',
  description: 'A duration the document states agrees with none of the durations computed from its evidence.',
  kind: 'course',
  check(ctx) {
    const d = durations(ctx.moments);
    const byMeaning = new Map<string, { meaning: DurationName[]; stated: Stated[] }>();
    const out: RuleFinding[] = [];
    for (const s of ctx.statements) {
      if (s.kind !== 'duration') continue;
      if (/^from .{1,60} to /.test(s.name)) {
        const pairs = spanOf(s.name);
        const found = pairs && checkSpan(s, pairs, ctx.moments);
        if (found) out.push(found);
        continue;
      }
      const meaning = meaningOf(s.name);
      if (!meaning) continue;
      const key = meaning.join();
      const group = byMeaning.get(key) ?? { meaning, stated: [] };
      group.stated.push(s);
      byMeaning.set(key, group);
    }
    for (const { meaning, stated } of byMeaning.values()) {
      const first = stated[0];
      if (stated.some((s) => Math.abs(s.seconds - first.seconds) > Math.max(tolerance(s), tolerance(first))))
        continue;
      // A span from an event to itself (an alert that is both first symptom and detection) measures nothing.
      const compared = meaning.filter(
        (name) => d[name] != null && ctx.moments[SPANS[name][0]] !== ctx.moments[SPANS[name][1]],
      );
      if (!compared.length) {
        const unmeasured = missingEnd(first, meaning, ctx.moments);
        if (unmeasured) out.push(unmeasured);
        continue;
      }
      const agrees = (s: Stated) => compared.some((name) => Math.abs(d[name]! - s.seconds) <= tolerance(s));
      const disagreeing = stated.find((s) => !agrees(s));
      if (disagreeing) out.push(finding(disagreeing, compared, d, ctx.moments));
    }
    return out;
  },
  followUp(ctx) {
    return [
      {
        action: `Correct the stated durations or the timeline so they agree (${ctx.findings.length} figure${ctx.findings.length === 1 ? '' : 's'} disagree).`,
        type: 'process',
        ownerRole: 'postmortem author',
        priority: 'low',
        evidenceRefs: [...new Set(ctx.findings.flatMap((f) => f.evidenceRefs))],
      },
    ];
  },
  examples: {
    ok: [
      {
        events: RECOVERED_IN_25_MINUTES,
        statements: [
          {
            kind: 'duration',
            name: 'time to recovery',
            seconds: 25 * 60,
            text: 'Time to recovery: 25 minutes',
            source: { file: 'postmortem.md', line: 9 },
          },
        ],
      },
    ],
    notOk: [
      {
        events: RECOVERED_IN_25_MINUTES,
        statements: [
          {
            kind: 'duration',
            name: 'time to recovery',
            seconds: 60 * 60,
            text: 'Time to recovery: 60 minutes',
            source: { file: 'postmortem.md', line: 9 },
          },
        ],
        refs: [['ALERT-1', 'ACT-1', 'DEP-1']],
      },
    ],
  },
};
