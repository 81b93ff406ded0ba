// One log-mining worker thread: mines its byte range of the file and posts what it found.
import { parentPort, workerData } from 'node:worker_threads';
import { skipTally } from '../sources/skip-tally.js';
import { mineRange } from './mine-log.js';
import { LISTED_SKIPS, type RangeJob, type RangeResult } from './parallel-mine.js';
import { RECORD_READERS } from './record-readers.js';

const job = workerData as RangeJob;
const skips: RangeResult['skips'] = [];
const tally = skipTally(LISTED_SKIPS, (line, reason) => void skips.push([line, reason]));

const mined = await mineRange(
  { name: job.name, path: job.path },
  { skip: tally.skip, time: job.time, spec: job.spec },
  RECORD_READERS[job.reader],
  { ...job.options, range: job.range },
);
parentPort?.postMessage({ ...mined, skips, moreSkips: tally.rest() } satisfies RangeResult);
