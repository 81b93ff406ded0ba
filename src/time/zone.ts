import { DateTime, IANAZone } from 'luxon';

/** Common zone abbreviations as people write them in timelines, with their UTC offsets in minutes. */
const ABBREVIATIONS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 60,
  WEST: 60,
  IST: 330,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  JST: 540,
  KST: 540,
  SGT: 480,
  HKT: 480,
  AWST: 480,
  ACST: 570,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  PT: -480,
  ET: -300,
  CT: -360,
  MT: -420,
};

/**
 * The places an abbreviation names, as IANA zones whose rules give the offset on a given day
 * (people write "PST" all year for Pacific local time). Several entries = the abbreviation is
 * ambiguous and needs an offset, the manifest or the rest of the document to settle it.
 */
const PLACES: Record<string, string[]> = {
  UTC: ['UTC'],
  GMT: ['UTC'],
  Z: ['UTC'],
  WET: ['Europe/Lisbon'],
  WEST: ['Europe/Lisbon'],
  BST: ['Europe/London', 'Asia/Dhaka'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  CET: ['Europe/Paris'],
  CEST: ['Europe/Paris'],
  MET: ['Europe/Paris'],
  MEST: ['Europe/Paris'],
  EET: ['Europe/Athens'],
  EEST: ['Europe/Athens'],
  MSK: ['Europe/Moscow'],
  PST: ['America/Los_Angeles'],
  PDT: ['America/Los_Angeles'],
  PT: ['America/Los_Angeles'],
  MST: ['America/Denver'],
  MDT: ['America/Denver'],
  MT: ['America/Denver'],
  CST: ['America/Chicago', 'Asia/Shanghai'],
  CDT: ['America/Chicago'],
  CT: ['America/Chicago'],
  EST: ['America/New_York'],
  EDT: ['America/New_York'],
  ET: ['America/New_York'],
  AKST: ['America/Anchorage'],
  AKDT: ['America/Anchorage'],
  HST: ['Pacific/Honolulu'],
  AST: ['America/Halifax'],
  ADT: ['America/Halifax'],
  NST: ['America/St_Johns'],
  NDT: ['America/St_Johns'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  SGT: ['Asia/Singapore'],
  HKT: ['Asia/Hong_Kong'],
  AWST: ['Australia/Perth'],
  ACST: ['Australia/Adelaide'],
  AEST: ['Australia/Sydney'],
  AEDT: ['Australia/Sydney'],
  NZST: ['Pacific/Auckland'],
  NZDT: ['Pacific/Auckland'],
};

/** An abbreviation as a word of its own; emphasis marks around it (`_All times in EEST_`) do not join it. */
export const ZONE_ABBREVIATION = new RegExp(
  `(?<![A-Za-z0-9])(${Object.keys(ABBREVIATIONS)
    .filter((a) => a !== 'Z')
    .join('|')})(?![A-Za-z0-9])`,
);

/** Abbreviations that name a region's local time, standard or daylight as the day has it (ET, PT). */
const LOCAL_TIME = new Set(['PT', 'MT', 'CT', 'ET']);

/** True when the abbreviation names a region's local time, so its offset follows daylight saving. */
export const namesLocalTime = (abbreviation: string) => LOCAL_TIME.has(abbreviation.toUpperCase());

/** A luxon zone name for a written abbreviation taken literally (`PST` → `UTC-8`), or null when unknown. */
export function zoneForAbbreviation(abbreviation: string): string | null {
  const minutes = ABBREVIATIONS[abbreviation.toUpperCase()];
  return minutes === undefined ? null : offsetZone(minutes);
}

/** `UTC`, `UTC+2`, `UTC+5:30` for an offset in minutes. */
export function offsetZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/** The IANA zones an abbreviation may name (one when it is unambiguous), empty when unknown. */
export const placesForAbbreviation = (abbreviation: string): string[] =>
  PLACES[abbreviation.toUpperCase()] ?? [];

/** A zone's offset from UTC in minutes on a day (`YYYY-MM-DD`, noon local), or null for an unknown zone. */
export function offsetOn(zone: string, day: string | null | undefined): number | null {
  const normalised = normaliseZone(zone);
  const at = day
    ? DateTime.fromISO(`${day.slice(0, 10)}T12:00`, { zone: normalised })
    : DateTime.now().setZone(normalised);
  return at.isValid ? at.offset : null;
}

/** True when the name is an IANA zone luxon can use (`America/Los_Angeles`, `UTC`). */
export function isValidZone(name: string): boolean {
  return name.toUpperCase() === 'UTC' || IANAZone.isValidZone(name) || zoneForAbbreviation(name) !== null;
}

/** Normalises a manifest or `--tz` zone: IANA names as they are, abbreviations to offsets. */
export function normaliseZone(name: string): string {
  return IANAZone.isValidZone(name) ? name : (zoneForAbbreviation(name) ?? name);
}
