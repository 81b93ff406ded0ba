export {
  daysIn,
  firstDate,
  isoDay,
  isRealDay,
  MONTH_NAME,
  readDayAt,
  statedMonth,
  type WrittenDay,
} from './dates.js';
export { durationMs } from './duration.js';
export { LEADING_TIME, type ParsedTime, parseTime, type TimeContext } from './parse.js';
export { isPrintableTime, MAX_TIME_MS, MIN_TIME_MS } from './range.js';
export { type BrokenStamp, type Clock, isBroken, readStamp, type Stamp, type StampOptions } from './stamp.js';
export {
  hasZoneWords,
  regionZoneIn,
  sameZoneWords,
  settleZone,
  type ZoneHints,
  type ZoneReading,
  type ZoneWords,
  zoneWordsIn,
} from './stated-zone.js';
export {
  isValidZone,
  namesLocalTime,
  normaliseZone,
  offsetOn,
  offsetZone,
  placesForAbbreviation,
  ZONE_ABBREVIATION,
  zoneForAbbreviation,
} from './zone.js';
