import type { Durations, Event, Statement } from '../../model/index.js';
import { span } from '../course.js';
import { durations, type MomentEvents } from '../moments.js';
import type { Rule, RuleFinding } from './rule.js';

type DurationName = keyof Durations;
type Stated = Extract<Statement, { kind: 'duration' }>;

/**
 * The computed durations a stated figure may mean, by the words of its name. Teams count time to
 * detection from the first symptom or from the change (SPEC §3), and time to recovery to the end
 * of impact from either start, or from detection.
 */
const MEANINGS: [RegExp, DurationName[]][] = [
  [/detect|discover|notic|\bm?ttd\b/, ['detect', 'detectFromTrigger']],
  [/acknowledg|\back\b|\bm?tta\b|respon/, ['acknowledge']],
  [/mitigat|\bm?ttm\b/, ['mitigate', 'impact', 'impactFromTrigger']],
  [/recover|resol|restor|repair|\bfix|\bm?ttr\b/, ['impact', 'impactFromTrigger', 'mitigate']],
  [/duration|downtime|outage|\blast|\bfor$|impact|period/, ['impact', 'impactFromTrigger']],
];

/** Where each duration is measured from and to, in the report's words. */
const SPANS: Record<DurationName, [keyof MomentEvents, keyof MomentEvents, string]> = {
  detect: ['impactStart', 'detected', 'from the first symptom to detection'],
  acknowledge: ['detected', 'acknowledged', 'from detection to acknowledgement'],
  mitigate: ['detected', 'recovered', 'from detection to recovery'],
  impact: ['impactStart', 'recovered', 'from the first symptom to recovery'],
  detectFromTrigger: ['trigger', 'detected', 'from the change to detection'],
  impactFromTrigger: ['trigger', 'recovered', 'from the change to recovery'],
};

const UNITS: [RegExp, number][] = [
  [/\d\s*(?:s|secs?|seconds?)\b/i, 1],
  [/\d\s*(?:m|mins?|minutes?)\b/i, 60],
  [/\d\s*(?:h|hrs?|hours?)\b/i, 3600],
  [/\d\s*days?\b/i, 86400],
];
const APPROXIMATE = /~|\b(?:about|approx|approximately|around|roughly|circa|ca\.)/i;

/**
 * How far a computed duration may stand from a stated one and still agree. Timelines are written
 * to the minute, so never less than a minute. A figure written in a coarse unit ("2 hours") was
 * rounded to it, but a reader takes "2 hours" as about two hours, not 1 h 31: the rounding
 * allowed is half the unit, at most a tenth of the figure; "about" allows the larger of the two.
 */
export function tolerance(stated: Pick<Stated, 'seconds' | 'text'>): number {
  const unit = UNITS.find(([re]) => re.test(stated.text))?.[1] ?? 60;
  const rounding = APPROXIMATE.test(stated.text)
    ? Math.max(unit / 2, 0.1 * stated.seconds)
    : Math.min(unit / 2, 0.1 * stated.seconds);
  return Math.max(60, rounding);
}

const meaningOf = (name: string) => MEANINGS.find(([re]) => re.test(name.toLowerCase()))?.[1] ?? null;

const where = (s: Stated) => `${s.source.file}${s.source.line != null ? `:${s.source.line}` : ''}`;

function finding(stated: Stated, compared: DurationName[], d: Durations, m: MomentEvents): RuleFinding {
  const parts = compared.map((name) => {
    const [from, to, words] = SPANS[name];
    return `${span(d[name]! * 1000)} ${words} (${m[from]!.ref} to ${m[to]!.ref})`;
  });
  const refs = compared.flatMap((name) => [m[SPANS[name][0]], m[SPANS[name][1]]]) as Event[];
  return {
    severity: 'low',
    statement: `The document states "${stated.text}" (${where(stated)}), but the timeline shows ${parts.join(' and ')}.`,
    evidenceRefs: [...new Set(refs.map((e) => e.ref))],
  };
}

/**
 * A figure the document states against the same durations computed from its evidence. A figure
 * the document states with several values (one per incident of a series) is not compared, and
 * neither is one whose durations could not be computed or run from an event to itself.
 */
export const statedDurationMismatch: Rule = {
  id: 'stated-duration-mismatch',
  description: 'A duration the document states agrees with none of the durations computed from its evidence.',
  kind: 'course',
  check(ctx) {
    const d = durations(ctx.moments);
    const byMeaning = new Map<string, { meaning: DurationName[]; stated: Stated[] }>();
    for (const s of ctx.statements) {
      if (s.kind !== 'duration') continue;
      const meaning = meaningOf(s.name);
      if (!meaning) continue;
      const key = meaning.join();
      const group = byMeaning.get(key) ?? { meaning, stated: [] };
      group.stated.push(s);
      byMeaning.set(key, group);
    }
    const out: RuleFinding[] = [];
    for (const { meaning, stated } of byMeaning.values()) {
      const first = stated[0];
      if (stated.some((s) => Math.abs(s.seconds - first.seconds) > Math.max(tolerance(s), tolerance(first))))
        continue;
      // A span from an event to itself (an alert that is both first symptom and detection) measures nothing.
      const compared = meaning.filter(
        (name) => d[name] != null && ctx.moments[SPANS[name][0]] !== ctx.moments[SPANS[name][1]],
      );
      if (!compared.length) continue;
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
        events: [
          { at: 0, kind: 'change', summary: 'Deploy api v2', ref: 'DEP-1' },
          {
            at: 8,
            kind: 'alert',
            summary: 'High error rate on api',
            signals: ['symptom', 'detect'],
            ref: 'ALERT-1',
          },
          {
            at: 25,
            kind: 'action',
            summary: 'Rolled back (resolved)',
            signals: ['mitigation', 'recovery'],
            ref: 'ACT-1',
          },
        ],
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
        events: [
          { at: 0, kind: 'change', summary: 'Deploy api v2', ref: 'DEP-1' },
          {
            at: 8,
            kind: 'alert',
            summary: 'High error rate on api',
            signals: ['symptom', 'detect'],
            ref: 'ALERT-1',
          },
          {
            at: 25,
            kind: 'action',
            summary: 'Rolled back (resolved)',
            signals: ['mitigation', 'recovery'],
            ref: 'ACT-1',
          },
        ],
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
