import { IANAZone } from 'luxon';
import { offsetOn, offsetZone, placesForAbbreviation, ZONE_ABBREVIATION } from './zone.js';

/** What a piece of text says about a zone: an abbreviation, an offset from UTC, an IANA name. */
export interface ZoneWords {
  abbreviation?: string;
  /** Minutes east of UTC. */
  offset?: number;
  iana?: string;
}

/** What else is known when an abbreviation names several zones. */
export interface ZoneHints {
  /** The manifest's `timezone`, when it gives one. */
  manifestZone?: string | null;
  /** IANA zones named or implied elsewhere in the document (by unambiguous abbreviations too). */
  documentZones?: string[];
}

export type ZoneReading = { zone: string; note?: string } | { zone: null; problem: string };

// An area is a word (`Europe/Oslo`) or a country's letters, as the old links are (`US/Pacific`).
const IANA_NAME = /\b([A-Z][A-Za-z]{1,20}\/[A-Z][A-Za-z_]{1,30}(?:\/[A-Z][A-Za-z_]{1,30})?)\b/;
const OFFSET = /(?<![A-Za-z0-9])(?:UTC|GMT)\s{0,2}([+\-−])\s{0,2}(\d{1,2})(?::?(\d{2}))?(?!\d)/;
/** "Eastern Time", "Pacific Daylight Time", "Central European Summer Time": a zone named by its region. */
export const REGION_ZONE =
  /(?<![A-Za-z])(Eastern|Central|Mountain|Pacific|Western)(\s{1,2}European)?(?:\s{1,2}(Standard|Daylight|Summer))?(\s{1,2}Time)?(?![A-Za-z])/;

/** The IANA zones by their city, as people name them ("Denver", "New York", "Sao Paulo"). */
let cities: Map<string, string> | null = null;

/**
 * The IANA zone a city's name gives (`Denver` → America/Denver), the zone's own city only: a time
 * written "16:37 Denver" is Denver's local time on its day.
 * @example cityZone('New York') // 'America/New_York'
 */
export function cityZone(name: string): string | undefined {
  if (!cities) {
    cities = new Map();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      // A city of an area (`America/Denver`), not a research station or a county of a state.
      const parts = zone.split('/');
      if (parts.length !== 2 || parts[0] === 'Etc' || parts[0] === 'Antarctica') continue;
      const city = parts.at(-1)!.replace(/_/g, ' ').toLowerCase();
      if (!cities.has(city)) cities.set(city, zone);
    }
  }
  return cities.get(name.replace(/\s+/g, ' ').toLowerCase());
}

/** The abbreviation a region's name stands for: `Eastern` → ET (local time), `Pacific Standard` → PST. */
function regionAbbreviation(m: RegExpMatchArray): string | undefined {
  const [, region, european, season] = m;
  if (european) {
    const base = { Eastern: 'EET', Central: 'CET', Western: 'WET' }[region];
    const summer = season === 'Summer' || season === 'Daylight';
    return base && (summer ? base.replace(/T$/, 'ST') : base);
  }
  if (region === 'Western' || season === 'Summer') return undefined;
  return `${region[0]}${season ? season[0] : ''}T`;
}

/**
 * The zone a region's name gives, read from a whole phrase ("Eastern Time") or, when `bare`, from
 * the region word alone, as written right after a time ("7:09 AM Eastern").
 */
export function regionZoneIn(text: string, bare = false): string | undefined {
  const m = text.match(REGION_ZONE);
  if (!m) return undefined;
  const whole = text.replace(/[\s()[\]]/g, '') === m[0].replace(/\s/g, '');
  return m[4] || m[2] || (bare && whole) ? regionAbbreviation(m) : undefined;
}

/**
 * The zone words in a text: `CEST`, `PST (UTC-7)`, `GMT+2`, `Europe/Oslo`; empty when it names none.
 * @example zoneWordsIn('All times are PST (UTC-7)') // { abbreviation: 'PST', offset: -420 }
 */
