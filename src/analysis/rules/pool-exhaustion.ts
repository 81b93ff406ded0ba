import { alertIfUncaught, cite, refsSeen, type Signature, sightings } from './mechanism-evidence.js';
import { type FollowUpDraft, type Rule, refsOf, serviceOf } from './rule.js';

/**
 * A pool with nothing left to lend: the messages of common pools (HikariCP, database servers,
 * client libraries) and their plain words, as a person writes them too ("Connection pool exhaustion
 * found in the pod metrics", "the pods ran out of connections"). The words between "pool" and its
 * state are bounded.
 */
export const POOL_EXHAUSTION: Signature = {
  words:
    /\bpool\b[^.;]{0,40}?\b(?:exhausted|depleted|is full|timed? ?out)\b|\bpool\s{1,3}(?:exhaustion|starvation)\b|\b(?:ran|run|runs|running)\s{1,3}out\s{1,3}of\s{1,3}(?:(?:database|db|pooled|free|available)\s{1,3})?connections\b|\btoo many (?:connections|clients)\b|\bremaining connection slots\b|\bconnection is not available\b|\b(?:could not|cannot|unable to) (?:get|obtain|acquire) (?:a )?(?:jdbc |database |db )?connection\b|\btimeout waiting for (?:a )?(?:connection|idle object)\b/i,
};

/** The pool's name, when the line gives it as `pool=NAME` or `pool: NAME`. */
const NAMED = /\bpool\s?[=:]\s?["']?([\w.-]{1,60})/i;

export const poolExhaustion: Rule = {
  id: 'pool-exhaustion',
  description: 'A connection or worker pool ran out: requests waited for a connection and failed.',
  kind: 'mechanism',
  check(ctx) {
    const seen = sightings(ctx, POOL_EXHAUSTION);
    if (!seen.length) return [];
    const service = serviceOf(ctx, refsSeen(seen));
    const pool = seen.map((s) => NAMED.exec(s.text)?.[1]).find((n) => !!n);
    return [
      {
        severity: 'medium',
        statement: `${service} exhausted its ${pool ? `${pool} ` : ''}connection pool: requests waited for a connection and failed (${cite(seen)}).`,
        evidenceRefs: refsSeen(seen),
      },
    ];
  },
  followUp(ctx) {
    const refs = refsOf(ctx.findings);
    const service = serviceOf(ctx, refs);
    const pool = ctx.findings[0]?.statement.match(/its (\S+) connection pool/)?.[1];
    const trigger = ctx.moments.trigger;
    // When the change that triggered it altered pool settings, that is where to look first.
    const changedPool = trigger && /\bpool|connection/i.test(trigger.summary) ? trigger : null;
    const out: FollowUpDraft[] = [
      {
        action: `Size ${service}'s ${pool ? `${pool} ` : ''}connection pool for peak load and set an acquire timeout, so requests fail fast instead of queueing${changedPool ? `; review the pool settings ${changedPool.ref} changed` : ''}.`,
        type: 'prevent',
        ownerRole: 'service owner',
        priority: 'high',
        evidenceRefs: [...refs, ...(changedPool ? [changedPool.ref] : [])],
      },
    ];
    return [
      ...out,
      ...alertIfUncaught(
        ctx,
        POOL_EXHAUSTION,
        `Alert on ${pool ? `${pool} ` : ''}pool waits and exhaustion in ${service}: no alert in the evidence caught them.`,
        refs,
      ),
    ];
  },
  examples: {
    ok: [
      {
        events: [
          { at: -1, kind: 'change', summary: 'Deploy api 2.1 (orders-db pool settings)' },
          { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 20, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
        ],
      },
    ],
    notOk: [
      {
        events: [
          {
            at: 0,
            kind: 'log',
            summary:
              'New error log template in api: "Connection pool exhausted after <*> ms (pool=orders-db)"',
            signals: ['symptom'],
          },
          {
            at: 1,
            kind: 'log',
            summary: 'HikariPool-1 - Connection is not available, request timed out after 30000ms',
            signals: ['symptom'],
          },
          { at: 20, kind: 'metric', summary: 'Error rate back to baseline', signals: ['recovery'] },
        ],
        refs: [['LOG-0', 'LOG-1']],
      },
    ],
  },
};
