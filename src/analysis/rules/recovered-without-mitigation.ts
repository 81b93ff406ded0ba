import type { Rule } from './rule.js';

export const recoveredWithoutMitigation: Rule = {
  id: 'recovered-without-mitigation',
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
};
