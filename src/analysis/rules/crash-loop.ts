import { alertIfUncaught, cite, refsSeen, type Signature, sightings } from './mechanism-evidence.js';
import { type FollowUpDraft, type Rule, refsOf, serviceOf } from './rule.js';

/** Containers that kept exiting and being restarted: Kubernetes' back-off on a failed container, the words. */
export const CRASH_LOOP: Signature = {
  reasons: ['CrashLoopBackOff'],
  words: /crash ?loop\w{0,7}|\bback-?off restarting failed container\b/i,
};

export const crashLoop: Rule = {
  id: 'crash-loop',
  description: 'Containers kept exiting and were restarted with back-off (CrashLoopBackOff).',
  kind: 'mechanism',
  check(ctx) {
    const seen = sightings(ctx, CRASH_LOOP);
    if (!seen.length) return [];
    const service = serviceOf(ctx, refsSeen(seen));
    return [
      {
        severity: 'medium',
        statement: `${service}'s containers kept exiting and restarting in a crash loop (${cite(seen)}).`,
        evidenceRefs: refsSeen(seen),
      },
    ];
  },
  followUp(ctx) {
    // When the containers were OOM-killed, the memory follow-ups cover the restarts.
    if (ctx.all.some((f) => f.rule === 'oom-kill')) return [];
    const refs = refsOf(ctx.findings);
    const service = serviceOf(ctx, refs);
    const out: FollowUpDraft[] = [
      {
        action: `Find why ${service}'s containers exited (their termination reason and last log lines) and fix it; make the rollout stop when new containers restart.`,
        type: 'prevent',
        ownerRole: 'service owner',
        priority: 'high',
        evidenceRefs: refs,
      },
    ];
    return [
      ...out,
      ...alertIfUncaught(
        ctx,
        CRASH_LOOP,
        `Alert on container restarts of ${service}: no alert in the evidence caught the crash loop.`,
        refs,
      ),
    ];
  },
  examples: {
    ok: [
      {
        events: [
          {
            at: 0,
            kind: 'health',
            summary: 'Pod/api-1 BackOff: Back-off pulling image "api:v2"',
            signals: ['symptom'],
            attrs: { reason: 'BackOff' },
          },
          { at: 20, kind: 'alert_resolved', summary: 'api healthy', signals: ['recovery'] },
        ],
      },
    ],
    notOk: [
      {
        events: [
          {
            at: 0,
            kind: 'health',
            summary: 'Pod/api-1 BackOff: Back-off restarting failed container api',
            signals: ['symptom'],
            attrs: { reason: 'BackOff' },
          },
          { at: 2, kind: 'alert', summary: 'KubePodCrashLooping api', signals: ['detect'] },
          { at: 20, kind: 'alert_resolved', summary: 'api healthy', signals: ['recovery'] },
        ],
        refs: [['HEALTH-0', 'ALERT-2']],
      },
    ],
  },
};
