import { type Rule, refsOf, serviceOf } from './rule.js';

const AUTOMATED = new Set(['alert', 'page', 'health', 'metric']);

export const noAlertFired: Rule = {
  id: 'no-alert-fired',
  description: 'People detected the incident: no alert, page, probe or metric did.',
  kind: 'response',
  check(ctx) {
    const { detected } = ctx.moments;
    if (!detected) return [];
    const automated = ctx.events.some((e) => AUTOMATED.has(e.kind) && e.signals.includes('detect'));
    if (automated) return [];
    return [
      {
        severity: 'high',
        statement: `No alert fired: the incident was detected by people (${detected.ref}: "${detected.summary}").`,
        evidenceRefs: [detected.ref],
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
    ],
  },
};
