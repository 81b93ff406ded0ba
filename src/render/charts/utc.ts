import { formatTime } from '../../report/index.js';

/** "2026-03-12 16:49:30 UTC" for an epoch-ms time, as chart tooltips show it. */
export const utc = (t: number | string) =>
  `${formatTime(typeof t === 'number' ? new Date(t).toISOString() : t, 'UTC')} UTC`;
