// One log-mining worker thread: mines its byte range of the file and posts what it found.
import { parentPort, workerData } from 'node:worker_threads';
import { mineRange } from './mine-log.js';
import { LISTED_SKIPS, type MoreSkips, type RangeJob, type RangeResult } from './parallel-mine.js';
import { RECORD_READERS } from './record-readers.js';

const job = workerData as RangeJob;
const skips: RangeResult['skips'] = [];
const more = new Map<string, MoreSkips>();
const listed = new Map<string, number>();

function skip(line: number | null, reason: string): void {
  const n = (listed.get(reason) ?? 0) + 1;
  listed.set(reason, n);
  if (n <= LISTED_SKIPS) skips.push([line, reason]);
  else {
    const rest = more.get(reason) ?? { reason, count: 0, first: line, last: line };
    rest.count++;
    rest.last = line ?? rest.last;
    more.set(reason, rest);
  }
}

const mined = await mineRange(
  { name: job.name, path: job.path },
  { skip, time: job.time, spec: job.spec },
  RECORD_READERS[job.reader],
  { ...job.options, range: job.range },
);
parentPort?.postMessage({ ...mined, skips, moreSkips: [...more.values()] } satisfies RangeResult);
