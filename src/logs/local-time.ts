import { Info, type Zone } from 'luxon';
import { normaliseZone } from '../time/index.js';

const HOUR_MS = 3_600_000;

/**
 * Converts wall-clock times in one zone to UTC epoch ms, caching the zone offset per hour so a
 * log of millions of naive stamps asks the zone database a few thousand times at most.
 * @example localClock('America/Los_Angeles').toUtc(Date.UTC(2026, 1, 10, 14, 4, 5)) // 22:04:05Z
 */
export function localClock(zoneName = 'UTC') {
  const zone: Zone | null = Info.normalizeZone(normaliseZone(zoneName));
  const fixed = zone?.isUniversal ? zone.offset(0) : null;
  const offsets = new Map<number, number>();

  const offsetAt = (utcMs: number): number => {
    const hour = Math.floor(utcMs / HOUR_MS);
    let minutes = offsets.get(hour);
    if (minutes === undefined) {
      minutes = zone ? zone.offset(hour * HOUR_MS) : 0;
      offsets.set(hour, minutes);
    }
    return minutes;
  };

  return {
    /** `wallMs` is the wall-clock time written as if it were UTC. */
    toUtc(wallMs: number): number {
      if (fixed !== null) return wallMs - fixed * 60_000;
      const guess = wallMs - offsetAt(wallMs) * 60_000;
      return wallMs - offsetAt(guess) * 60_000;
    },
  };
}

export type LocalClock = ReturnType<typeof localClock>;
