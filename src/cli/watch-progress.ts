import type { HealthCheck, WatchState } from '../watch/index.js';

const clock = () => new Date().toISOString().slice(11, 19);

/**
 * Progress of `watch` on a terminal: each state change on its own line, and one overwritten line
 * with the last round of checks. Silent when standard output or standard error is not a terminal.
 */
export function watchProgress(
  stream: NodeJS.WriteStream = process.stderr,
  stdout: NodeJS.WriteStream = process.stdout,
) {
  if (!stream.isTTY || !stdout.isTTY) return { onRound: undefined, onState: undefined, done() {} };
  let state: WatchState = 'watching';
  return {
    onState(next: WatchState, reason: string) {
      state = next;
      stream.write(`\r\x1b[K${clock()} ${next}: ${reason}\n`);
    },
    onRound(checks: HealthCheck[], errorRate: number | null | undefined) {
      const shown = checks
        .map((c) => `${c.url} ${c.ok ? 'ok' : 'FAIL'} ${c.status ?? c.error} ${c.latencyMs}ms`)
        .join(' · ');
      const rate = errorRate === undefined ? '' : ` · error rate ${errorRate ?? 'no data'}`;
      stream.write(`\r\x1b[K[${state}] ${clock()} ${shown}${rate}`.slice(0, (stream.columns || 120) + 4));
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
