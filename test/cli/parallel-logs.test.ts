import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'hindsight-parallel-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The JSON report of the bundle mined on `workers` threads, whatever the log's size, in ranges of `chunk` bytes. */
function reportWith(bundle: string, workers: number, chunk = '0') {
  const out = join(work, `report-${workers}-${chunk}.json`);
  const env = {
    ...process.env,
    HINDSIGHT_LOG_WORKERS: String(workers),
    HINDSIGHT_LOG_WORKER_MIN_BYTES: '0',
    HINDSIGHT_LOG_CHUNK_BYTES: chunk,
  };
  const r = spawnSync(
    'node',
    [join(root, 'bin/hindsight.js'), 'generate', bundle, '--format', 'json', '--no-save', '-o', out],
    {
      cwd: root,
      encoding: 'utf8',
      env,
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('a big log mined on worker threads', () => {
  it('gives the report one thread gives (examples/checkout-logs-metrics, log uncompressed)', () => {
    const bundle = join(work, 'bundle');
    cpSync(join(root, 'examples/checkout-logs-metrics'), bundle, { recursive: true });
    const gz = join(bundle, 'logs/checkout.log.gz');
    writeFileSync(join(bundle, 'logs/checkout.log'), gunzipSync(readFileSync(gz)));
    rmSync(gz);
    const one = reportWith(bundle, 1);
    expect(one.timeline.some((e: { summary: string }) => /New error log template/.test(e.summary))).toBe(
      true,
    );
    expect(reportWith(bundle, 2)).toEqual(one);
    expect(reportWith(bundle, 3)).toEqual(one);
    // Two threads taking ranges of 1 MB in turn.
    expect(reportWith(bundle, 2, '1000000')).toEqual(one);
  });
});
