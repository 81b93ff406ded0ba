import type { Event, Statement } from '../model/index.js';
import { fileLine } from '../text/file-line.js';
import { tellsOfTheProblem } from '../timeline/index.js';
import { type MomentEvents, symptomsAfter } from './moments.js';

type Window = Extract<Statement, { kind: 'window' }>;

const MINUTE = 60_000;

/** The moments a stated window placed, and where the document states each window (`postmortem.md:12`). */
export interface Bounded extends Pick<MomentEvents, 'impactStart' | 'recovered'> {
  cites: Partial<Record<'impactStart' | 'recovered', string>>;
}

const where = (s: Window) => fileLine(s.source);

/**
 * The timeline's entry written at `ts` to the minute, the first in the document's order: a window
 * stated to the minute (`13:17`) holds the entries of that minute (`13:17:44`), not those of the
 * minute before it (`13:16:07`). A story told in prose has its windows among its entries already,
 * each read with the rest.
 */
function entryAt(events: Event[], ts: number): Event | null {
  const inMinute = (e: Event) =>
    ts % MINUTE === 0 ? Math.floor(e.ts / MINUTE) === ts / MINUTE : Math.abs(e.ts - ts) < MINUTE;
  const at = events.filter((e) => inMinute(e) && !e.attrs.prose);
  return at.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0))[0] ?? null;
}

/**
 * Where the document's Summary states the problem's window ("On 2023-07-20 between 12:17 and 12:30
 * UTC all crate downloads were broken") and its timeline has an entry at the window's start or end,
 * that entry is where the impact began or ended, whatever its own words say: the writer bounded
 * the impact there, even after lines read as early signs. The start is taken only when it keeps
 * the incident's order (no later than detection; where no timeline entry stands at it, no later
 * than the first symptom recorded either), the end only after the impact began, where its entry
 * does not itself tell of the problem and no symptom is recorded after it. Several windows bound
 * the whole: the earliest start, the latest end.
 */
export function boundsFromWindows(
  m: Pick<MomentEvents, 'impactStart' | 'detected' | 'recovered'>,
  statements: Statement[],
  events: Event[],
): Bounded {
  // A window the Impact section states is the impact's, whatever words tell it.
  const windows = statements.filter(
    (s): s is Window => s.kind === 'window' && (s.impact === true || tellsOfTheProblem(s.text)),
  );
  const unchanged = { impactStart: m.impactStart, recovered: m.recovered, cites: {} };
  if (!windows.length) return unchanged;
  const opening = windows.reduce((a, b) => (b.start < a.start ? b : a));
  const closing = windows.reduce((a, b) => (b.end > a.end ? b : a));
  const first = opening.start;
  const last = closing.end;
  const began = entryAt(events, first);
  // The writer bounds the outage at a timeline entry of their own, over earlier lines read as its
  // first signs; a start that only the window states keeps the order recorded.
  const keepsOrder = (e: Event) =>
    (!m.detected || e.ts <= m.detected.ts) &&
    (!e.attrs.statedStart || !m.impactStart || e.ts <= m.impactStart.ts);
  const impactStart = began && keepsOrder(began) ? began : m.impactStart;
  const ended = entryAt(events, last);
  const recovered =
    ended &&
    (!impactStart || ended.ts > impactStart.ts) &&
    !ended.signals.includes('symptom') &&
    !symptomsAfter(events, ended.ts).length
      ? ended
      : m.recovered;
  return {
    impactStart,
    recovered,
    cites: {
      ...(impactStart !== m.impactStart ? { impactStart: where(opening) } : {}),
      ...(recovered !== m.recovered ? { recovered: where(closing) } : {}),
    },
  };
}
