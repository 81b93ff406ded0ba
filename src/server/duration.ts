import { formatValue } from '../render/charts/value-scale.js';

/** Seconds as a reader wants them: 45 s, 12 min, 3.5 h; a dash when unknown. */
export function duration(seconds: number | null): string {
  if (seconds == null) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  return minutes < 120 ? `${Math.round(minutes)} min` : `${formatValue(minutes / 60)} h`;
}
