import type { Event } from '../../model/index.js';
import { symptomsAfter } from '../moments.js';
import type { NarrativeContext } from './context.js';

/** Symptoms this long after a mitigation mean it did not take: the time a rollout needs to settle. */
export const SETTLE_MS = 5 * 60_000;

/** What a responder did outranks what was said about it: a rollback over the message announcing it. */
const ACTS = ['rollback', 'change', 'action'];
const rank = (e: Event) => {
  const i = ACTS.indexOf(e.kind);
  return i < 0 ? ACTS.length : i;
};

export interface Mitigation {
  /** The act itself: the most direct record of the attempt. */
  event: Event;
  /** Every record of the attempt (the deploy, the message announcing it, the note after it). */
  records: Event[];
  /**
   * What shows it did not end the impact: a record of the attempt saying it failed ("Rollback fails
   * due to ArgoCD configuration issues"), else a symptom seen after it had time to settle and before
   * the next attempt.
   */
  failedBy: Event | null;
  /** `failedBy` is the attempt's own record saying it failed, not a symptom after it. */
  saidToFail: boolean;
}

/** An attempt said to fail in its records, in words: the record that says so, when it is not the attempt's own. */
export const saidFailed = (m: Mitigation) =>
  `its record says it failed${m.failedBy && m.failedBy !== m.event ? ` (${m.failedBy.ref})` : ''}`;

/**
 * An attempt told as failed: "Rollback fails due to …", "the restart did not help", "failover
 * attempted, unsuccessfully"; not a failed thing acted on ("Restarted the failed pods").
 */
const FAILED =
  /\b(?:(?:fails|failed)(?=\s{0,3}(?:due\b|because\b|with\b|again\b|[.,;:)]|$))|unsuccessful(?:ly)?|(?:did\s{1,3}not|didn't|does\s{1,3}not|doesn't)\s{1,3}(?:help|work|succeed|resolve|fix)|to\s{1,3}no\s{1,3}avail|without\s{1,3}success)/i;

/** Two acts one record lists one after the other (a document's timeline, a tool's log) are two attempts. */
const distinctActs = (a: Event, b: Event) =>
  a.source.file === b.source.file && ACTS.includes(a.kind) && ACTS.includes(b.kind);

/**
 * Records of mitigation close together are one attempt, told by the tool and by people: the deploy
 * tool's rollback and the message announcing it, not "Fix committed to revert …" and "Pipeline
 * re-triggered" written one under the other.
 */
function attempts(tried: Event[]): Event[][] {
  const out: Event[][] = [];
  for (const e of tried) {
    const last = out.at(-1);
    if (last && e.ts - last[0].ts <= SETTLE_MS && !last.some((r) => distinctActs(r, e))) last.push(e);
    else out.push([e]);
  }
  return out;
}

/** The mitigations tried after impact began, one per attempt, each with the symptom that shows it failed. */
export function mitigationsTried(ctx: NarrativeContext): Mitigation[] {
  const start = ctx.moments.impactStart?.ts ?? ctx.moments.detected?.ts ?? null;
  const tried = ctx.events.filter(
    (e) => e.signals.includes('mitigation') && (start == null || e.ts >= start),
  );
  const recovered = ctx.moments.recovered?.ts ?? Number.POSITIVE_INFINITY;
  const groups = attempts(tried);
  return groups.map((records, i) => {
    const event = [...records].sort((a, b) => rank(a) - rank(b))[0];
    const first = records[0].ts;
    // Each attempt has until the next one; the last has until recovery, or the end of the evidence.
    const until = groups[i + 1]?.[0].ts ?? Number.POSITIVE_INFINITY;
    const said = records.find((r) => FAILED.test(r.summary)) ?? null;
    const failedBy =
      said ??
      symptomsAfter(ctx.events, first + SETTLE_MS).find((s) => s.ts < until && s.ts < recovered) ??
      null;
    return { event, records, failedBy, saidToFail: said !== null };
  });
}

/** Attempts this close follow one another as steps of one effort; a longer pause starts another. */
export const RUN_GAP_MS = 30 * 60_000;

/**
 * The mitigation that ended the impact: of the attempts before recovery that symptoms did not
 * outlast, the first of the last run of steps ("rollback initiated" rather than "rollback
 * completed"); an attempt days before the one that worked is not its start.
 */
export function endingMitigation(ctx: NarrativeContext): Mitigation | null {
  const recovered = ctx.moments.recovered;
  if (!recovered) return null;
  const before = mitigationsTried(ctx).filter((m) => m.records[0].ts <= recovered.ts);
  let first: Mitigation | null = null;
  for (const m of before.reverse()) {
    if (m.failedBy) break;
    if (first && first.records[0].ts - m.records.at(-1)!.ts > RUN_GAP_MS) break;
    first = m;
  }
  return first;
}
