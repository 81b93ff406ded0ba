import type { Signature } from './mechanism-evidence.js';
import { mechanismFinding, mechanismFollowUps } from './mechanism-rule.js';
import type { Rule } from './rule.js';

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
    return mechanismFinding(
      ctx,
      CRASH_LOOP,
      (service, cited) => `${service}'s containers kept exiting and restarting in a crash loop (${cited}).`,
    );
  },
  followUp(ctx) {
    // When the containers were OOM-killed, the memory follow-ups cover the restarts.
    if (ctx.all.some((f) => f.rule === 'oom-kill')) return [];
    return mechanismFollowUps(ctx, CRASH_LOOP, {
      type: 'prevent',
      fix: (service) =>
        `Find why ${service}'s containers exited (their termination reason and last log lines) and fix it; make the rollout stop when new containers restart.`,
      alert: (service) =>
        `Alert on container restarts of ${service}: no alert in the evidence caught the crash loop.`,
    });
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
