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

const numberOf = (
  tens: string | undefined,
  unit: string | undefined,
  single: string | undefined,
  article: string | undefined,
) => {
  if (article) return '1';
  if (single) return String(VALUE.get(single.toLowerCase()));
  return String((VALUE.get(tens!.toLowerCase()) ?? 0) + (unit ? (VALUE.get(unit.toLowerCase()) ?? 0) : 0));
};

/** True when a word is a number from zero to ninety-nine written out ("ten", "forty-five"). */
export const isNumberWord = (word: string): boolean =>
  word
    .toLowerCase()
    .split('-')
    .every((part) => VALUE.has(part));

/**
 * The text with each amount of time written in words put in digits; other words are left as they are.
 * @example inDigits('lasting two hours and six minutes') // 'lasting 2 hours and 6 minutes'
 */
export function inDigits(text: string): string {
  return inDigitsMapped(text).text;
}

/**
 * `inDigits`, with a way back: `at(i)` is the offset in the original text of offset `i` in the
 * new one, so what is found in digits can be quoted as the author wrote it.
 */
export function inDigitsMapped(text: string): { text: string; at: (i: number) => number } {
  // Each replacement: where it starts in the new text and in the old, and how long it is in each.
  const swaps: { to: number; from: number; toLength: number; fromLength: number }[] = [];
  let shift = 0;
  const out = text.replace(
    NUMBER_WORD,
    (whole: string, tens: string, unit: string, single: string, article: string, offset: number) => {
      const digits = numberOf(tens, unit, single, article);
      swaps.push({ to: offset + shift, from: offset, toLength: digits.length, fromLength: whole.length });
      shift += digits.length - whole.length;
      return digits;
    },
  );
  const at = (i: number) => {
    let moved = 0;
    for (const s of swaps) {
      if (i < s.to) break;
      if (i < s.to + s.toLength) return s.from;
      moved = s.from + s.fromLength - (s.to + s.toLength);
    }
    return i + moved;
  };
  return { text: out, at };
}
