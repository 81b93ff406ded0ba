// Mines one big log on several worker threads, which take its byte ranges in turn, and merges what
// they found.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Input } from '../bundle/index.js';
import type { LogTemplate, MoreSkips, ReadContext, SourceSpec } from '../model/index.js';
import type { TimeContext } from '../time/index.js';
import type { ByteRange } from './line-reader.js';
import { mergeTemplates } from './merge-templates.js';
import type { MinedLog, MineLogOptions } from './mine-log.js';
import { lineAlignedRanges } from './parallel-ingest.js';
import type { RecordReaderName } from './record-readers.js';

/** What the workers are asked to mine: the ranges of one file, taken in turn. */
export interface RangeJob {
  name: string;
  path: string;
  ranges: ByteRange[];
  /** One Int32: the index of the next range not yet taken, shared by every worker. */
  next: SharedArrayBuffer;
  reader: RecordReaderName;
  time: TimeContext;
  spec: SourceSpec | null;
  options: Omit<MineLogOptions, 'range'>;
}

/** What a worker posts: one range mined, or that no range is left for it. */
export type WorkerMessage = { index: number; result: RangeResult } | { done: true };

/** What one worker found; skipped lines are numbered from its range's first line. */
export interface RangeResult extends MinedLog {
  /** The first skipped lines of each reason, with their numbers. */
  skips: [number | null, string][];
  /** The rest, counted: a range of a million bad lines sends a few records, not a million. */
  moreSkips: MoreSkips[];
}

/** Skipped lines a worker lists per reason; the main thread lists fewer. */
export const LISTED_SKIPS = 20;

/** Reasons a leading line of a later range is skipped only because its record began earlier. */
const CONTINUATION = 'no timestamp';

const DEFAULT_MIN_BYTES = 64 * 1024 * 1024;
const DEFAULT_CHUNK_BYTES = 32 * 1024 * 1024;
/** Ranges per thread at most: each range's templates are merged at the end. */
const MAX_RANGES_PER_WORKER = 16;
// `../logs/`: the same from this module and from the bundled command line in dist/cli/.
const WORKER = new URL('../logs/mine-worker.js', import.meta.url);

/**
 * How many threads mine a file of `bytes`: 1 below 64 MiB, for gzip, or when the worker script
 * is not built (tests that run the TypeScript); else two, or `HINDSIGHT_LOG_WORKERS`.
 * `HINDSIGHT_LOG_WORKER_MIN_BYTES` moves the threshold.
 */
export function logWorkers(path: string, bytes: number, env = process.env): number {
  const wanted = Number(env.HINDSIGHT_LOG_WORKERS ?? Math.min(2, availableParallelism()));
  const minBytes = Number(env.HINDSIGHT_LOG_WORKER_MIN_BYTES ?? DEFAULT_MIN_BYTES);
  if (!(wanted > 1) || !(bytes >= minBytes) || path.endsWith('.gz')) return 1;
  return existsSync(fileURLToPath(WORKER)) ? Math.floor(wanted) : 1;
}

/**
 * How many ranges `workers` threads cut a file of `bytes` into: about 32 MiB each
 * (`HINDSIGHT_LOG_CHUNK_BYTES`), at least one and at most 16 per thread. Threads take the next
 * range as they finish one, so a thread slowed by other work on its core holds up the end by one
 * range at most, not by half the file.
 */
export function rangeCount(bytes: number, workers: number, env = process.env): number {
  const chunk = Number(env.HINDSIGHT_LOG_CHUNK_BYTES ?? DEFAULT_CHUNK_BYTES);
  const wanted = chunk > 0 ? Math.ceil(bytes / chunk) : workers;
  return Math.max(workers, Math.min(wanted, workers * MAX_RANGES_PER_WORKER));
}

/** Runs `workers` threads over the job's ranges; resolves with each range's result, in order. */
function runWorkers(job: Omit<RangeJob, 'next'>, workers: number, worker: URL): Promise<RangeResult[]> {
  const next = new SharedArrayBuffer(4);
  const results: RangeResult[] = new Array(job.ranges.length);
  let received = 0;
  if (job.ranges.length === 0) return Promise.resolve(results);
  return new Promise((resolve, reject) => {
    const threads = Array.from({ length: Math.min(workers, job.ranges.length) }, () => {
      const thread = new Worker(worker, { workerData: { ...job, next } satisfies RangeJob });
      let done = false;
      thread.on('message', (message: WorkerMessage) => {
        if ('done' in message) done = true;
        else {
          results[message.index] = message.result;
          if (++received === job.ranges.length) resolve(results);
        }
      });
      thread.once('error', fail);
      thread.once('exit', (code) => {
        if (!done) fail(new Error(`log worker stopped with code ${code}`));
      });
      return thread;
    });
    function fail(error: Error) {
      for (const thread of threads) void thread.terminate();
      reject(error);
    }
  });
}

/**
 * Mines `input` on `workers` threads, which take its byte ranges in turn, and merges the
 * templates. Example and skipped line numbers are moved to file line numbers; the untimed lines a
 * later range starts with continue the record before the cut, so they are not skipped when an
 * earlier range had a time.
 */
export async function mineInParallel(
  input: Input,
  ctx: ReadContext,
  reader: RecordReaderName,
  workers: number,
  options: Omit<MineLogOptions, 'range'> = {},
  worker = WORKER,
  env = process.env,
): Promise<LogTemplate[]> {
  const parts = rangeCount((await stat(input.path)).size, workers, env);
  const ranges = (await lineAlignedRanges(input.path, parts)).filter((r) => r.end > r.start);
  const job = { name: input.name, path: input.path, ranges, reader, time: ctx.time, spec: ctx.spec, options };
  const results = await runWorkers(job, workers, worker);
  let linesBefore = 0;
  let timedBefore = 0;
  for (const result of results) {
    const at = (line: number | null) => (line === null ? null : line + linesBefore);
    const continues = (reason: string) => reason === CONTINUATION && timedBefore > 0;
    for (const [line, reason] of result.skips) if (!continues(reason)) ctx.skip(at(line), reason);
    for (const more of result.moreSkips) {
      if (continues(more.reason)) continue;
      // Counted one by one, numbered only at the ends: the listing needs no more.
      ctx.skip(at(more.first), more.reason);
      for (let k = 2; k < more.count; k++) ctx.skip(null, more.reason);
      if (more.count > 1) ctx.skip(at(more.last), more.reason);
    }
    for (const t of result.templates) if (t.source.line !== null) t.source.line += linesBefore;
    linesBefore += result.lines;
    timedBefore += result.timed;
  }
  return mergeTemplates(
    results.map((r) => r.templates),
    options.miner,
  );
}
