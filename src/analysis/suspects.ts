import type { Event, Suspect } from '../model/index.js';
import { namesWord } from '../text/regexp.js';
import { changeFacts } from '../timeline/index.js';
import { clock, firstAtOrAfter, span, withSignal } from './course.js';

const MINUTE = 60_000;
const LOOKBACK = 7 * 24 * 60 * MINUTE;
/** Below this, no change is named as the trigger: say so instead of blaming the nearest deploy. */
export const CONVINCING = 0.5;

export interface SuspectContext {
  events: Event[];
  impactStart: Event | null;
  recovered: Event | null;
  affected: Set<string>;
}

function proximity(gap: number): [number, string] {
  if (gap <= 5 * MINUTE) return [0.35, 'within 5 min'];
  if (gap <= 15 * MINUTE) return [0.3, 'within 15 min'];
  if (gap <= 60 * MINUTE) return [0.2, 'within the hour'];
  if (gap <= 6 * 60 * MINUTE) return [0.1, 'within 6 h'];
  return [0, 'more than 6 h'];
}

/** The mitigation that undid this change: it names the change, its version or service, or it is the only change. */
function undoneBy(change: Event, ctx: SuspectContext, onlyChange: boolean): Event | null {
  const version = changeFacts(change.summary, change.attrs).version;
  const undos = withSignal(ctx.events, 'mitigation').filter((m) => {
    if (m.ts < change.ts || !/roll|revert|undo|restor|previous|reinstat/i.test(m.summary)) return false;
    const text = [m.summary, ...m.details].join(' ');
    if (change.ownRef && namesWord(text, change.ref)) return true;
    if (version && namesWord(text, version)) return true;
    if (change.service && (m.service === change.service || namesWord(text, change.service))) return true;
    return onlyChange;
  });
  return firstAtOrAfter(undos, change.ts);
}

function assess(change: Event, ctx: SuspectContext, onlyChange: boolean): Suspect | null {
  const symptoms = withSignal(ctx.events, 'symptom');
  const after = symptoms.find((s) => s.ts >= change.ts);
  if (!after) return null;
  const reasons: string[] = [];
  const against: string[] = [];
  let score = 0.25;
  const [bonus, phrase] = proximity(after.ts - change.ts);
  score += bonus;
  reasons.push(
    `preceded the first symptom after it (${after.ref}) by ${span(after.ts - change.ts)} (${phrase})`,
  );
  if (change.service && ctx.affected.has(change.service)) {
    score += 0.15;
    reasons.push(`changed ${change.service}, the affected service`);
  } else if (change.service) {
    score -= 0.1;
    against.push(`changed ${change.service}, which showed no symptoms`);
  } else if (ctx.affected.size === 1) {
    score += 0.05;
    reasons.push(`names no service; the incident concerns only ${[...ctx.affected][0]}`);
  }
  const undo = undoneBy(change, ctx, onlyChange);
  const cure = undo && ctx.recovered && ctx.recovered.ts >= undo.ts ? ctx.recovered : null;
  if (undo && cure) {
    score += 0.25;
    reasons.push(
      `symptoms ended (${cure.ref}, ${clock(cure.ts)}) after it was rolled back (${undo.ref}, ${clock(undo.ts)})`,
    );
  }
  const newLogs = ctx.events.filter(
    (e) => e.kind === 'log' && e.attrs.new === true && e.ts >= change.ts && e.ts - change.ts <= 30 * MINUTE,
  );
  if (newLogs.length) {
    score += 0.1;
    reasons.push(`new log templates appeared after it (${newLogs.map((e) => e.ref).join(', ')})`);
  }
  const before = symptoms.filter((s) => s.ts < change.ts && ctx.impactStart && s.ts >= ctx.impactStart.ts);
  if (before.length) {
    score -= 0.3;
    against.push(
      `symptom-precedes-change: ${before[0].ref} (${clock(before[0].ts)}) "${before[0].summary}" came ${span(change.ts - before[0].ts)} before it`,
    );
  }
  const confidence = Math.round(Math.min(0.95, Math.max(0.05, score)) * 100) / 100;
  return { ref: change.ref, service: change.service, summary: change.summary, confidence, reasons, against };
}

/** Ranks the changes that could have caused the incident, best first, with reasons for and against. */
export function rankSuspects(ctx: SuspectContext): Suspect[] {
  if (!ctx.impactStart) return [];
  const start = ctx.impactStart.ts;
  const end = ctx.recovered?.ts ?? Number.POSITIVE_INFINITY;
  const changes = ctx.events.filter(
    (e) => e.kind === 'change' && !e.signals.includes('mitigation') && e.ts >= start - LOOKBACK && e.ts < end,
  );
  return changes
    .map((c) => assess(c, ctx, changes.length === 1))
    .filter((s): s is Suspect => s !== null)
    .sort((a, b) => b.confidence - a.confidence);
}
