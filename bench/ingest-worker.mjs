// One ingest worker thread: loads the built readers, says it is ready, and on `go` reads its byte
// range of the file and posts the counts.
import { parentPort, workerData } from 'node:worker_threads';
import { loadBuilt } from './built.mjs';

const { ingestRange } = await loadBuilt('logs/parallel-ingest.js');
const { jsonRecordReader } = await loadBuilt('logs/json-record.js');
const { textRecordReader } = await loadBuilt('logs/text-record.js');

const readers = { json: jsonRecordReader, plain: textRecordReader };
const { path, range, format } = workerData;
parentPort.once('message', async () =>
  parentPort.postMessage(await ingestRange(path, range, readers[format])),
);
parentPort.postMessage('ready');
