const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Reads a duration such as `200ms`, `5s`, `2m`, `1h` (or a bare number of seconds) as milliseconds;
 * null when it is not one.
 * @example parseDuration('2m') // 120000
 */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d{1,9}(?:\.\d{1,6})?)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!m) return null;
  const ms = Number(m[1]) * UNITS[m[2] ?? 's'];
  return Number.isFinite(ms) ? Math.round(ms) : null;
}

/** A duration as people read it in a reason: `250ms`, `45s`, `2m`, `1m30s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
}
