export { LEADING_TIME, type ParsedTime, parseTime, type TimeContext } from './parse.js';
export { isValidZone, normaliseZone, ZONE_ABBREVIATION, zoneForAbbreviation } from './zone.js';
