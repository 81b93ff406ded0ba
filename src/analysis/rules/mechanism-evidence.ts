import type { Event, Measure } from '../../model/index.js';
import { shorten } from '../../text/shorten.js';
import { clock } from '../course.js';
import type { FollowUpDraft, RuleContext } from './rule.js';

/** How a mechanism shows in evidence, by kind of evidence rather than by any one incident's words. */
export interface Signature {
  /** Kubernetes event reasons that are the mechanism (OOMKilling, Evicted). */
  reasons?: string[];
  /** Metric measures whose departure from baseline is the mechanism. */
  measures?: Measure[];
  /** The mechanism's own words, in a log template, an alert, a probe or a responder's line. */
  words?: RegExp;
}

export interface Sighting {
  event: Event;
  /** The words that matched, or the reason or measure. */
  seen: string;
  /** The line of the event that shows it: its summary, or the detail the words are in. */
  text: string;
}

/** Lines people wrote: a question or a denial there is not evidence of the mechanism. */
const SAID = new Set(['chat', 'report', 'note', 'ticket', 'action', 'ack']);
const DENIED = /\b(?:no|not|never|without|ruled? out|isn't|wasn't|aren't|weren't|unlikely|if)\b/i;
/** Changes describe what they alter, not what failed: "pool settings" is not an exhausted pool. */
const NOT_EVIDENCE = new Set(['change', 'rollback']);
const HOUR = 3_600_000;

/** The stretch of time a mechanism's evidence must fall in: around the impact, until the incident closed. */
function window(ctx: RuleContext): [number, number] {
  const { impactStart, trigger, recovered, closed } = ctx.moments;
  const start = Math.min(
    impactStart?.ts ?? Number.POSITIVE_INFINITY,
    trigger?.ts ?? Number.POSITIVE_INFINITY,
  );
  const end = Math.max(recovered?.ts ?? 0, closed?.ts ?? 0);
  return [
    Number.isFinite(start) ? start - 30 * 60_000 : Number.NEGATIVE_INFINITY,
    end ? end + HOUR : Number.POSITIVE_INFINITY,
  ];
}

/** Services whose evidence counts: the affected ones, lines of no service, and any line showing a symptom. */
function concerned(ctx: RuleContext): (e: Event) => boolean {
  const affected = new Set(ctx.manifest.services);
  if (ctx.moments.impactStart?.service) affected.add(ctx.moments.impactStart.service);
  return (e) =>
    !e.service || !ctx.manifest.services.length || affected.has(e.service) || e.signals.includes('symptom');
}

function wordsIn(e: Event, words: RegExp): { seen: string; text: string } | null {
  for (const text of [e.summary, ...e.details]) {
    const m = words.exec(text);
    if (!m) continue;
    if (SAID.has(e.kind)) {
      if (/\?\s*$/.test(text)) continue;
      if (DENIED.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    }
    return { seen: m[0], text };
  }
  return null;
}

/** What in one event shows the mechanism, or null. */
export function seenIn(e: Event, sig: Signature): { seen: string; text: string } | null {
  if (NOT_EVIDENCE.has(e.kind)) return null;
  const reason = typeof e.attrs.reason === 'string' ? e.attrs.reason : null;
  if (reason && sig.reasons?.includes(reason)) return { seen: reason, text: e.summary };
  const measure = e.attrs.measure as Measure | undefined;
  // A metric line is read by its measure and phase: its words are a series name.
  if (e.kind === 'metric')
    return measure && sig.measures?.includes(measure) && e.attrs.phase !== 'recovered'
      ? { seen: measure, text: e.summary }
      : null;
  return sig.words ? wordsIn(e, sig.words) : null;
}

/** The events of the incident that show a mechanism, in time order. */
export function sightings(ctx: RuleContext, sig: Signature): Sighting[] {
  const [from, to] = window(ctx);
  const counts = concerned(ctx);
  const out: Sighting[] = [];
  for (const event of ctx.events) {
    if (event.ts < from || event.ts > to || !counts(event)) continue;
    const seen = seenIn(event, sig);
    if (seen) out.push({ event, ...seen });
  }
  return out;
}

/** True when an alert or page of the incident names the mechanism: it was caught, not only suffered. */
const alerted = (ctx: RuleContext, sig: Signature) =>
  sightings(ctx, sig).some((s) => s.event.kind === 'alert' || s.event.kind === 'page');

/** The detect follow-up for a mechanism no alert caught: `action` when none did, nothing otherwise. */
export function alertIfUncaught(
  ctx: RuleContext,
  sig: Signature,
  action: string,
  evidenceRefs: string[],
): FollowUpDraft[] {
  if (alerted(ctx, sig)) return [];
  return [{ action, type: 'detect', ownerRole: 'observability', priority: 'medium', evidenceRefs }];
}

const gist = (text: string) => shorten(text, 100);

/** "REF (13:18 UTC) "…"", for at most `limit` sightings, machine records first, then what people said. */
export function cite(seen: Sighting[], limit = 3): string {
  const ordered = [
    ...seen.filter((s) => !SAID.has(s.event.kind)),
    ...seen.filter((s) => SAID.has(s.event.kind)),
  ];
  const shown = ordered.slice(0, limit).map((s) => `${s.event.ref} (${clock(s.event.ts)}) "${gist(s.text)}"`);
  const more = ordered.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** The refs of the sightings, once each. */
export const refsSeen = (seen: Sighting[]) => [...new Set(seen.map((s) => s.event.ref))];
