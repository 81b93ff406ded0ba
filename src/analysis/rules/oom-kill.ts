import { alertIfUncaught, cite, refsSeen, type Signature, sightings } from './mechanism-evidence.js';
import { type FollowUpDraft, type Rule, refsOf, serviceOf } from './rule.js';

/** A container killed for its memory: the kubelet's and kernel's reasons, the runtime's exit code, the words. */
export const OOM_KILL: Signature = {
  reasons: ['OOMKilled', 'OOMKilling', 'SystemOOM'],
  words:
    /oom[-_ ]?kill\w{0,3}|\bout of memory\b|outofmemory\w{0,5}|\bexit code 137\b|\bmemory limit (?:exceeded|reached)\b|\bcannot allocate memory\b/i,
};
/** Memory that grew until it ran out: said alongside the kills, it points at a leak. */
const GROWTH: Signature = {
  words:
    /\bmemory (?:leak\w{0,3}|growth|grew|grows|growing|bloat)\b|\bleak\w{0,3} memory\b|\bheap (?:growth|grew)\b/i,
};
const RESTARTS: Signature = { words: /crash ?loop\w{0,7}|\brestart\w{0,3}\b|\boom/i };

export const oomKill: Rule = {
  id: 'oom-kill',
  description: 'Containers were killed for exceeding their memory (OOMKilled, exit code 137, out of memory).',
  kind: 'mechanism',
  check(ctx) {
    const kills = sightings(ctx, OOM_KILL);
    if (!kills.length) return [];
    const growth = sightings(ctx, GROWTH).filter((g) => !kills.some((k) => k.event === g.event));
    const service = serviceOf(ctx, refsSeen(kills));
    return [
      {
        severity: 'medium',
        statement: `${service} ran out of memory: its containers were OOM-killed (${cite(kills)}).${growth.length ? ` Memory growth was noted: ${cite(growth, 1)}.` : ''}`,
        evidenceRefs: refsSeen([...kills, ...growth]),
      },
    ];
  },
  followUp(ctx) {
    const refs = refsOf(ctx.findings);
    const service = serviceOf(ctx, refs);
    const trigger = ctx.moments.trigger;
    const out: FollowUpDraft[] = [
      {
        action: `Fix the memory growth that got ${service} OOM-killed${trigger ? ` after ${trigger.ref}` : ''}, and set its memory limit from the peak measured under production load (a load or soak test of the release).`,
        type: 'prevent',
        ownerRole: 'service owner',
        priority: 'high',
        evidenceRefs: [...refs, ...(trigger ? [trigger.ref] : [])],
      },
    ];
    return [
      ...out,
      ...alertIfUncaught(
        ctx,
        RESTARTS,
        `Alert on OOM kills and container restarts of ${service}: no alert in the evidence caught them.`,
        refs,
      ),
    ];
  },
  examples: {
    ok: [
      {
        events: [
          { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 5, kind: 'chat', summary: 'not an OOM kill, memory is flat', service: null },
          { at: 6, kind: 'chat', summary: 'could this be OOMKilled?', service: null },
          { at: 20, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
        ],
      },
    ],
    notOk: [
      {
        events: [
          {
            at: 0,
            kind: 'health',
            summary: 'Pod/api-1 OOMKilling',
            signals: ['symptom'],
            attrs: { reason: 'OOMKilling' },
          },
          { at: 2, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 8, kind: 'note', summary: 'memory growth in the new client', service: null },
          { at: 20, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
        ],
        refs: [['HEALTH-0', 'NOTE-8']],
      },
      {
        events: [
          { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 4, kind: 'report', summary: 'api pods keep getting OOMKilled', service: null },
          { at: 20, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
        ],
        refs: [['REPORT-4']],
      },
    ],
  },
};
