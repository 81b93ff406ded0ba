import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { checkTemplateUse, loadTemplate } from '../../template/index.js';
import {
  concludeWatch,
  DEFAULT_RULE,
  type Outcome,
  parseDuration,
  prepareOutFolder,
  watchDeploy,
} from '../../watch/index.js';
import { watchProgress } from '../watch-progress.js';
import { announceLibrary } from './db-option.js';

/** `watch` exit statuses beyond 0 and 2 (docs/watch.md). */
export const WATCH_EXIT = { healthy: 0, recovered: 3, notRecovered: 4, SIGINT: 130, SIGTERM: 143 } as const;

const collect = (value: string, previous: string[] = []) => [...previous, value];

function duration(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = parseDuration(value);
  if (ms == null || ms <= 0)
    throw new InputError('USAGE', option, `'${value}' is not a duration (200ms, 5s, 2m, 1h)`);
  return ms;
}

function positiveWhole(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value.trim()) || Number(value) < 1)
    throw new InputError('USAGE', option, `'${value}' is not a positive whole number`);
  return Number(value);
}

function httpUrl(option: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError('USAGE', option, `'${value}' is not a URL (http://host:port/path)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError('USAGE', option, `'${value}' is not an http:// or https:// URL`);
  return value;
}

function queriesOf(given: string[]): Record<string, string> {
  const queries: Record<string, string> = {};
  for (const q of given) {
    const at = q.indexOf('=');
    const name = q.slice(0, Math.max(at, 0)).trim();
    const promql = q.slice(at + 1).trim();
    if (at < 1 || !/^[\w-]{1,64}$/.test(name) || !promql)
      throw new InputError(
        'USAGE',
        '--query',
        `'${q}' is not name='PromQL' (a name of letters, digits, _ or -)`,
      );
    if (queries[name]) throw new InputError('USAGE', '--query', `the name '${name}' is given twice`);
    queries[name] = promql;
  }
  return queries;
}

interface WatchCliOptions {
  health?: string[];
  prometheus?: string;
  query?: string[];
  deploy?: string;
  rollback?: string;
  service?: string;
  version?: string;
  previousVersion?: string;
  out: string;
  interval?: string;
  timeout?: string;
  failures?: string;
  errorRateAbove?: string;
  errorRateQuery?: string;
  for?: string;
  settle?: string;
  recoverWithin?: string;
  maxDuration?: string;
  deployTimeout?: string;
  rollbackTimeout?: string;
  db?: string;
  save: boolean;
  template?: string;
}

/** Reads and checks every option before anything runs: a wrong value is exit 2 and nothing deployed. */
export function watchSettings(opts: WatchCliOptions) {
  const health = (opts.health ?? []).map((u) => httpUrl('--health', u));
  if (!health.length) throw new InputError('USAGE', '--health', 'give at least one health URL to check');
  const queries = queriesOf(opts.query ?? []);
  const names = Object.keys(queries);
  if (names.length && !opts.prometheus) throw new InputError('USAGE', '--query', 'needs --prometheus URL');
  if (opts.prometheus && !names.length)
    throw new InputError('USAGE', '--prometheus', "needs at least one --query name='PromQL'");
  const prometheus = opts.prometheus ? httpUrl('--prometheus', opts.prometheus) : undefined;
  let errorRateAbove: number | undefined;
  if (opts.errorRateAbove !== undefined) {
    errorRateAbove = Number(opts.errorRateAbove);
    if (!/^\d{1,9}(\.\d{1,9})?$/.test(opts.errorRateAbove.trim()))
      throw new InputError('USAGE', '--error-rate-above', `'${opts.errorRateAbove}' is not a number (0.05)`);
  }
  const errorRateQuery =
    opts.errorRateQuery ??
    (names.includes('errorRate') ? 'errorRate' : names.length === 1 ? names[0] : undefined);
  if (errorRateAbove !== undefined && !errorRateQuery)
    throw new InputError(
      'USAGE',
      '--error-rate-above',
      names.length
        ? 'name the query it reads with --error-rate-query'
        : "needs --prometheus and --query errorRate='PromQL'",
    );
  if (errorRateQuery && !names.includes(errorRateQuery))
    throw new InputError('USAGE', '--error-rate-query', `no --query named '${errorRateQuery}'`);
  const intervalMs = duration('--interval', opts.interval, 5000);
  const settleMs = duration('--settle', opts.settle, DEFAULT_RULE.settleMs);
  return {
    out: opts.out,
    health,
    prometheus,
    queries,
    errorRateQuery,
    deploy: opts.deploy,
    rollback: opts.rollback,
    service: opts.service,
    version: opts.version,
    previousVersion: opts.previousVersion,
    intervalMs,
    timeoutMs: duration('--timeout', opts.timeout, Math.min(intervalMs, 5000)),
    rule: {
      failures: positiveWhole('--failures', opts.failures, DEFAULT_RULE.failures),
      errorRateAbove,
      forMs: duration('--for', opts.for, DEFAULT_RULE.forMs),
      settleMs,
      watchMs: duration('--max-duration', opts.maxDuration, DEFAULT_RULE.watchMs),
      recoverWithinMs: duration('--recover-within', opts.recoverWithin, settleMs + 120_000),
    },
    deployTimeoutMs: duration('--deploy-timeout', opts.deployTimeout, 600_000),
    rollbackTimeoutMs: duration('--rollback-timeout', opts.rollbackTimeout, 120_000),
  };
}

const SAID: Record<Outcome, string> = {
  healthy: 'deploy verified healthy',
  recovered: 'failure detected; rolled back and recovered',
  'not-recovered': 'failure detected; the rollback did not restore service',
  stopped: 'watch stopped',
};

export function register(program: Command): void {
  program
    .command('watch')
    .description('guard a deploy: check health, roll back on failure, and write the postmortem')
    .requiredOption('--out <folder>', 'bundle folder for the evidence, incident.yaml and the report')
    .option('--health <url>', 'health URL to check each interval (repeat for several)', collect)
    .option('--prometheus <url>', 'Prometheus to record queries from during the watch')
    .option('--query <name=promql>', "a query to record, e.g. errorRate='sum(rate(…))' (repeatable)", collect)
    .option('--deploy <command>', 'shell command that deploys (without it: guard a deploy under way)')
    .option('--rollback <command>', 'shell command that rolls back, run once on failure')
    .option('--service <name>', 'the service being deployed')
    .option('--version <v>', 'the version being deployed')
    .option('--previous-version <v>', 'the version a rollback restores')
    .option('--interval <duration>', 'time between rounds of checks', '5s')
    .option('--timeout <duration>', 'per-request timeout (default: the interval, at most 5s)')
    .option('--failures <n>', 'consecutive failed checks of one URL that count as a failure', '3')
    .option('--error-rate-above <x>', 'also a failure: the error-rate query above x for --for')
    .option(
      '--error-rate-query <name>',
      'which --query is the error rate (default: errorRate, or the only one)',
    )
    .option('--for <duration>', 'how long the error rate must stay above the threshold', '1m')
    .option('--settle <duration>', 'how long checks must pass after the rollback', '1m')
    .option(
      '--recover-within <duration>',
      'give up on recovery this long after the rollback (default: settle + 2m)',
    )
    .option(
      '--max-duration <duration>',
      'how long a passing deploy is watched before it is called healthy',
      '5m',
    )
    .option('--deploy-timeout <duration>', 'stop the deploy command after this long', '10m')
    .option('--rollback-timeout <duration>', 'stop the rollback command after this long', '2m')
    .option('--db <path|url>', 'incident library for the report (default: the platform data directory)')
    .option('--no-save', 'do not keep the report in the incident library')
    .option(
      '--template <name|path>',
      'shape the postmortem with a built-in (sre, full, evidence, brief) or a template file',
    )
    .action(async (opts: WatchCliOptions) => {
      const settings = watchSettings(opts);
      // Before anything is deployed: a bundle that cannot be written stops here with exit 2.
      const out = prepareOutFolder(settings.out);
      // A template that cannot be used stops here too, before anything is deployed.
      if (opts.template) checkTemplateUse(await loadTemplate(opts.template), 'internal', 'md');
      const controller = new AbortController();
      let stoppedBy: 'SIGINT' | 'SIGTERM' | null = null;
      const stop = (signal: 'SIGINT' | 'SIGTERM') => () => {
        // A second Ctrl-C means now.
        if (stoppedBy) process.exit(WATCH_EXIT[signal]);
        stoppedBy = signal;
        controller.abort();
      };
      const onInt = stop('SIGINT');
      const onTerm = stop('SIGTERM');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      const progress = watchProgress();
      try {
        const result = await watchDeploy({
          ...settings,
          out,
          signal: controller.signal,
          onRound: progress.onRound,
          onState: progress.onState,
        });
        progress.done();
        const watch = { ...settings, out };
        const conclusion = await concludeWatch(watch, result, {
          db: opts.db,
          save: opts.save,
          template: opts.template,
        });
        if (result.facts)
          announceLibrary(opts.db, opts.save ? ' (the report saved to it)' : ' (related incidents from it)');
        for (const w of conclusion.warnings) process.stderr.write(`hindsight: ${w}\n`);
        const files = conclusion.written.map((f) => f.slice(out.length + 1));
        process.stderr.write(
          `hindsight: ${SAID[result.outcome]} (${result.checks} checks, ${result.failedChecks} failed); evidence in ${out}${
            files.length ? `; wrote ${files.join(', ')}` : ''
          }${conclusion.id ? ` (${conclusion.id})` : ''}\n`,
        );
        process.exitCode = stoppedBy
          ? WATCH_EXIT[stoppedBy]
          : result.outcome === 'healthy'
            ? WATCH_EXIT.healthy
            : result.outcome === 'recovered'
              ? WATCH_EXIT.recovered
              : WATCH_EXIT.notRecovered;
      } finally {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
      }
    });
}
