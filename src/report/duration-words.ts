import type { Durations } from '../model/index.js';
import { formatDuration } from './format.js';

/** What a duration's start and end are, for when the end came first. */
const BEFORE: Record<keyof Durations, [string, string]> = {
  detect: ['detected', 'the first symptom'],
  acknowledge: ['acknowledged', 'detection'],
  mitigate: ['recovered', 'detection'],
  impact: ['recovered', 'the first symptom'],
  detectFromTrigger: ['detected', 'the change'],
  impactFromTrigger: ['recovered', 'the change'],
};

/**
 * A duration as a reader says it: "9 min", or, when its end came before its start (an alert that
 * fired before the suspected change), "detected 2 min before the change" instead of "-120 s".
 * @example durationWords('detectFromTrigger', -120) // "detected 2 min before the change"
 */
export function durationWords(name: keyof Durations, seconds: number | null): string {
  if (seconds == null) return 'unknown';
  if (seconds >= 0) return formatDuration(seconds);
  const [what, start] = BEFORE[name];
  return `${what} ${formatDuration(-seconds)} before ${start}`;
}
