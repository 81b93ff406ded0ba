import { isPrintableTime, parseTime, type TimeContext } from '../time/index.js';

/** Go's zero time, which Alertmanager and Kubernetes write for "not set". */
const ZERO_TIME = /^0001-01-01/;

/**
 * Epoch milliseconds from a number in seconds, milliseconds, microseconds or nanoseconds,
 * told apart by magnitude (Opsgenie mixes ms and ns in one payload).
 */
export function epochMs(value: number): number {
  const abs = Math.abs(value);
  if (abs < 1e11) return Math.round(value * 1000);
  if (abs < 1e14) return Math.round(value);
  if (abs < 1e17) return Math.floor(value / 1e3);
  return Math.floor(value / 1e6);
}

/** Epoch ms of a timestamp written by a tool (RFC 3339 text or an epoch number); null when unset, unreadable or out of range. */
export function payloadTime(value: unknown, time: TimeContext): number | null {
  const ms = anyPayloadTime(value, time);
  return ms != null && isPrintableTime(ms) ? ms : null;
}

function anyPayloadTime(value: unknown, time: TimeContext): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return epochMs(value);
  if (typeof value !== 'string' || !value.trim() || ZERO_TIME.test(value)) return null;
  if (/^\d{10,19}$/.test(value.trim())) return epochMs(Number(value));
  const parsed = parseTime(value, time);
  return parsed.ok ? parsed.ms : null;
}
