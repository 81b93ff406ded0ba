import { SEEN_AT_WORK } from './example-events.js';
import { type Rule, refsOf, serviceOf } from './rule.js';

const AUTOMATED = new Set(['alert', 'page', 'health', 'metric']);

export const noAlertFired: Rule = {
  id: 'no-alert-fired',
  description: 'People detected the incident: no alert, page, probe or metric did.',
  kind: 'response',
  check(ctx) {
    const { detected, acknowledged } = ctx.moments;
    const known = detected ?? acknowledged;
    if (!known) return [];
    const automated = ctx.events.some((e) => AUTOMATED.has(e.kind) && e.signals.includes('detect'));
    if (automated) return [];
    return [
      {
        severity: 'high',
        statement: detected
          ? `No alert fired: the incident was detected by people (${detected.ref}: "${detected.summary}").`
          : `No alert fired: people were first seen at work on the problem (${known.ref}: "${known.summary}").`,
        evidenceRefs: [known.ref],
      },
    ];
  },
  followUp(ctx) {
    const refs = refsOf(ctx.findings);
    return [
      {
        action: `Alert on the symptom people reported for ${serviceOf(ctx, refs)} (${refs.join(', ')}), so it pages before users report it.`,
        type: 'detect',
        ownerRole: 'observability',
        priority: 'high',
        evidenceRefs: refs,
      },
    ];
  },
  examples: {
    ok: [
      {
        events: [{ at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] }],
      },
    ],
    notOk: [
      {
        events: [
          {
            at: 0,
            kind: 'report',
            summary: 'customers report checkout errors',
            signals: ['symptom', 'detect'],
          },
        ],
        refs: [['REPORT-0']],
      },
      {
        // No line says how the team learned of it: the first sign of them at work stands for it.
        events: SEEN_AT_WORK,
        refs: [['ACTION-9']],
      },
    ],
  },
};
