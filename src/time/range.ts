/** 0000-01-01T00:00:00Z: the earliest time a report writes with a four-digit year. */
export const MIN_TIME_MS = -62_167_219_200_000;
/** 9999-12-31T23:59:59.999Z: past it `toISOString` and the report's date formats break. */
export const MAX_TIME_MS = 253_402_300_799_999;

/**
 * True when epoch milliseconds name a moment a report can print (years 0000–9999); `1e308`,
 * `Infinity` and `NaN` are not.
 * @example isPrintableTime(Date.parse('2026-02-10T14:00:00Z')) // true
 */
export const isPrintableTime = (ms: number): boolean =>
  Number.isFinite(ms) && ms >= MIN_TIME_MS && ms <= MAX_TIME_MS;
