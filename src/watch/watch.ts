import { redactText } from '../redact/index.js';
import { formatDuration } from './duration.js';
import { outputTail } from './excerpt.js';
import { checkHealth, type HealthCheck } from './health-check.js';
import type { WatchFacts } from './incident-manifest.js';
import { Journal } from './journal.js';
import { queryNow, SeriesRecording } from './prometheus-series.js';
import {
  type Change,
  observe,
  type RuleMemory,
  type RuleOptions,
  type Sample,
  startGuarding,
  startSettling,
  type WatchState,
} from './rule.js';
import { type CommandResult, runCommand } from './run-command.js';

/** The evidence files a watch writes (the format is documented in docs/watch.md). */
export const EVIDENCE = {
  health: 'health-checks.jsonl',
  deploys: 'deploys.jsonl',
  watch: 'watch.jsonl',
  prometheus: (name: string) => `prometheus-${name}.json`,
} as const;

export interface WatchOptions {
  /** The bundle folder, already checked writable. */
  out: string;
  health: string[];
  prometheus?: string;
  /** PromQL by name; each is recorded as prometheus-<name>.json. */
  queries?: Record<string, string>;
  /** Which query's value the error-rate rule reads. */
  errorRateQuery?: string;
  deploy?: string;
  rollback?: string;
  service?: string;
  version?: string;
  previousVersion?: string;
  intervalMs?: number;
  timeoutMs?: number;
  rule?: Partial<RuleOptions>;
  deployTimeoutMs?: number;
  rollbackTimeoutMs?: number;
  /** Stops the watch cleanly (Ctrl-C): what was captured stays written. */
  signal?: AbortSignal;
  onRound?: (checks: HealthCheck[], errorRate: number | null | undefined) => void;
  onState?: (state: WatchState, reason: string) => void;
}

export type Outcome = 'healthy' | 'recovered' | 'not-recovered' | 'stopped';

export interface WatchResult {
  outcome: Outcome;
  /** Set when a failure was detected: what the incident manifest says. */
  facts: WatchFacts | null;
  startedAt: number;
  endedAt: number;
  checks: number;
  failedChecks: number;
}

export const DEFAULT_RULE: RuleOptions = {
  failures: 3,
  forMs: 60_000,
  settleMs: 60_000,
  watchMs: 300_000,
  recoverWithinMs: 180_000,
};

const iso = (ms: number) => new Date(ms).toISOString();

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

type Phase = 'deploying' | 'guarding' | 'rolling-back' | 'settling' | 'done';

/**
 * Guards one deploy: runs the deploy command, checks health every interval and records each
 * result, applies the failure rule, runs the rollback on failure and watches the service settle.
 * Every record is appended and flushed as it happens; the caller writes the incident and report.
 */
