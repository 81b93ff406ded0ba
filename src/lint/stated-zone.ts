import { hasZoneWords, isBroken, readStamp, regionZoneIn, zoneWordsIn } from '../time/index.js';

const OFFSET = /\b(?:UTC|GMT)\s*([+-]\s*\d{1,2}(?::?\d{2})?)\b/;
/** A time of day and the word written right after it: "7:09 AM Eastern", "14:02 (Pacific)". */
const TIME_THEN_WORD =
  /\d{1,2}:\d{2}(?::\d{2})?\s{0,2}(?:[AaPp]\.?[Mm]\.?)?\s{1,2}\(?([A-Z][a-z]{2,12})\)?(?![A-Za-z])/;

/**
 * The time zone a piece of text states (`All times in UTC`, `(all times PST)`, `Europe/Oslo`,
 * `US/Pacific`, `Eastern Time`), else null: read as the timeline source reads zones.
 */
export function statedZone(text: string): string | null {
  const offset = text.match(OFFSET);
  if (offset) return `UTC${offset[1].replace(/\s+/g, '')}`;
  const words = zoneWordsIn(text);
  return words.iana ?? words.abbreviation ?? null;
}

/** The zone a time carries, written right after it by its region alone ("7:09 AM Eastern"), else null. */
export function zoneAfterTime(text: string): string | null {
  const word = text.match(TIME_THEN_WORD)?.[1];
  return (word && regionZoneIn(word, true)) ?? null;
}

/** A list marker, a checkbox or emphasis before a timeline line's time. */
const LINE_LEAD = /^\s{0,3}(?:(?:[-*+]|\d{1,3}[.)])\s{1,4})?(?:\[[ xX]\]\s{1,3})?[*_]{0,2}/;

/**
 * The zone a timeline line's own stamp carries, read as the timeline reader reads it: a zone word
 * or a city written after the time ("16:37 Denver - …", "09:10 New York – …"), else null.
 */
export function zoneOfStamp(line: string): string | null {
  const stamp = readStamp(line.replace(LINE_LEAD, ''));
  if (!stamp || isBroken(stamp) || !hasZoneWords(stamp.zone)) return null;
  return stamp.zone.iana ?? stamp.zone.abbreviation ?? 'stated';
}
