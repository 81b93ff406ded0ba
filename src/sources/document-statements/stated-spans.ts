import type { StatedDuration } from './stated-durations.js';

/** A point of an incident's course as a figure names it ("the first alert", "mitigation"); bounded. */
const POINT = String.raw`(?:(?:the\s)?(?:start|onset|beginning|end)\sof\s)?(?:the\s)?(?:first\s|initial\s)?(?:detection|detecting|discovery|alert(?:ing)?|pag(?:e|ing)|report|notice|acknowledge?ment|ack|response|responding|confirmation|triage|mitigation|mitigating|rollback|roll-back|revert|fix|resolution|resolving|recovery|restoration|remediation|declaration|closure|close|onset|impact|symptoms?|change|deploy(?:ment)?|release|trigger)`;
const AMOUNT = String.raw`(\d{1,6}(?:\.\d{1,3})?)\s?(days?|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b(?:,?\s(?:and\s)?(\d{1,6}(?:\.\d{1,3})?)\s?(minutes?|mins?|m|seconds?|secs?|s)\b)?`;
const QUALIFIER = String.raw`~|about|approximately|approx\.?|around|roughly`;
const BETWEEN = String.raw`(?:from\s(${POINT})\s(?:to|until|till)\s(${POINT})|between\s(${POINT})\sand\s(${POINT}))`;

/** "from confirmation to mitigation was 46 min", "Time from detection to recovery: 2 hours". */
const SPAN_FIRST = new RegExp(String.raw`\b${BETWEEN}\b[^.\n\d]{0,30}?(?:(${QUALIFIER})\s?)?${AMOUNT}`, 'gi');
/** "46 minutes from confirmation to mitigation", "it took about 2 hours between detection and recovery". */
const AMOUNT_FIRST = new RegExp(String.raw`(?:(${QUALIFIER})\s?)?${AMOUNT}\s${BETWEEN}\b`, 'gi');
/** "Detection to mitigation: 46 minutes", "| Alert to rollback | 12 min |": a span named on its own line. */
const LABELLED = new RegExp(
  String.raw`^\s*(?:[-*+|]\s{0,3}|\d{1,3}[.)]\s)?(?:time\s)?(?:from\s)?(${POINT})\s(?:to|until)\s(${POINT})\s{0,3}(?::|\||\s-|\s–)\s{0,3}(?:(${QUALIFIER})\s?)?${AMOUNT}`,
  'i',
);

const UNIT: [RegExp, number][] = [
  [/^d/i, 86400],
  [/^h/i, 3600],
  [/^m/i, 60],
  [/^s/i, 1],
];
const factor = (unit: string) => UNIT.find(([re]) => re.test(unit))?.[1] ?? 60;

function amount(m: RegExpMatchArray, at: number): { seconds: number; unit: number } {
  let seconds = Number(m[at]) * factor(m[at + 1]);
  let unit = factor(m[at + 1]);
  if (m[at + 2]) {
    seconds += Number(m[at + 2]) * factor(m[at + 3]);
    unit = factor(m[at + 3]);
  }
  return { seconds, unit };
}

const point = (words: string) =>
  words
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(?:the )?/, '')
    .trim();
const qualifier = (word: string | undefined) => (word ? ('about' as const) : null);

/**
 * Spans a line states between two named points; the name is "from <point> to <point>".
 * @example statedSpans('From confirmation to mitigation was 46 min.')[0].name // 'from confirmation to mitigation'
 */
export function statedSpans(text: string): StatedDuration[] {
  const plain = text.replace(/\*\*|__|`/g, '');
  const found: StatedDuration[] = [];
  const labelled = plain.match(LABELLED);
  if (labelled)
    return [
      {
        ...amount(labelled, 4),
        name: `from ${point(labelled[1])} to ${point(labelled[2])}`,
        qualifier: qualifier(labelled[3]),
        text: plain.trim().replace(/^[-*+|]\s{0,3}|\s{0,3}\|\s{0,3}$/g, ''),
        index: 0,
      },
    ];
  for (const m of plain.matchAll(SPAN_FIRST)) {
    found.push({
      ...amount(m, 6),
      name: `from ${point(m[1] ?? m[3])} to ${point(m[2] ?? m[4])}`,
      qualifier: qualifier(m[5]),
      text: m[0],
      index: m.index!,
    });
  }
  for (const m of plain.matchAll(AMOUNT_FIRST)) {
    found.push({
      ...amount(m, 2),
      name: `from ${point(m[6] ?? m[8])} to ${point(m[7] ?? m[9])}`,
      qualifier: qualifier(m[1]),
      text: m[0],
      index: m.index!,
    });
  }
  return found.sort((a, b) => a.index - b.index);
}