export async function watchDeploy(options: WatchOptions): Promise<WatchResult> {
  const rule = { ...DEFAULT_RULE, ...options.rule };
  const intervalMs = options.intervalMs ?? 5000;
  const timeoutMs = options.timeoutMs ?? Math.min(intervalMs, 5000);
  const { signal } = options;
  const journal = new Journal(options.out);
  const what = [options.service, options.version].filter(Boolean).join(' ') || 'the deploy';
  const startedAt = Date.now();
  let state: WatchState = 'watching';
  // Changed by the command callbacks as well as the loop: held in one object the loop re-reads.
  const run: { phase: Phase; outcome: Outcome } = {
    phase: options.deploy ? 'deploying' : 'guarding',
    outcome: 'stopped',
  };
  let memory: RuleMemory = startGuarding(startedAt);
  let checks = 0;
  let failedChecks = 0;
  const facts: Partial<WatchFacts> & { queries: string[] } = { queries: Object.keys(options.queries ?? {}) };
  const running = new Set<Promise<unknown>>();

  const record = (next: WatchState, reason: string, extra: object = {}) => {
    state = next;
    const safe = redactText(reason);
    journal.append(EVIDENCE.watch, {
      kind: 'watch',
      ts: iso(Date.now()),
      state: next,
      reason: safe,
      ...extra,
    });
    options.onState?.(next, safe);
  };
  const finish = (o: Outcome) => {
    run.outcome = o;
    run.phase = 'done';
  };

  /** Runs a deploy or rollback command, with its `started` and `finished` lines in deploys.jsonl. */
  const runLogged = (kind: 'deploy' | 'rollback', command: string, timeout: number) => {
    const [version, previousVersion] =
      kind === 'deploy'
        ? [options.version, options.previousVersion]
        : [options.previousVersion, options.version];
    const line = {
      kind,
      service: options.service ?? null,
      version: version ?? null,
      previousVersion: previousVersion ?? null,
      command: redactText(command),
    };
    const ts = Date.now();
    journal.append(EVIDENCE.deploys, {
      ...line,
      ts: iso(ts),
      phase: 'started',
      exitCode: null,
      durationMs: null,
      output: '',
      timedOut: false,
    });
    const work = runCommand(command, { timeoutMs: timeout, signal }).then((r: CommandResult) => {
      journal.append(EVIDENCE.deploys, {
        ...line,
        ts: iso(Date.now()),
        phase: 'finished',
        exitCode: r.exitCode,
        durationMs: r.durationMs,
        output: outputTail(r.output),
        timedOut: r.timedOut,
        ...(r.interrupted ? { interrupted: true } : {}),
      });
      return { ...r, ts };
    });
    running.add(work);
    work.finally(() => running.delete(work));
    return work;
  };

  const rollback = () => {
    if (!options.rollback) {
      run.phase = 'settling';
      memory = startSettling(Date.now(), 'detection');
      record('settling', 'no rollback command given: waiting for the service to recover');
      return;
    }
    run.phase = 'rolling-back';
    facts.rollbackStartedAt = Date.now();
    record(
      'rolling-back',
      `running the rollback command${options.previousVersion ? ` to ${options.previousVersion}` : ''}`,
    );
    void runLogged('rollback', options.rollback, options.rollbackTimeoutMs ?? 120_000).then((r) => {
      facts.rollbackFinishedAt = Date.now();
      facts.rollbackExitCode = r.exitCode;
      if (r.interrupted || run.phase === 'done') return;
      if (r.timedOut || r.exitCode !== 0) {
        record(
          'not-recovered',
          r.timedOut
            ? `the rollback command did not finish within ${formatDuration(options.rollbackTimeoutMs ?? 120_000)} and was stopped`
            : `the rollback command failed (exit ${r.exitCode ?? 'none'})`,
        );
        return finish('not-recovered');
      }
      run.phase = 'settling';
      memory = startSettling(Date.now());
      record(
        'settling',
        `rollback finished in ${formatDuration(r.durationMs)}; checks must pass for ${formatDuration(rule.settleMs)}`,
      );
    });
  };

  const apply = (change: Change, ts: number) => {
    record(change.state, change.reason);
    if (change.state === 'detected') {
      facts.detectedAt = ts;
      facts.detectReason = change.reason;
      rollback();
    } else if (change.state === 'healthy' || change.state === 'recovered' || change.state === 'not-recovered')
      finish(change.state);
  };

  const recordings = new Map<string, SeriesRecording>();
  const down = new Set<string>();
  const errorRateQuery = options.errorRateQuery;

  const askPrometheus = async (): Promise<number | null | undefined> => {
    if (!options.prometheus) return undefined;
    let errorRate: number | null | undefined;
    await Promise.all(
      Object.entries(options.queries ?? {}).map(async ([name, query]) => {
        const answer = await queryNow(options.prometheus!, query, { timeoutMs, signal });
        if (signal?.aborted) return;
        if (!answer.ok) {
          if (name === errorRateQuery) errorRate = null;
          if (!down.has(name)) {
            down.add(name);
            record(
              state,
              `Prometheus query ${name} unavailable (${answer.error}): a gap in its series from now`,
              {
                gap: 'started',
                query: name,
              },
            );
          }
          return;
        }
        if (down.delete(name))
          record(state, `Prometheus query ${name} answers again: the gap in its series ends`, {
            gap: 'ended',
            query: name,
          });
        const rec = recordings.get(name) ?? new SeriesRecording();
        recordings.set(name, rec);
        rec.add(answer.result);
        journal.replace(EVIDENCE.prometheus(name), rec.toJson());
        if (name === errorRateQuery) errorRate = SeriesRecording.worst(answer.result);
      }),
    );
    return errorRate;
  };

  const round = async (): Promise<Sample> => {
    const ts = Date.now();
    const [results, errorRate] = await Promise.all([
      Promise.all(options.health.map((url) => checkHealth(url, { timeoutMs, signal }))),
      askPrometheus(),
    ]);
    const kept = signal?.aborted ? results.filter((r) => r.error !== 'aborted') : results;
    for (const r of kept) {
      journal.append(EVIDENCE.health, r);
      checks++;
      if (!r.ok) {
        failedChecks++;
        facts.firstFailureAt ??= Date.parse(r.ts);
      }
    }
    options.onRound?.(kept, errorRate);
    return { ts, checks: kept.map((r) => ({ url: r.url, ok: r.ok })), errorRate };
  };

  record(
    'watching',
    options.deploy
      ? `deploying ${what}; checking ${options.health.length} health URL(s) every ${formatDuration(intervalMs)}`
      : `guarding ${what} from now on; checking ${options.health.length} health URL(s) every ${formatDuration(intervalMs)}`,
  );
  if (options.deploy) {
    void runLogged('deploy', options.deploy, options.deployTimeoutMs ?? 600_000).then((r) => {
      if (r.interrupted) return;
      facts.deployedAt = Date.now();
      run.phase = 'guarding';
      memory = startGuarding(facts.deployedAt);
      const how = r.timedOut
        ? 'the deploy command did not finish in time and was stopped'
        : r.exitCode === 0
          ? `the deploy command finished in ${formatDuration(r.durationMs)}`
          : `the deploy command failed (exit ${r.exitCode ?? 'none'})`;
      record('watching', `${how}; the failure rule applies from now on`);
    });
  } else facts.deployedAt = startedAt;

  try {
    while (run.phase !== 'done' && !signal?.aborted) {
      const t0 = Date.now();
      const sample = await round();
      if (signal?.aborted) break;
      if (run.phase === 'guarding' || run.phase === 'settling') {
        const step = observe(memory, sample, rule);
        memory = step.memory;
        if (step.change) apply(step.change, sample.ts);
      }
      if ((run.phase as Phase) === 'done') break;
      await sleep(Math.max(0, intervalMs - (Date.now() - t0)), signal);
    }
    if (signal?.aborted) {
      await Promise.all(running);
      if (run.phase !== 'done') record('stopped', 'the watch was stopped before it could conclude');
    }
  } finally {
    await Promise.all(running);
    journal.close();
  }
  const endedAt = Date.now();
  const { outcome } = run;
  return {
    outcome,
    facts:
      facts.detectedAt != null
        ? ({
            ...facts,
            service: options.service,
            version: options.version,
            previousVersion: options.previousVersion,
            startedAt,
            endedAt,
            outcome: outcome === 'healthy' ? 'stopped' : outcome,
          } as WatchFacts)
        : null,
    startedAt,
    endedAt,
    checks,
    failedChecks,
  };
}
