import { isNumberWord } from '../../text/number-words.js';
import { parseTime } from '../../time/index.js';

/** How a figure is qualified: "about 2 hours", "over 7 hours", "under a minute"; null when plain. */
export type Qualifier = 'about' | 'at least' | 'at most' | null;

export interface StatedDuration {
  seconds: number;
  /** What the figure is called, lower case: "time to detection", "lasted"; null for a span of times of day. */
  name: string | null;
  qualifier: Qualifier;
  /** Seconds of the finest unit written ("1 hour 48 minutes" → 60): how far the author rounded. */
  unit: number;
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
// A unit may run straight into the next amount ("2h52m"), never into a letter ("5 ms").
const AMOUNT = String.raw`(\d{1,6}(?:\.\d{1,3})?)\s*(days?|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])`;
const COMPOUND = new RegExp(`${AMOUNT}(?:,?\\s*(?:and\\s+)?${AMOUNT})?`, 'i');
/** Names that call an amount a figure of the incident wherever they stand: "time to recovery", "TTD". */
const FIGURE = String.raw`(?:total\s+)?time\s+(?:to|until|before)\s+[a-z]{2,20}|m?tt[adrm]|[a-z]{2,20}\s+delay`;
const QUALIFIER = String.raw`~|about|approximately|approx\.?|around|roughly|nearly|almost|over|just over|more than|under|less than|up to`;
/**
 * Words that make an amount the incident's length or one of its figures; a bare "for" counts only
 * after an outage word. Matched against the few words before the amount.
 */
const LEAD = new RegExp(
  String.raw`(?:\b(${FIGURE}|lasted|lasting|lasts|duration|downtime|outage of|a period of|total|(?:resolved|fixed|restored|recovered|mitigated)\s+(?:in|after|within)|(?:recovery|resolution|mitigation)\s+took)\b|\b(down|unavailable|degraded|impacted|affected|disrupted|offline|outage|broken|halted|stalled|unusable|inaccessible|unreachable|unnoticed|undetected)\b[^.\n\d]{0,30}\bfor\b)[^.\n\d]{0,30}?(?:(${QUALIFIER})\s*)?$`,
  'i',
);
/** An amount that goes on past the end of the text: "7 hours and 10" with its unit on the next line. */
const CUT_SHORT = /^,?\s{1,3}and\s{1,3}(\d{1,6}|[a-z-]{3,13})\s{0,3}$/i;
const cutShort = (after: string) => {
  const m = CUT_SHORT.exec(after);
  return m !== null && (/^\d/.test(m[1]) || isNumberWord(m[1]));
};
/** "… 40 minutes before we noticed": an amount the problem went on before anyone knew of it. */
const BEFORE_NOTICED =
  /^\s{0,3}(?:later\s{1,3})?before\s{1,3}(?:we|anyone|someone|the\s{1,3}team|it\s{1,3}was)\s{1,3}(?:[a-z]{1,12}\s{1,3})?(?:noticed|realized|realised|detected|spotted|discovered)\b/i;
/** "Time to detection: 8 minutes", "**Duration:** 31 minutes", "TTR - 25 min": a named figure on its own line. */
const LABELLED =
  /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?([A-Za-z][A-Za-z ()/'-]{0,60}?)\s*(?::|\s-|\s–)\s*(.{1,300})$/;
const FIGURE_NAME = new RegExp(
  String.raw`^(?:${FIGURE}|(?:[a-z]+\s+){0,3}(?:duration|downtime|outage length|length of (?:the )?outage)|lasted)\b`,
  'i',
);
/** "MTTR: 01:00", "Time to detect: 2:52:10": a figure's length written as hours and minutes, alone. */
const CLOCK_LENGTH = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?\s*$/;
const VALUE = new RegExp(`^(?:(${QUALIFIER})\\s*)?${COMPOUND.source}`, 'i');
const IN_BRACKETS = new RegExp(`\\(\\s*(?:(${QUALIFIER})\\s*)?${COMPOUND.source}\\s*\\)`, 'i');
/**
 * "a 45-minute outage", "a 62-minute detection delay", "02h 37min of outage": the amount written
 * before what it measures, in one unit or two.
 */
const BEFORE_NAME =
  /\b(?:(\d{1,6})\s{0,2}(days?|hours?|hrs?|h)\s{0,2}(?:and\s{1,3})?)?(\d{1,6})(?:[- ]|(?=[a-z]))(days?|hours?|hrs?|minutes?|mins?|seconds?|secs?)\s+(?:of\s+(?:total\s+)?)?(outage|downtime|disruption|degradation|[a-z]{2,20}\s+delay)\b/gi;
const RANGE =
  /\b(?:from|between)\s+(\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)\s*(?:[A-Z]{2,4})?\s+(?:to|and|until|-|–)\s+(\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)/;

/** "Each flap was a 30-second outage", "every retry waited 5 minutes": one of many occurrences, not the incident. */
const EACH = /\b(?:each|every)\b[^.;\n]{0,40}$/i;
const ofEach = (text: string, index: number) => EACH.test(text.slice(Math.max(0, index - 50), index));
/**
 * "99.9% annual uptime corresponds to approx. 8 hours of downtime", "an error budget of 43 minutes
 * a month", "within SLA allowances (weekly downtime limit: 40 minutes)": what an availability
 * target or a limit allows over a period, not how long this incident lasted.
 */
const ALLOWANCE_BEFORE =
  /\b\d{1,3}(?:\.\d{1,4})?\s{0,2}%\s{0,2}(?:[a-z]{1,12}\s{1,2}){0,2}(?:uptime|availability|sla|slo)\b[^.;\n]{0,40}$|\berror\s{1,3}budget\b[^.;\n]{0,40}$|\b(?:sla|slo)s?\s{1,3}(?:allowances?|budgets?|limits?|targets?)\b[^.;\n]{0,40}$|\b(?:limit|allowance|budget|quota)\s{0,3}(?:of\s{1,3})?[:=]?\s{0,3}(?:~|about|approximately|approx|up\s{1,3}to)?\s{0,3}$/i;
const ALLOWANCE_AFTER =
  /^[^.;\n]{0,20}\b(?:per\s{1,3}(?:year|month|quarter|week|day)|a\s{1,3}(?:year|month|quarter|week)|annually|monthly|weekly)\b/i;
const anAllowance = (text: string, index: number, end: number) =>
  ALLOWANCE_BEFORE.test(text.slice(Math.max(0, index - 60), index).replace(/\b(approx|ca|est)\./gi, '$1')) ||
  ALLOWANCE_AFTER.test(text.slice(end, end + 40));

/** Total seconds and finest unit of an amount matched by COMPOUND, its groups starting at `from`. */
function amountOf(m: RegExpMatchArray, from: number): { seconds: number; unit: number } {
  let seconds = 0;
  let unit = Number.POSITIVE_INFINITY;
  for (const i of [from, from + 2]) {
    if (!m[i]) continue;
    const factor = UNIT_SECONDS.find(([re]) => re.test(m[i + 1]))?.[1] ?? 60;
    seconds += Number(m[i]) * factor;
    unit = Math.min(unit, m[i].includes('.') ? factor / 10 : factor);
  }
  return { seconds, unit };
}

function qualifierOf(word: string | undefined): Qualifier {
  if (!word) return null;
  const w = word.toLowerCase();
  if (/^(?:over|just over|more than)$/.test(w)) return 'at least';
  if (/^(?:nearly|almost|under|less than|up to)$/.test(w)) return 'at most';
  return 'about';
}

const nameOf = (words: string) => words.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Durations a text states about the incident: "lasted approximately 26 minutes", "Duration: 2
 * minutes", "1 hour and 48 minutes, from 16:58 to 18:46", "a 45-minute outage", "between 10:00 AM
 * and 11:30 AM".
 * @example statedDurations('The outage lasted 1 hour and 48 minutes.')[0].seconds // 6480
 */
export function statedDurations(text: string): StatedDuration[] {
  const found: StatedDuration[] = [];
  const amounts = new RegExp(COMPOUND.source, 'gi');
  for (const m of text.matchAll(amounts)) {
    // "seven hours and ten" at the end of a wrapped line: the amount goes on where the text stops.
    if (cutShort(text.slice(m.index! + m[0].length, m.index! + m[0].length + 16))) continue;
    if (ofEach(text, m.index!) || anAllowance(text, m.index!, m.index! + m[0].length)) continue;
    const lead = text.slice(Math.max(0, m.index! - 50), m.index).match(LEAD);
    if (!lead) {
      const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 60);
      if (BEFORE_NOTICED.test(after))
        found.push({
          ...amountOf(m, 1),
          name: 'time to detection',
          qualifier: null,
          text: m[0],
          index: m.index!,
        });
      continue;
    }
    const name = nameOf(lead[1] ?? `${lead[2]} for`);
    found.push({ ...amountOf(m, 1), name, qualifier: qualifierOf(lead[3]), text: m[0], index: m.index! });
  }
  for (const m of text.matchAll(BEFORE_NAME)) {
    if (ofEach(text, m.index!) || anAllowance(text, m.index!, m.index! + m[0].length)) continue;
    const factor = UNIT_SECONDS.find(([re]) => re.test(m[4]))![1];
    const larger = m[1] ? Number(m[1]) * UNIT_SECONDS.find(([re]) => re.test(m[2]))![1] : 0;
    const seconds = larger + Number(m[3]) * factor;
    found.push({ seconds, name: nameOf(m[5]), qualifier: null, unit: factor, text: m[0], index: m.index! });
  }
  const ranges = new RegExp(RANGE.source, 'g');
  for (const m of text.matchAll(ranges)) {
    const ctx = { date: '2000-01-01', zone: 'UTC' };
    const from = parseTime(m[1], ctx);
    const to = parseTime(m[2], ctx);
    if (!from.ok || !to.ok) continue;
    const span = (to.ms - from.ms + 86400_000) % 86400_000;
    if (span > 0)
      found.push({
        seconds: span / 1000,
        name: null,
        qualifier: null,
        unit: 60,
        text: m[0],
        index: m.index!,
      });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * A figure a line states under its own name, as Stats lists and fact tables do: "Time to
 * detection: 8 minutes", "| TTR | 25 min |", "Duration: 21:45 to 23:28 UTC (103 minutes)".
 * "N/A", "?" and template placeholders state nothing.
 * @example labelledDuration('- Time to recovery: 25 minutes')?.seconds // 1500
 */
export function labelledDuration(line: string): StatedDuration | null {
  const plain = line.replace(/\*\*|__|`/g, '');
  const cells = /^\s*\|/.test(plain)
    ? plain
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim())
    : null;
  const pairs: [string, string][] = cells
    ? cells.slice(0, -1).map((c, i) => [c, cells[i + 1]])
    : [plain.match(LABELLED)?.slice(1, 3) as [string, string]].filter(Boolean);
  for (const [label, value] of pairs) {
    const name = label.trim().replace(/\s*\([^)]*\)$/, '');
    if (!FIGURE_NAME.test(name)) continue;
    const text = `${label.trim()}: ${value.trim()}`;
    const clock = value.match(CLOCK_LENGTH);
    if (clock) {
      const [, h, min, sec] = clock;
      const seconds = Number(h) * 3600 + Number(min) * 60 + Number(sec ?? 0);
      return { seconds, name: nameOf(name), qualifier: null, unit: sec ? 1 : 60, text, index: 0 };
    }
    const m = value.match(VALUE) ?? value.match(IN_BRACKETS);
    if (!m) continue;
    return { ...amountOf(m, 2), name: nameOf(name), qualifier: qualifierOf(m[1]), text, index: 0 };
  }
  return null;
}

const NAMED_FIGURE = new RegExp(`^(?:${FIGURE}|unnoticed for|undetected for)$`, 'i');
/** True when a figure's name means something wherever it stands ("time to recovery", "TTD", "went unnoticed for"). */
export const isNamedFigure = (name: string) => NAMED_FIGURE.test(name);
