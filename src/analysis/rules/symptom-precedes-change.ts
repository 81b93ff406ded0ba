import { type Rule, refsOf } from './rule.js';

/** Written from the suspects' evidence against them, so the finding and the ranking agree. */
export const symptomPrecedesChange: Rule = {
  id: 'symptom-precedes-change',
  description: 'A symptom came before a suspected change: the change cannot have started the incident alone.',
  kind: 'course',
  check(ctx) {
    return ctx.suspects.flatMap((s) => {
      const against = s.against.find((a) => a.startsWith('symptom-precedes-change: '));
      if (!against) return [];
      const symptomRef = against.slice('symptom-precedes-change: '.length).split(' ')[0];
      return [
        {
          severity: 'medium' as const,
          statement: `A symptom came before ${s.ref}: ${against.slice('symptom-precedes-change: '.length)}. The change may have worsened the incident but cannot have started it alone.`,
          evidenceRefs: [symptomRef, s.ref],
        },
      ];
    });
  },
  followUp(ctx) {
    return [
      {
        action: `Confirm what started the incident: ${ctx.findings.map((f) => `${f.evidenceRefs[0]} came before ${f.evidenceRefs[1]}`).join('; ')}.`,
        type: 'process',
        ownerRole: 'incident commander',
        priority: 'medium',
        evidenceRefs: refsOf(ctx.findings),
      },
    ];
  },
  examples: {
    ok: [
      {
        events: [
          { at: 0, kind: 'change', summary: 'Deploy api v2', ref: 'DEP-1' },
          { at: 3, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
        ],
      },
    ],
    notOk: [
      {
        events: [
          { at: 0, kind: 'alert', summary: 'latency spike on api', signals: ['symptom', 'detect'] },
          { at: 2, kind: 'change', summary: 'Deploy api v2', ref: 'DEP-1' },
          { at: 5, kind: 'alert', summary: 'High error rate on api', signals: ['symptom'] },
          { at: 22, kind: 'rollback', summary: 'Rollback api to v1', signals: ['mitigation'] },
          { at: 24, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
        ],
        refs: [['ALERT-0', 'DEP-1']],
      },
    ],
  },
};
