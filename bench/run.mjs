// npm run bench [-- --mb N] [--large] [--json]: generates logs with a fixed seed, runs each case five times
// in a fresh process, in rounds, and prints the medians beside the targets of issue 4.
// npm run bench -- --lnav [--mb N]: only `hindsight generate` against lnav on a 1 GB (or N MB) plain log.
// npm run bench -- --store [--rows N]: only `hindsight generate` on a ClickHouse source (bench/store.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { criLine, heterogeneous, jsonLine, plainLine, writeLog } from './generate.mjs';
import { compareWithLnav, printLnavComparison } from './lnav.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const mbGiven = args.includes('--mb') ? Number(args[args.indexOf('--mb') + 1]) : 0;

// The ClickHouse comparison generates its rows inside a private server; it runs on its own too.
if (args.includes('--store')) {
  const { benchStore, printStore } = await import('./store.mjs');
  const rows = args.includes('--rows') ? Number(args[args.indexOf('--rows') + 1]) : undefined;
  const result = await benchStore({ rows, log: (...m) => json || console.error(...m) });
  if (json) console.log(JSON.stringify(result, null, 2));
  else printStore(result);
  process.exit(0);
}

// The lnav comparison takes minutes on 1 GB, so it runs on its own, not with the other cases.
if (args.includes('--lnav')) {
  const result = await compareWithLnav(mbGiven || 1000, (...m) => json || console.error(...m));
  if (json) console.log(JSON.stringify(result, null, 2));
  else printLnavComparison(result);
  process.exit(0);
}

const mb = mbGiven || 100;
const dir = join(tmpdir(), `hindsight-bench-${mb}mb`);
mkdirSync(dir, { recursive: true });
const log = (...m) => json || console.error(...m);

const files = {
  json: { path: join(dir, 'app.jsonl'), bytesPerLine: 228, make: jsonLine },
  plain: { path: join(dir, 'app.log'), bytesPerLine: 114, make: plainLine },
  cri: { path: join(dir, 'app-cri.log'), bytesPerLine: 152, make: criLine },
  mix: {
    path: join(dir, 'mix.log'),
    bytesPerLine: 100,
    make: (r, i) => `${plainLine(r, i).slice(0, 70)} ${mixMessage(r, i)}`,
  },
};
const mixMessage = heterogeneous();
// --large adds the memory target: a 10-million-line plain log mined once (about 1.1 GB on disk).
if (args.includes('--large'))
  files.large = { path: join(tmpdir(), 'hindsight-bench-10m-lines.log'), lines: 10_000_000, make: plainLine };
for (const [name, f] of Object.entries(files)) {
  if (existsSync(f.path)) continue;
  log(`generating ${name} log at ${f.path}`);
  await writeLog(f.path, f.lines ?? Math.round((mb * 1e6) / f.bytesPerLine), f.make);
}

const CASES = [
  ['json-parse', 'json', 'bare JSON.parse of each line (reference)', null],
  ['json-ingest', 'json', 'JSON lines: read + parse + fields', '≥ 200 MB/s'],
  ['json-ingest-2w', 'json', 'json-ingest, two worker threads (wall time)', '≥ 1.8× one core'],
  ['json-mine', 'json', 'JSON lines: ingest + mine + per-template state', null],
  ['plain-ingest', 'plain', 'plain text: read + time + level', '≥ 200 MB/s'],
  ['plain-ingest-2w', 'plain', 'plain-ingest, two worker threads (wall time)', '≥ 1.8× one core'],
  ['plain-mine', 'plain', 'plain text: ingest + mine + per-template state', null],
  ['mix-mine', 'mix', 'heterogeneous plain text: ingest + mine', null],
  ['cri-mine', 'cri', "containers' CRI lines (plain text inside): ingest + mine", null],
  ['hdfs-miner', null, 'miner alone, HDFS-like messages, masking on', '≥ 400k lines/s'],
  ['mix-miner', null, 'miner alone, heterogeneous mix (last/first 100k)', '≥ 0.5×'],
];

