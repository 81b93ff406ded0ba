import { DateTime } from 'luxon';

/** "2026-02-10 10:03:00" in the given zone. */
export function formatTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** Seconds as "29 min", "1 h 5 min", "45 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.round(seconds / 60);
  if (m < 60) return `${m} min`;
  return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m / 60} h`;
}

/** A percentage figure (already 0–100) as "12.5 %". */
export const pct = (v: number | null) => (v == null ? '?' : `${v < 1 ? v.toFixed(2) : v.toFixed(1)} %`);

/** "1 file", "3 files", "2 entries": a count and its noun. */
export const count = (n: number, noun: string, nouns = `${noun}s`) => `${n} ${n === 1 ? noun : nouns}`;

/** " (+3 routine events)": how many records an entry holds folded in, after its summary; empty when none. */
export const foldedNote = (folded: readonly unknown[] | undefined) =>
  folded?.length ? ` (+${count(folded.length, 'routine event')})` : '';
