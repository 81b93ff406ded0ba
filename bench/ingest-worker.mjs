// One ingest worker thread: reads its byte range of the file with the built readers and posts the counts.
import { parentPort, workerData } from 'node:worker_threads';
import { loadBuilt } from './built.mjs';

// Only the modules ingest needs: the thread's start-up is part of the wall time measured.
const { ingestRange } = await loadBuilt('logs/parallel-ingest.js');
const { jsonRecordReader } = await loadBuilt('logs/json-record.js');
const { textRecordReader } = await loadBuilt('logs/text-record.js');

const readers = { json: jsonRecordReader, plain: textRecordReader };
const { path, range, format } = workerData;
parentPort.postMessage(await ingestRange(path, range, readers[format]));
