import type { Rule } from './rule.js';

const AUTOMATED = new Set(['alert', 'page', 'health', 'metric']);

export const noAlertFired: Rule = {
  id: 'no-alert-fired',
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
};
