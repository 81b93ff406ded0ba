import type { Signature } from './mechanism-evidence.js';
import { mechanismFinding, mechanismFollowUps } from './mechanism-rule.js';
import type { Rule } from './rule.js';

/** A resource at its limit: saturation series, Kubernetes' pressure and eviction reasons, the words. */
export const SATURATION: Signature = {
  reasons: [
    'Evicted',
    'EvictionThresholdMet',
    'NodeHasDiskPressure',
    'NodeHasMemoryPressure',
    'NodeHasPIDPressure',
  ],
  measures: ['saturation'],
  words:
    /\bcpu (?:throttl\w{0,6}|saturat\w{0,5}|at 100 ?%|pegged|maxed)|\bthrottl(?:ed|ing)\b|\bdisk (?:is )?(?:full|pressure)\b|\bno space left on device\b|\b(?:queue|backlog) (?:is )?(?:full|saturated|overflow\w{0,3})\b|\bsaturat(?:ed|ion)\b|\binsufficient (?:cpu|memory)\b|\b(?:memory|disk|pid) pressure\b/i,
};

export const saturation: Rule = {
  id: 'saturation',
  description:
    'A resource ran at its limit: CPU throttling, a full disk or queue, a saturation metric, evictions.',
  kind: 'mechanism',
  check(ctx) {
    return mechanismFinding(
      ctx,
      SATURATION,
      (service, cited) => `${service} ran out of headroom: a resource was saturated (${cited}).`,
    );
  },
  followUp(ctx) {
    return mechanismFollowUps(ctx, SATURATION, {
      type: 'mitigate',
      fix: (service) =>
        `Give ${service} headroom on the saturated resource: raise its limit or scale out automatically before it saturates, and load-test the new limit.`,
      alert: (service) =>
        `Alert on ${service}'s saturation before it reaches the limit: no alert in the evidence caught it.`,
    });
  },
  examples: {
    ok: [
      {
        events: [
          { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          {
            at: 20,
            kind: 'metric',
            summary: 'CPU saturation back to baseline',
            signals: ['recovery'],
            attrs: { measure: 'saturation', phase: 'recovered' },
          },
        ],
      },
    ],
    notOk: [
      {
        events: [
          {
            at: 0,
            kind: 'metric',
            summary: 'CPU usage left its baseline: 98 %',
            signals: ['symptom'],
            attrs: { measure: 'saturation', phase: 'onset' },
          },
          { at: 3, kind: 'log', summary: 'write failed: no space left on device', signals: ['symptom'] },
          { at: 20, kind: 'metric', summary: 'Error rate back to baseline', signals: ['recovery'] },
        ],
        refs: [['METRIC-0', 'LOG-3']],
      },
    ],
  },
};
