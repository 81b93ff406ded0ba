// `hindsight generate` on a bundle with one big plain-text log, against lnav indexing and querying the
// same file, in the same run: wall time, median of 3, runs interleaved so both see the same machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainLine, writeLog } from './generate.mjs';

const cli = fileURLToPath(new URL('../bin/hindsight.js', import.meta.url));
const LNAV_QUERY = ';SELECT count(*) FROM all_logs WHERE log_level = "error"';
const TARGET_RATIO = 2;

const MANIFEST = `id: INC-BENCH
title: Checkout errors in a large plain-text log
severity: SEV2
date: 2026-02-10
timezone: UTC
services: [checkout]
`;

/** Runs a command to its end and returns its wall time in seconds; throws when it fails. */
function timed(command, args) {
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - start) / 1000;
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${command} exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
  return { seconds, stdout: run.stdout };
}

function lnavVersion() {
  const run = spawnSync('lnav', ['-V'], { encoding: 'utf8' });
  if (run.error) throw new Error('lnav is not installed: apt-get install -y lnav (Debian package)');
  return run.stdout.trim();
}

/** Makes (once) a bundle whose only evidence is a plain-text log of about `mb` MB, with a fixed seed. */
async function bundleWithPlainLog(mb, log) {
  const bundle = join(tmpdir(), `hindsight-bench-lnav-${mb}mb`);
  const file = join(bundle, 'logs', 'checkout.log');
  mkdirSync(join(bundle, 'logs'), { recursive: true });
  writeFileSync(join(bundle, 'incident.yaml'), MANIFEST);
  if (!existsSync(file)) {
    log(`generating a ${mb} MB plain log at ${file}`);
    await writeLog(file, Math.round((mb * 1e6) / 114), plainLine);
  }
  return { bundle, file };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function compareWithLnav(mb, log) {
  const lnav = lnavVersion();
  const { bundle, file } = await bundleWithPlainLog(mb, log);
  const hindsightRuns = [];
  const lnavRuns = [];
  let errorLines = null;
  for (let run = 0; run < 3; run++) {
    const ours = timed(process.execPath, [
      cli,
      'generate',
      bundle,
      '--format',
      'json',
      '--no-save',
      '-o',
      '/dev/null',
    ]);
    hindsightRuns.push(ours.seconds);
    const theirs = timed('lnav', ['-n', '-c', LNAV_QUERY, file]);
    lnavRuns.push(theirs.seconds);
    errorLines = Number(theirs.stdout.match(/\d+/)?.[0] ?? Number.NaN);
    log(`run ${run + 1}: hindsight ${ours.seconds.toFixed(1)} s, lnav ${theirs.seconds.toFixed(1)} s`);
  }
  const hindsightSeconds = median(hindsightRuns);
  const lnavSeconds = median(lnavRuns);
  return {
    machine: { node: process.version, cpus: availableParallelism(), lnav },
    file: { path: file, mb: statSync(file).size / 1e6 },
    lnavQuery: LNAV_QUERY,
    lnavErrorLines: errorLines,
    hindsightSeconds,
    lnavSeconds,
    ratio: hindsightSeconds / lnavSeconds,
    target: TARGET_RATIO,
    met: hindsightSeconds / lnavSeconds <= TARGET_RATIO,
    runs: { hindsight: hindsightRuns, lnav: lnavRuns },
  };
}

export function printLnavComparison(r) {
  console.log(
    `Node ${r.machine.node}, ${r.machine.cpus} CPUs, ${r.machine.lnav}, ${r.file.mb.toFixed(0)} MB plain log, wall time, median of 3`,
  );
  console.log('| command | seconds |');
  console.log('|---|---:|');
  console.log(
    `| hindsight generate <bundle> --format json --no-save -o /dev/null | ${r.hindsightSeconds.toFixed(1)} |`,
  );
  console.log(
    `| lnav -n -c '${r.lnavQuery}' FILE (${r.lnavErrorLines} error lines) | ${r.lnavSeconds.toFixed(1)} |`,
  );
  console.log(
    `hindsight / lnav: ${r.ratio.toFixed(2)}× (target ≤ ${r.target}×: ${r.met ? 'met' : 'not met'})`,
  );
}
