import type { Event } from '../model/index.js';
import { sameOccurrence } from './correlate.js';

const STOP = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'that',
  'this',
  'was',
  'were',
  'has',
  'have',
  'began',
  'started',
]);
const tokens = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9.#-]+/)
      .map((t) => t.replace(/^[.-]+|[.-]+$/g, ''))
      .filter((t) => t.length >= 3 && !STOP.has(t)),
  );

function sameMoment(a: Event, b: Event, groups: Map<Event, string | undefined>): boolean {
  if (a.ts !== b.ts || a.kind !== b.kind) return false;
  // Two log templates are two things, though their entries share words ("log template … once at").
  if (typeof a.attrs.template === 'string' && typeof b.attrs.template === 'string')
    return a.attrs.template === b.attrs.template && a.service === b.service;
  const ga = groups.get(a);
  if (ga && ga === groups.get(b)) return false;
  if (a.ownRef && b.ownRef && a.ref !== b.ref) return false;
  if (a.ownRef && b.ownRef && a.ref === b.ref) return true;
  const ta = tokens(a.summary);
  for (const t of tokens(b.summary)) if (ta.has(t)) return true;
  return false;
}

/** The first record's attributes win; lists that both records hold (status transitions) are joined. */
function mergeAttrs(kept: Record<string, unknown>, other: Record<string, unknown>): Record<string, unknown> {
  const out = { ...other, ...kept };
  for (const [k, v] of Object.entries(other)) {
    const mine = kept[k];
    if (Array.isArray(mine) && Array.isArray(v)) {
      const seen = new Set(mine.map((x) => JSON.stringify(x)));
      out[k] = [...mine, ...v.filter((x) => !seen.has(JSON.stringify(x)))];
    }
  }
  // One record of the moment that is news (the alert a page notified of) makes the entry news.
  if (kept.routine !== true || other.routine !== true) delete out.routine;
  return out;
}

/**
 * Merges entries that record the same moment twice: a summary table and a detailed timeline (same
 * time, same kind, overlapping words, different lists), or one occurrence seen by two tools.
 */
export function dedupe(events: Event[], groups: Map<Event, string | undefined>): Event[] {
  const out: Event[] = [];
  for (const event of events) {
    const twin = out.find((kept) => sameMoment(kept, event, groups) || sameOccurrence(kept, event));
    const retold = twin !== undefined && sameMoment(twin, event, groups);
    if (!twin) {
      out.push(event);
      continue;
    }
    twin.sources.push(...event.sources);
    // Two lists retelling one moment: the fuller wording leads. Two tools: the first record leads.
    const [lead, other] =
      retold && event.summary.length > twin.summary.length
        ? [event.summary, twin.summary]
        : [twin.summary, event.summary];
    twin.summary = lead;
    if (!lead.toLowerCase().includes(other.toLowerCase()) && !twin.details.includes(other))
      twin.details.unshift(other);
    for (const d of event.details) if (!twin.details.includes(d)) twin.details.push(d);
    twin.attrs = mergeAttrs(twin.attrs, event.attrs);
    for (const s of event.signals) if (!twin.signals.includes(s)) twin.signals.push(s);
    if (!twin.service && event.service) twin.service = event.service;
  }
  return out;
}
