import { parseTime } from '../time/index.js';

export interface StatedDuration {
  seconds: number;
  /** The words that state it, as written. */
  text: string;
  /** Offset of those words in the text searched. */
  index: number;
}

const UNIT_SECONDS: [RegExp, number][] = [
  [/^d/i, 86400],
  [/^h/i, 3600],
  [/^m(?!s)/i, 60],
  [/^s/i, 1],
];
const AMOUNT = String.raw`(\d+(?:\.\d+)?)\s*(days?|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b`;
const COMPOUND = new RegExp(`${AMOUNT}(?:,?\\s*(?:and\\s+)?${AMOUNT})?`, 'i');
/** Words that make an amount the incident's length; a bare "for" counts only after an outage word. */
const LEAD =
  /(?:\b(?:lasted|lasting|lasts|duration|downtime|outage of|a period of|total)\b|\b(?:down|unavailable|degraded|impacted|affected|disrupted|offline|outage|broken)\b[^.\n\d]{0,30}\bfor\b)[^.\n\d]{0,30}?(?:~|about|approximately|approx\.?|around|roughly|nearly|almost|over|just over|under)?\s*$/i;
const RANGE =
  /\b(?:from|between)\s+(\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)\s*(?:[A-Z]{2,4})?\s+(?:to|and|until|-|–)\s+(\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)/;

function secondsOf(m: RegExpMatchArray): number {
  let total = 0;
  for (const [amount, unit] of [
    [m[1], m[2]],
    [m[3], m[4]],
  ]) {
    if (!amount) continue;
    const factor = UNIT_SECONDS.find(([re]) => re.test(unit))?.[1] ?? 60;
    total += Number(amount) * factor;
  }
  return total;
}

/**
 * Durations a text states about the incident: "lasted approximately 26 minutes", "Duration: 2
 * minutes", "1 hour and 48 minutes, from 16:58 to 18:46", "between 10:00 AM and 11:30 AM".
 * @example statedDurations('The outage lasted 1 hour and 48 minutes.')[0].seconds // 6480
 */
export function statedDurations(text: string): StatedDuration[] {
  const found: StatedDuration[] = [];
  const amounts = new RegExp(COMPOUND.source, 'gi');
  for (const m of text.matchAll(amounts)) {
    const before = text.slice(Math.max(0, m.index! - 50), m.index);
    if (LEAD.test(before)) found.push({ seconds: secondsOf(m), text: m[0], index: m.index! });
  }
  const ranges = new RegExp(RANGE.source, 'g');
  for (const m of text.matchAll(ranges)) {
    const ctx = { date: '2000-01-01', zone: 'UTC' };
    const from = parseTime(m[1], ctx);
    const to = parseTime(m[2], ctx);
    if (!from.ok || !to.ok) continue;
    const span = (to.ms - from.ms + 86400_000) % 86400_000;
    if (span > 0) found.push({ seconds: span / 1000, text: m[0], index: m.index! });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "1 h 48 min", as messages show a duration. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}
