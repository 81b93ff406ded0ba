// One ingest worker thread: loads the built readers, says it is ready, and on `go` takes the file's
// next range not yet taken, as the log-mining workers do, reads it, and so on until none is left;
// then posts the counts.
import { parentPort, workerData } from 'node:worker_threads';
import { loadBuilt } from './built.mjs';

const { ingestRange } = await loadBuilt('logs/parallel-ingest.js');
const { jsonRecordReader } = await loadBuilt('logs/json-record.js');
const { textRecordReader } = await loadBuilt('logs/text-record.js');

const readers = { json: jsonRecordReader, plain: textRecordReader };
const { path, ranges, next, format } = workerData;
const taken = new Int32Array(next);
parentPort.once('message', async () => {
  const total = { lines: 0, bytes: 0, skipped: 0, ranges: 0 };
  for (let k = Atomics.add(taken, 0, 1); k < ranges.length; k = Atomics.add(taken, 0, 1)) {
    const counts = await ingestRange(path, ranges[k], readers[format]);
    total.lines += counts.lines;
    total.bytes += counts.bytes;
    total.skipped += counts.skipped;
    total.ranges++;
  }
  parentPort.postMessage(total);
});
parentPort.postMessage('ready');
