// What went well, what went wrong and where we got lucky, drafted from what the analysis found.
// Each lesson is one row: the section it belongs to, when it applies, and its ok/not-ok examples.
import type { NarrativeClaim } from '../../model/index.js';
import { span, storyClockOf } from '../course.js';
import { DEFAULT_ACK_MINUTES } from '../rules/ack-slow.js';
import type { RuleExample } from '../rules/index.js';
import type { NarrativeContext } from './context.js';
import { endingMitigation, mitigationsTried, saidFailed } from './mitigations.js';
import { entryWords, HUMAN_KINDS } from './words.js';

export type LessonSection = 'wentWell' | 'wentWrong' | 'lucky';
type Draft = Omit<NarrativeClaim, 'draft' | 'confidence'> & { confidence?: number };

export interface Lesson {
  id: string;
  section: LessonSection;
  description: string;
  draft(ctx: NarrativeContext): Draft[];
  /** `ok` drafts nothing; each `notOk` drafts statements citing the refs listed. */
  examples: { ok: RuleExample[]; notOk: (RuleExample & { refs: string[][] })[] };
}

const QUICK_ALERT_S = 120;
const SLOW_DETECT_S = 15 * 60;
const QUICK_ROLLBACK_MS = 15 * 60_000;
const ALERTING = new Set(['alert', 'page', 'health', 'metric']);
const SILENT_RULES = new Set(['no-alert-fired', 'undetected-symptom']);

const fromFindings =
  (match: (rule: string, kind: string) => boolean) =>
  (ctx: NarrativeContext): Draft[] =>
    ctx.findings
      .filter((f) => match(f.rule, f.kind))
      .map((f) => ({ text: f.statement, refs: f.evidenceRefs }));

const detectedByPerson = (ctx: NarrativeContext) => {
  const d = ctx.moments.detected;
  return d && HUMAN_KINDS.has(d.kind) ? d : null;
};

const alert = (at: number) => ({
  at,
  kind: 'alert' as const,
  summary: 'High error rate on api',
  signals: ['symptom' as const, 'detect' as const],
});
const ack = (at: number) => ({
  at,
  kind: 'ack' as const,
  summary: 'Acknowledged',
  signals: ['ack' as const],
});
const rollback = (at: number) => ({
  at,
  kind: 'rollback' as const,
  summary: 'Rollback api to v1',
  signals: ['mitigation' as const],
});
const resolved = (at: number) => ({
  at,
  kind: 'alert_resolved' as const,
  summary: 'High error rate resolved',
  signals: ['recovery' as const],
});
const errors = (at: number) => ({
  at,
  kind: 'log' as const,
  summary: 'Connection refused',
  signals: ['symptom' as const],
});
const userReport = (at: number) => ({
  at,
  kind: 'report' as const,
  summary: 'customers say checkout fails',
  signals: ['symptom' as const, 'detect' as const],
});

