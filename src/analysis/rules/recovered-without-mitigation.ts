import { type Rule, refsOf, serviceOf } from './rule.js';

/**
 * Responders' acts that changed the system ("Increased the pool to 50", "Restarted the workers"):
 * one of them before the recovery may be what ended the impact, though its words did not say so,
 * so the evidence does not show a recovery with nothing done.
 */
const RESPONDING = new Set(['action', 'rollback']);

export const recoveredWithoutMitigation: Rule = {
  id: 'recovered-without-mitigation',
  description: 'The service recovered with no mitigation recorded before it: the cause may still be present.',
  kind: 'course',
  check(ctx) {
    const { recovered, mitigationStarted } = ctx.moments;
    if (!recovered || (mitigationStarted && mitigationStarted.ts <= recovered.ts)) return [];
    const start = ctx.moments.impactStart?.ts ?? ctx.moments.detected?.ts ?? -Infinity;
    if (
      ctx.events.some(
        (e) =>
          RESPONDING.has(e.kind) && e.signals.includes('change') && e.ts >= start && e.ts <= recovered.ts,
      )
    )
      return [];
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
      {
        events: [
          { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 6, kind: 'action', summary: 'Raised the connection pool to 50', signals: ['change'] },
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
      {
        // Looking into it changed nothing: the recovery still came with nothing done.
        events: [
          { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 4, kind: 'action', summary: 'Checked the api dashboards', signals: ['ack'] },
          { at: 9, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
        ],
        refs: [['ALERT_RESOLVED-9']],
      },
    ],
  },
};
