import { IANAZone } from 'luxon';

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

export const ZONE_ABBREVIATION = new RegExp(
  `\\b(${Object.keys(ABBREVIATIONS)
    .filter((a) => a !== 'Z')
    .join('|')})\\b`,
);

/** A luxon zone name for a written abbreviation (`PST` → `UTC-8`), or null when unknown. */
export function zoneForAbbreviation(abbreviation: string): string | null {
  const minutes = ABBREVIATIONS[abbreviation.toUpperCase()];
  if (minutes === undefined) return null;
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/** True when the name is an IANA zone luxon can use (`America/Los_Angeles`, `UTC`). */
export function isValidZone(name: string): boolean {
  return name.toUpperCase() === 'UTC' || IANAZone.isValidZone(name) || zoneForAbbreviation(name) !== null;
}

/** Normalises a manifest or `--tz` zone: IANA names as they are, abbreviations to offsets. */
export function normaliseZone(name: string): string {
  return IANAZone.isValidZone(name) ? name : (zoneForAbbreviation(name) ?? name);
}
