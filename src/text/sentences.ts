// The sentences of a paragraph of prose: where a full stop ends one, and where it only ends an
// abbreviation ("a.m.", "e.g.", "U.S.").

/** Where a sentence ends: `.`, `!` or `?` (and closing quotes or brackets) before space and a capital or digit. */
const SENTENCE_END = /[.!?]["'”’)\]]{0,3}\s{1,8}(?=["“'‘(]?[A-Z0-9])/g;
/** A word before a full stop that does not end a sentence: a single letter ("a.m.", "U.S."), an abbreviation. */
const NOT_AN_END =
  /(?:^|[\s(.])[A-Za-z]$|(?:^|[\s(])(?:e\.g|i\.e|etc|approx|vs|ca|no|mr|mrs|ms|dr|st|inc|ltd|jr|sr)$/i;
/** A meridiem written with stops ("p.m."), which may end a sentence. */
const MERIDIEM_BEFORE = /(?:^|[\s\d])[AaPp]\.[Mm]$/;
/** A zone abbreviation after a meridiem ("a.m. PST"): the sentence goes on. */
const ZONE_NEXT = /^[A-Z]{2,5}\b/;
/** Each sentence of a text in turn, with the offset it starts at. */
function* sentences(text: string): Generator<{ text: string; at: number }> {
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const before = text.slice(Math.max(start, m.index - 8), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    // "2:40 p.m. The next day …" ends a sentence; "9 a.m. PST" does not.
    const meridiemEnd = MERIDIEM_BEFORE.test(before) && !ZONE_NEXT.test(after);
    if (NOT_AN_END.test(before) && !meridiemEnd) continue;
    const sentence = text.slice(start, m.index + 1).trim();
    if (sentence) yield { text: sentence, at: start };
    start = m.index + m[0].length;
  }
  const last = text.slice(start).trim();
  if (last) yield { text: last, at: start };
}

/** The sentences of a paragraph, each with the offset it starts at. */
export const sentencesOf = (text: string): { text: string; at: number }[] => [...sentences(text)];

/** The first sentence of a text: the one a timeline entry's time belongs to, without the story after it. */
export const firstSentence = (text: string): string => sentences(text).next().value?.text ?? text;
