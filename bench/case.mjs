// Runs one benchmark case in a fresh process and prints { seconds, wallSeconds, bytes, lines, rssMb } as JSON:
// `seconds` is CPU time for the one-core cases and wall time for the two-worker ones.
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { loadBuilt } from './built.mjs';
import { hdfsMessage, heterogeneous, random } from './generate.mjs';

const [name, path] = process.argv.slice(2);
const logs = await loadBuilt('logs/index.js');
const { fileInput } = await loadBuilt('bundle/index.js');
const { recordingContext } = await loadBuilt('sources/recording-context.js');

const ignore = { overlong() {} };

// CPU time of this process rather than wall time: the cases are single-threaded, and CPU time
// stays honest on a machine that other work shares.
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * Two worker threads take the file's ranges (about 32 MiB each, as `hindsight generate` cuts a big
 * log for its mining threads) in turn. Wall time, since two cores are busy, from the moment both
 * threads have loaded the readers (their start-up is reported apart) until both have answered.
 */
async function ingestTwoWorkers(format) {
  const worker = new URL('ingest-worker.mjs', import.meta.url);
  const { rangeCount } = await loadBuilt('logs/parallel-mine.js');
  const ranges = await logs.lineAlignedRanges(path, rangeCount(statSync(path).size, 2));
  const next = new SharedArrayBuffer(4);
  const spawned = performance.now();
  const threads = [0, 1].map(() => new Worker(worker, { workerData: { path, ranges, next, format } }));
  const answer = (thread) =>
    new Promise((done, fail) => {
      thread.once('message', done);
      thread.once('error', fail);
      // A worker that exits before answering (dist/ missing, say) fails the case instead of hanging.
      thread.once('exit', (code) => fail(new Error(`ingest worker exited with code ${code}`)));
    });
  await Promise.all(threads.map(answer));
  const go = performance.now();
  const parts = await Promise.all(
    threads.map((thread) => {
      const counts = answer(thread);
      thread.postMessage('go');
      return counts;
    }),
  );
  const seconds = (performance.now() - go) / 1000;
  const sum = (key) => parts.reduce((n, p) => n + p[key], 0);
  return {
    lines: sum('lines'),
    bytes: sum('bytes'),
    skipped: sum('skipped'),
    seconds,
    startupSeconds: (go - spawned) / 1000,
    clock: 'wall',
  };
}

/** Reads every line into a record, as one ingest worker reads its range (bytes in the block when the reader can). */
const readWith = (makeReader) => logs.ingestRange(path, { start: 0, end: statSync(path).size }, makeReader);

async function mine(makeReader) {
  const input = await fileInput(path);
  const { ctx } = recordingContext(input.name);
  const templates = await logs.mineLog(input, ctx, makeReader);
  return {
    lines: templates.reduce((n, t) => n + t.count, 0),
    bytes: statSync(path).size,
    templates: templates.length,
  };
}

/** Mines messages made in memory, 100k at a time (made outside the clock); reports the first and last 100k. */
function minerOnly(make, total) {
  const r = random(11);
  const m = logs.miner();
  const laps = [];
  for (let from = 0; from < total; from += 100_000) {
    const messages = Array.from({ length: 100_000 }, (_, k) => make(r, from + k));
    const start = cpuSeconds();
    for (const message of messages) m.add(message);
    laps.push(cpuSeconds() - start);
  }
  const seconds = laps.reduce((a, b) => a + b, 0);
  return {
    lines: total,
    seconds,
    firstRate: 100_000 / laps[0],
    lastRate: 100_000 / laps[laps.length - 1],
    templates: m.size,
  };
}

const cases = {
  'json-parse': () => logs.readLogLines(path, { ...ignore, line: (text) => void JSON.parse(text) }),
  'json-ingest': () => readWith(logs.jsonRecordReader),
  'json-mine': () => mine(logs.jsonRecordReader),
  'plain-ingest': () => readWith(logs.textRecordReader),
  'json-ingest-2w': () => ingestTwoWorkers('json'),
  'plain-ingest-2w': () => ingestTwoWorkers('plain'),
  'plain-mine': () => mine(logs.textRecordReader),
  'mix-mine': () => mine(logs.textRecordReader),
  'cri-mine': () => mine(logs.containerRecordReader),
  'hdfs-miner': () => minerOnly(hdfsMessage, 1_000_000),
  'mix-miner': () => minerOnly(heterogeneous(), 1_000_000),
};

const start = cpuSeconds();
const wallStart = performance.now();
const result = await cases[name]();
const wallSeconds = (performance.now() - wallStart) / 1000;
const seconds = result.seconds ?? (result.clock === 'wall' ? wallSeconds : cpuSeconds() - start);
console.log(
  JSON.stringify({ ...result, seconds, wallSeconds, rssMb: process.resourceUsage().maxRSS / 1024 }),
);
