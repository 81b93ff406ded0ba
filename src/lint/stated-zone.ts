import { IANAZone } from 'luxon';
import { ZONE_ABBREVIATION } from '../time/index.js';

const IANA_NAME = /\b([A-Z][a-z]+\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?)\b/;
const OFFSET = /\b(?:UTC|GMT)\s*([+-]\s*\d{1,2}(?::?\d{2})?)\b/;

/** The time zone a piece of text states (`All times in UTC`, `(all times PST)`, `Europe/Oslo`), else null. */
export function statedZone(text: string): string | null {
  const offset = text.match(OFFSET);
  if (offset) return `UTC${offset[1].replace(/\s+/g, '')}`;
  const iana = text.match(IANA_NAME);
  if (iana && IANAZone.isValidZone(iana[1])) return iana[1];
  const abbreviation = text.match(ZONE_ABBREVIATION);
  return abbreviation ? abbreviation[1] : null;
}
