import { formatDuration } from './duration.js';

/** The states `watch` goes through, as written to watch.jsonl. */
export const WATCH_STATES = [
  'watching',
  'failing',
  'detected',
  'rolling-back',
  'settling',
  'recovered',
  'not-recovered',
  'healthy',
  'stopped',
] as const;
export type WatchState = (typeof WATCH_STATES)[number];

/** One round of checks: every health URL once, and the error rate when a query gives it. */
export interface Sample {
  ts: number;
  checks: Array<{ url: string; ok: boolean }>;
  /** The error-rate query's value; null when Prometheus gave none (down, or no data). */
  errorRate?: number | null;
}

export interface RuleOptions {
  /** Consecutive failed checks of one URL that count as a failure. */
  failures: number;
  /** With `forMs`: an error rate above this for that long counts as a failure. */
  errorRateAbove?: number;
  forMs: number;
  /** How long checks must pass after the rollback to call the service recovered. */
  settleMs: number;
  /** How long a deploy is watched before it is called healthy. */
  watchMs: number;
  /** How long after the rollback the service may take to settle before it is called not recovered. */
  recoverWithinMs: number;
}

export interface RuleMemory {
  state: WatchState;
  /** When this stretch of watching (guarding, or settling after the rollback) began. */
  since: number;
  /** Consecutive failed checks per URL. */
  streaks: Record<string, number>;
  /** When the error rate went above the threshold, while it stays there. */
  highSince: number | null;
  /** When every check started passing again, while they keep passing (settling only). */
  passingSince: number | null;
  /** What settling follows, as reasons say it: `the rollback`, or `detection` without one. */
  after?: string;
}

export interface Change {
  state: WatchState;
  reason: string;
}

/** Memory for guarding a deploy from `ts`. */
export const startGuarding = (ts: number): RuleMemory => ({
  state: 'watching',
  since: ts,
  streaks: {},
  highSince: null,
  passingSince: null,
});

/** Memory for settling after a rollback finished at `ts` (or after `after`, e.g. `detection`). */
export const startSettling = (ts: number, after = 'the rollback'): RuleMemory => ({
  ...startGuarding(ts),
  state: 'settling',
  after,
});

const isOver = (state: WatchState) =>
  state === 'detected' || state === 'recovered' || state === 'not-recovered' || state === 'healthy';

/**
 * Feeds one round to the failure rule: the next memory, and the state change it causes, if any.
 * Guarding: a failed check → failing; N consecutive failures of one URL, or the error rate above
 * the threshold for the period → detected; passing for the watch period → healthy.
 * Settling: every check passing for the settling period → recovered; still failing when the
 * recovery deadline has passed → not-recovered.
 */
export function observe(
  memory: RuleMemory,
  sample: Sample,
  options: RuleOptions,
): { memory: RuleMemory; change: Change | null } {
  if (isOver(memory.state)) return { memory, change: null };
  const streaks = { ...memory.streaks };
  for (const c of sample.checks) streaks[c.url] = c.ok ? 0 : (streaks[c.url] ?? 0) + 1;
  const threshold = options.errorRateAbove;
  const rate = sample.errorRate;
  // A gap in the error rate (null) neither starts nor ends a period above the threshold.
  const high = threshold != null && (rate != null ? rate > threshold : memory.highSince != null);
  const highSince = high ? (memory.highSince ?? sample.ts) : null;
  const failed = sample.checks.filter((c) => !c.ok);
  const passing = failed.length === 0 && !high;
  const next: RuleMemory = { ...memory, streaks, highSince };
  const to = (state: WatchState, reason: string) => ({
    memory: { ...next, state },
    change: { state, reason },
  });

  if (memory.state === 'settling') {
    const passingSince = passing ? (memory.passingSince ?? sample.ts) : null;
    const settled = { ...next, passingSince };
    if (passingSince != null && sample.ts - passingSince >= options.settleMs)
      return {
        memory: { ...settled, state: 'recovered' },
        change: {
          state: 'recovered',
          reason: `checks passed for ${formatDuration(sample.ts - passingSince)} after ${memory.after}`,
        },
      };
    if (passingSince == null && sample.ts - memory.since >= options.recoverWithinMs)
      return {
        memory: { ...settled, state: 'not-recovered' },
        change: {
          state: 'not-recovered',
          reason: `${describeFailure(failed, rate, threshold)} ${formatDuration(sample.ts - memory.since)} after ${memory.after}`,
        },
      };
    return { memory: settled, change: null };
  }

  const worst = Object.entries(streaks).find(([, n]) => n >= options.failures);
  if (worst) return to('detected', `${worst[1]} consecutive failed checks of ${worst[0]}`);
  if (highSince != null && sample.ts - highSince >= options.forMs)
    return to(
      'detected',
      `error rate ${rate} above ${threshold} for ${formatDuration(sample.ts - highSince)}`,
    );
  if (!passing && memory.state === 'watching') return to('failing', describeFailure(failed, rate, threshold));
  if (passing && memory.state === 'failing') return to('watching', 'checks pass again');
  if (passing && sample.ts - memory.since >= options.watchMs)
    return to('healthy', `checks passed for ${formatDuration(sample.ts - memory.since)} after the deploy`);
  return { memory: next, change: null };
}

function describeFailure(
  failed: Sample['checks'],
  rate: number | null | undefined,
  threshold: number | undefined,
): string {
  if (failed.length) return `failed check of ${failed.map((c) => c.url).join(', ')}`;
  if (threshold != null && rate != null && rate > threshold) return `error rate ${rate} above ${threshold}`;
  return 'checks still failing';
}