export function zoneWordsIn(text: string, { bareRegion = false }: { bareRegion?: boolean } = {}): ZoneWords {
  const words: ZoneWords = {};
  const offset = text.match(OFFSET);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes <= 14 * 60) words.offset = offset[1] === '+' ? minutes : -minutes;
  }
  const iana = text.match(IANA_NAME);
  if (iana && IANAZone.isValidZone(iana[1])) words.iana = iana[1];
  // "UTC-7" is an offset, not the abbreviation UTC.
  const rest = offset ? text.replace(offset[0], ' ') : text;
  const abbreviation = rest.match(ZONE_ABBREVIATION);
  if (abbreviation) words.abbreviation = abbreviation[1];
  else {
    // A name shaped like an IANA zone that is none ("America/Pacific", "UC/Pacific") still names
    // its region, when only its last part is one ("Pacific/Central" names two).
    const parts = iana && !words.iana ? iana[1].split('/') : [];
    const slip =
      parts.length && !parts.slice(0, -1).some((p) => REGION_ZONE.test(p))
        ? regionZoneIn(parts[parts.length - 1], true)
        : undefined;
    const region = slip ?? regionZoneIn(rest, bareRegion);
    if (region) words.abbreviation = region;
  }
  return words;
}

export const hasZoneWords = (w: ZoneWords) =>
  w.abbreviation !== undefined || w.offset !== undefined || w.iana !== undefined;

/** True when two texts name a zone in the same words (abbreviation, offset and IANA name alike). */
export const sameZoneWords = (a: ZoneWords, b: ZoneWords) =>
  a.abbreviation === b.abbreviation && a.offset === b.offset && a.iana === b.iana;

const continent = (zone: string) => zone.split('/')[0];

/**
 * Settles the zone words into one zone for a day. An abbreviation names local time with its
 * daylight saving (PST written in June is Los Angeles time, UTC-7); a stated offset that
 * disagrees wins with a note; an ambiguous abbreviation (IST, CST, BST) is settled by the
 * offset, the manifest's zone or the zones the document names elsewhere, else it is read as its
 * most common place (BST as London) with a note saying so.
 * @example settleZone({ abbreviation: 'PST' }, '2024-06-03').zone // 'America/Los_Angeles'
 */
export function settleZone(
  words: ZoneWords,
  day: string | null | undefined,
  hints: ZoneHints = {},
): ZoneReading {
  if (words.iana) return { zone: words.iana };
  const places = words.abbreviation ? placesForAbbreviation(words.abbreviation) : [];
  if (words.offset !== undefined) {
    const fixed = offsetZone(words.offset);
    if (!places.length) return { zone: fixed };
    const agreeing = places.find((p) => offsetOn(p, day) === words.offset);
    if (agreeing) return { zone: agreeing };
    return {
      zone: fixed,
      note: `${words.abbreviation} is ${offsetZone(offsetOn(places[0], day) ?? 0)} on ${day ?? 'that day'}, but ${fixed} is stated; times are read as ${fixed}`,
    };
  }
  if (places.length === 1) return { zone: places[0] };
  if (!places.length) return { zone: null, problem: 'no zone stated' };
  const manifest = hints.manifestZone;
  if (manifest) {
    const offset = offsetOn(manifest, day);
    const match = places.find((p) => offsetOn(p, day) === offset);
    if (match) return { zone: manifest };
  }
  const named = (hints.documentZones ?? []).filter((z) => z.includes('/'));
  const byPlace = places.filter((p) => named.some((z) => continent(z) === continent(p)));
  if (byPlace.length === 1) return { zone: byPlace[0] };
  // Nothing settles it: its most common reading, reported, is nearer the writer's meaning than UTC.
  return {
    zone: places[0],
    note: `${words.abbreviation} names several zones (${places.join(', ')}); read as ${places[0]}, its most common use: state the offset (e.g. '${words.abbreviation} (${offsetZone(offsetOn(places[0], day) ?? 0)})') or set timezone in incident.yaml`,
  };
}
