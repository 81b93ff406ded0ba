export { LEADING_TIME, type ParsedTime, parseTime, type TimeContext } from './parse.js';
export { isPrintableTime, MAX_TIME_MS, MIN_TIME_MS } from './range.js';
export { isValidZone, normaliseZone, ZONE_ABBREVIATION, zoneForAbbreviation } from './zone.js';
