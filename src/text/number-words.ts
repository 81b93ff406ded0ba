// Amounts written in words ("two hours and six minutes", "twenty-four hours", "an hour") as the
// digits a figure reader matches ("2 hours and 6 minutes", "24 hours", "1 hour").

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const VALUE = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i] as [string, number]),
  ...TENS.flatMap((w, i) => (w ? [[w, i * 10] as [string, number]] : [])),
]);

/** A number from zero to ninety-nine written in words, or "a"/"an" before a unit of time. */
const NUMBER_WORD = new RegExp(
  String.raw`\b(?:(${TENS.filter(Boolean).join('|')})(?:[- ](${UNITS.slice(1, 10).join('|')}))?|(${UNITS.join('|')})|(an?))(?=\s(?:days?|hours?|minutes?|seconds?)\b)`,
  'gi',
);

/**
 * The text with each amount of time written in words put in digits; other words are left as they are.
 * @example inDigits('lasting two hours and six minutes') // 'lasting 2 hours and 6 minutes'
 */
export function inDigits(text: string): string {
  return text.replace(NUMBER_WORD, (_whole, tens: string, unit: string, single: string, article: string) => {
    if (article) return '1';
    if (single) return String(VALUE.get(single.toLowerCase()));
    return String((VALUE.get(tens.toLowerCase()) ?? 0) + (unit ? (VALUE.get(unit.toLowerCase()) ?? 0) : 0));
  });
}
