import { alertIfUncaught, cite, refsSeen, type Signature, sightings } from './mechanism-evidence.js';
import { type FollowUpDraft, type Rule, refsOf, serviceOf } from './rule.js';

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
    const seen = sightings(ctx, SATURATION);
    if (!seen.length) return [];
    const service = serviceOf(ctx, refsSeen(seen));
    return [
      {
        severity: 'medium',
        statement: `${service} ran out of headroom: a resource was saturated (${cite(seen)}).`,
        evidenceRefs: refsSeen(seen),
      },
    ];
  },
  followUp(ctx) {
    const refs = refsOf(ctx.findings);
    const service = serviceOf(ctx, refs);
    const out: FollowUpDraft[] = [
      {
        action: `Give ${service} headroom on the saturated resource: raise its limit or scale out automatically before it saturates, and load-test the new limit.`,
        type: 'mitigate',
        ownerRole: 'service owner',
        priority: 'high',
        evidenceRefs: refs,
      },
    ];
    return [
      ...out,
      ...alertIfUncaught(
        ctx,
        SATURATION,
        `Alert on ${service}'s saturation before it reaches the limit: no alert in the evidence caught it.`,
        refs,
      ),
    ];
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