if (files.large)
  CASES.push(['plain-mine', 'large', '10 million plain lines: ingest + mine (memory)', '≤ 1 GB peak RSS']);

const caseScript = fileURLToPath(new URL('case.mjs', import.meta.url));
const ROUNDS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
// Cases measured against another, run by run: [the other case, its time, this case's time]. The
// ratio of two runs of one round is steadier than the ratio of two medians on a shared machine.
const PAIRED = {
  'json-ingest': ['json-parse', 'seconds', 'seconds'],
  'json-ingest-2w': ['json-ingest', 'wallSeconds', 'seconds'],
  'plain-ingest-2w': ['plain-ingest', 'wallSeconds', 'seconds'],
};

const runCase = (name, file) =>
  JSON.parse(
    execFileSync(process.execPath, [caseScript, name, file ? files[file].path : ''], { encoding: 'utf8' }),
  );
// Rounds rather than one case after another: a machine that speeds up or slows down over the
// minutes of a bench run then weighs on every case alike, and ratios between cases stay fair.
const runsOf = CASES.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  CASES.forEach(([name, file], k) => {
    if (file === 'large' && round > 0) return;
    runsOf[k].push(runCase(name, file));
    log(`round ${round + 1}: ${name}`);
  });
}
const rows = [];
for (const [k, [name, file, title, target]] of CASES.entries()) {
  const runs = runsOf[k];
  const bytes = file ? statSync(files[file].path).size : null;
  const row = {
    case: name,
    title,
    target,
    clock: runs[0].clock ?? 'cpu',
    seconds: median(runs.map((r) => r.seconds)),
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    mbPerSecond: bytes ? median(runs.map((r) => bytes / 1e6 / r.seconds)) : null,
    linesPerSecond: median(runs.map((r) => r.lines / r.seconds)),
    peakRssMb: median(runs.map((r) => r.rssMb)),
    lastToFirst: runs[0].lastRate ? median(runs.map((r) => r.lastRate / r.firstRate)) : null,
    templates: runs[0].templates ?? null,
    versus: null,
    ratio: null,
    startupSeconds: runs[0].startupSeconds === undefined ? null : median(runs.map((r) => r.startupSeconds)),
  };
  if (PAIRED[name]) {
    const [other, otherTime, ownTime] = PAIRED[name];
    const theirs = runsOf[CASES.findIndex(([n]) => n === other)];
    row.versus = other;
    row.ratio = median(runs.map((r, round) => theirs[round][otherTime] / r[ownTime]));
  }
  rows.push(row);
}

const machine = { node: process.version, cpus: availableParallelism(), mbPerFile: mb };
if (json) console.log(JSON.stringify({ machine, rows }, null, 2));
else {
  const n = (v, d = 1) => (v === null ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: d }));
  console.log(
    `Node ${machine.node}, ${machine.cpus} CPUs, ${mb} MB per generated file, median of ${ROUNDS} runs; rates over CPU time of one core, -2w cases over wall time once both threads have started; speed vs paired run: the median, over rounds, of the paired case's time over this case's`,
  );
  const times = (v) => (v === null ? '–' : `${v.toFixed(2)}×`);
  const startup = (r) =>
    r.startupSeconds === null ? '' : ` (+${Math.round(r.startupSeconds * 1000)} ms start-up)`;
  const versus = (r) => (r.ratio === null ? '–' : `${times(r.ratio)} ${r.versus}`);
  console.log(
    '| case | what | MB/s | lines/s | peak RSS MB | last/first 100k | speed vs paired run | target |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.case} | ${r.title} | ${n(r.mbPerSecond)} | ${n(r.linesPerSecond, 0)} | ${n(r.peakRssMb, 0)} | ${times(r.lastToFirst)} | ${versus(r)}${startup(r)} | ${r.target ?? ''} |`,
    );
  }
}