/** Every lesson, in the order each section lists them. */
export const lessons: Lesson[] = [
  {
    id: 'alert-caught-it-quickly',
    section: 'wentWell',
    description: 'Monitoring detected the incident within 2 min of impact.',
    draft(ctx) {
      const { detected, impactStart } = ctx.moments;
      const s = ctx.durations.detect;
      if (!detected || !impactStart || s == null || s > QUICK_ALERT_S || !ALERTING.has(detected.kind))
        return [];
      if (detected === impactStart)
        return [
          {
            text: `Monitoring caught it at once: ${entryWords(detected)} (${detected.ref}) was the first sign of impact.`,
            refs: [detected.ref],
          },
        ];
      return [
        {
          text: `Monitoring caught it quickly: ${entryWords(detected)} (${detected.ref}) came ${span(s * 1000)} after impact began (${impactStart.ref}).`,
          refs: [detected.ref, impactStart.ref],
        },
      ];
    },
    examples: {
      ok: [{ events: [errors(0), alert(10)] }],
      notOk: [
        { events: [errors(0), alert(1)], refs: [['ALERT-1', 'LOG-0']] },
        { events: [alert(0), ack(3)], refs: [['ALERT-0']] },
      ],
    },
  },
  {
    id: 'acknowledged-in-time',
    section: 'wentWell',
    description: 'A responder acknowledged within the policy (30 min without one).',
    draft(ctx) {
      const { detected, acknowledged } = ctx.moments;
      const s = ctx.durations.acknowledge;
      const limit = ctx.manifest.policies.ackWithinMinutes ?? DEFAULT_ACK_MINUTES;
      if (!detected || !acknowledged || acknowledged === detected || s == null || s > limit * 60) return [];
      return [
        {
          text: `A responder acknowledged ${span(s * 1000)} after detection (${acknowledged.ref}), within the ${limit} min ${ctx.manifest.policies.ackWithinMinutes ? 'policy' : 'default expectation'}.`,
          refs: [acknowledged.ref],
        },
      ];
    },
    examples: {
      ok: [{ events: [alert(0), ack(40)] }],
      notOk: [{ events: [alert(0), ack(3)], refs: [['ACK-3']] }],
    },
  },
  {
    id: 'rollback-ended-it',
    section: 'wentWell',
    description: 'A rollback or revert ended the impact within 15 min.',
    draft(ctx) {
      const ending = endingMitigation(ctx)?.event;
      const recovered = ctx.moments.recovered;
      if (!ending || !recovered || ending.kind !== 'rollback' || recovered.ts - ending.ts > QUICK_ROLLBACK_MS)
        return [];
      return [
        {
          text: `The rollback worked: ${entryWords(ending)} (${ending.ref}) ended the impact ${span(recovered.ts - ending.ts)} later (${recovered.ref}).`,
          refs: [ending.ref, recovered.ref],
        },
      ];
    },
    examples: {
      ok: [{ events: [alert(0), rollback(5), resolved(40)] }],
      notOk: [
        { events: [alert(0), rollback(5), resolved(9)], refs: [['ROLLBACK-5', 'ALERT_RESOLVED-9']] },
        {
          // Started, then completed: the rollback that ended it is the one started.
          events: [
            alert(0),
            rollback(5),
            { at: 12, kind: 'rollback', summary: 'Rollback completed', signals: ['mitigation', 'recovery'] },
          ],
          refs: [['ROLLBACK-5', 'ROLLBACK-12']],
        },
      ],
    },
  },
  {
    id: 'ack-slow',
    section: 'wentWrong',
    description: 'Acknowledgement was slower than the policy (the ack-slow finding).',
    draft: fromFindings((rule) => rule === 'ack-slow'),
    examples: {
      ok: [{ events: [alert(0), ack(3)] }],
      notOk: [{ events: [alert(0), ack(45)], refs: [['ALERT-0', 'ACK-45']] }],
    },
  },
  {
    id: 'no-alert',
    section: 'wentWrong',
    description: 'No alert fired for the incident, or for one of its symptoms.',
    draft: fromFindings((rule) => SILENT_RULES.has(rule)),
    examples: {
      ok: [{ events: [errors(0), alert(1)] }],
      notOk: [{ events: [errors(0), userReport(20)], refs: [['REPORT-20']] }],
    },
  },
  {
    id: 'detected-by-a-person',
    section: 'wentWrong',
    description: 'A person (a customer, support, an engineer) noticed before any alert did.',
    draft(ctx) {
      const d = detectedByPerson(ctx);
      if (!d) return [];
      const at = storyClockOf(ctx.moments);
      return [
        {
          text: `A person, not monitoring, detected it: ${entryWords(d)} at ${at(d.ts)} (${d.ref}).`,
          refs: [d.ref],
        },
      ];
    },
    examples: {
      ok: [{ events: [errors(0), alert(2), userReport(5)] }],
      notOk: [{ events: [errors(0), userReport(5), alert(9)], refs: [['REPORT-5']] }],
    },
  },
  {
    id: 'slow-detection',
    section: 'wentWrong',
    description: 'Detection came more than 15 min after impact began.',
    draft(ctx) {
      const { detected, impactStart } = ctx.moments;
      const s = ctx.durations.detect;
      if (!detected || !impactStart || s == null || s <= SLOW_DETECT_S) return [];
      return [
        {
          text: `Detection was slow: ${span(s * 1000)} passed between the first symptom (${impactStart.ref}) and detection (${detected.ref}).`,
          refs: [impactStart.ref, detected.ref],
        },
      ];
    },
    examples: {
      ok: [{ events: [errors(0), alert(5)] }],
      notOk: [{ events: [errors(0), alert(25)], refs: [['LOG-0', 'ALERT-25']] }],
    },
  },
  {
    id: 'mitigation-failed',
    section: 'wentWrong',
    description: 'A mitigation did not end the impact: symptoms continued after it had time to settle.',
    draft(ctx) {
      return mitigationsTried(ctx)
        .filter((m) => m.failedBy)
        .map((m) => ({
          text: `${entryWords(m.event)[0].toUpperCase()}${entryWords(m.event).slice(1)} (${m.event.ref}) did not end the impact: ${m.saidToFail ? saidFailed(m) : `symptoms continued ${span(m.failedBy!.ts - m.event.ts)} later (${m.failedBy!.ref})`}.`,
          refs: [...new Set([m.event.ref, m.failedBy!.ref])],
        }));
    },
    examples: {
      ok: [{ events: [alert(0), rollback(5), resolved(9)] }],
      notOk: [
        {
          events: [
            alert(0),
            { at: 5, kind: 'action', summary: 'Restarted the api pods', signals: ['mitigation'] },
            errors(15),
            rollback(20),
            resolved(24),
          ],
          refs: [['ACTION-5', 'LOG-15']],
        },
      ],
    },
  },
  {
    id: 'policy-broken',
    section: 'wentWrong',
    description: 'A change broke a policy: approvals, change window or freeze.',
    draft: fromFindings((_, kind) => kind === 'policy'),
    examples: {
      ok: [{ events: [{ at: 0, kind: 'change', summary: 'Deploy api v2', signals: ['change'] }, alert(5)] }],
      notOk: [
        {
          events: [{ at: 0, kind: 'change', summary: 'Deploy api v2', signals: ['change'] }, alert(5)],
          manifest: { policies: { freezes: [{ from: '2026-02-10T00:00:00Z', to: '2026-02-11T00:00:00Z' }] } },
          refs: [['CHANGE-0']],
        },
      ],
    },
  },
  {
    id: 'recovered-on-its-own',
    section: 'lucky',
    description: 'The service recovered with no mitigation recorded before it.',
    draft: fromFindings((rule) => rule === 'recovered-without-mitigation'),
    examples: {
      ok: [{ events: [alert(0), rollback(5), resolved(9)] }],
      notOk: [{ events: [alert(0), resolved(9)], refs: [['ALERT_RESOLVED-9']] }],
    },
  },
  {
    id: 'noticed-without-an-alert',
    section: 'lucky',
    description: 'Someone happened to notice what no alert reported.',
    draft(ctx) {
      const d = detectedByPerson(ctx);
      if (!d || !ctx.findings.some((f) => SILENT_RULES.has(f.rule))) return [];
      return [
        {
          text: `Someone happened to notice (${d.ref}): no alert would have told the team.`,
          refs: [d.ref],
        },
      ];
    },
    examples: {
      ok: [{ events: [errors(0), alert(2), userReport(5)] }],
      notOk: [{ events: [errors(0), userReport(20)], refs: [['REPORT-20']] }],
    },
  },
];

/** The drafted lessons of one section, marked as drafts for the reviewer. */
export function draftLessons(ctx: NarrativeContext, section: LessonSection): NarrativeClaim[] {
  return lessons
    .filter((l) => l.section === section)
    .flatMap((l) => l.draft(ctx))
    .map((d) => ({ text: d.text, refs: d.refs, confidence: d.confidence ?? 0.8, draft: true }));
}
