import { type Rule, refsOf, serviceOf } from './rule.js';

export const recoveredWithoutMitigation: Rule = {
  id: 'recovered-without-mitigation',
  description: 'The service recovered with no mitigation recorded before it: the cause may still be present.',
  kind: 'course',
  check(ctx) {
    const { recovered, mitigationStarted } = ctx.moments;
    if (!recovered || (mitigationStarted && mitigationStarted.ts <= recovered.ts)) return [];
    return [
      {
        severity: 'medium',
        statement: `Service recovered (${recovered.ref}) with no recorded mitigation before it: the cause may still be present.`,
        evidenceRefs: [recovered.ref],
      },
    ];
  },
  followUp(ctx) {
    const refs = refsOf(ctx.findings);
    return [
      {
        action: `Find out why ${serviceOf(ctx, refs)} recovered with no recorded mitigation (${refs.join(', ')}), and whether the cause is still present.`,
        type: 'process',
        ownerRole: 'service owner',
        priority: 'high',
        evidenceRefs: refs,
      },
    ];
  },
  examples: {
    ok: [
      {
        events: [
          { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 5, kind: 'rollback', summary: 'Rollback api to v1', signals: ['mitigation'] },
          { at: 9, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
        ],
      },
    ],
    notOk: [
      {
        events: [
          { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 9, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
        ],
        refs: [['ALERT_RESOLVED-9']],
      },
    ],
  },
};
