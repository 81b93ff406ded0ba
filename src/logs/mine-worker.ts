// One log-mining worker thread: takes the file's next range not yet taken, mines it and posts what
// it found, until no range is left.
import { parentPort, workerData } from 'node:worker_threads';
import { skipTally } from '../model/index.js';
import { mineRange } from './mine-log.js';
import { LISTED_SKIPS, type RangeJob, type RangeResult, type WorkerMessage } from './parallel-mine.js';
import { RECORD_READERS } from './record-readers.js';

const job = workerData as RangeJob;
const next = new Int32Array(job.next);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

for (let index = Atomics.add(next, 0, 1); index < job.ranges.length; index = Atomics.add(next, 0, 1)) {
  const skips: RangeResult['skips'] = [];
  const tally = skipTally(LISTED_SKIPS, (line, reason) => void skips.push([line, reason]));
  const mined = await mineRange(
    { name: job.name, path: job.path },
    { skip: tally.skip, time: job.time, spec: job.spec },
    RECORD_READERS[job.reader],
    { ...job.options, range: job.ranges[index] },
  );
  post({ index, result: { ...mined, skips, moreSkips: tally.rest() } });
}
post({ done: true });
