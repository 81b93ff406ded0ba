import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../test/support/misbehaving-server.js';
import { EVIDENCE, watchDeploy } from './watch.js';

const installed = (() => {
  try {
    execFileSync('prometheus', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe.skipIf(!installed)(
  'watch with a real Prometheus that goes down mid-watch (skipped when Debian package prometheus is not installed)',
  () => {
    let dir = '';
    let prometheus: ChildProcess | null = null;
    let url = '';
    const service = createServer((_req, res) => res.writeHead(200).end('ok'));
    let health = '';

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hindsight-watch-prometheus-'));
      writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\n');
      const port = await closedPort();
      url = `http://127.0.0.1:${port}`;
      prometheus = spawn(
        'prometheus',
        [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${port}`,
        ],
        { stdio: 'ignore' },
      );
      await new Promise<void>((r) => service.listen(0, '127.0.0.1', r));
      health = `http://127.0.0.1:${(service.address() as { port: number }).port}/health`;
      for (let i = 0; i < 150; i++) {
        if (
          await fetch(`${url}/-/ready`).then(
            (r) => r.ok,
            () => false,
          )
        )
          return;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`Prometheus did not become ready on ${url}`);
    });

    afterAll(() => {
      prometheus?.kill('SIGKILL');
      service.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('records the query as a matrix, then a gap once Prometheus is gone, and the watch goes on', async () => {
      const out = mkdtempSync(join(tmpdir(), 'hindsight-watch-'));
      let gone = 0;
      const result = await watchDeploy({
        out,
        health: [health],
        prometheus: url,
        queries: { errorRate: 'vector(0.01)' },
        errorRateQuery: 'errorRate',
        intervalMs: 150,
        timeoutMs: 2000,
        rule: { errorRateAbove: 0.05, forMs: 300, watchMs: 2500 },
        onRound: () => {
          // After a few answers, Prometheus stops for good.
          if (existsMatrix(out) && !gone) {
            gone = Date.now();
            prometheus?.kill('SIGKILL');
          }
        },
      });
      expect(result.outcome).toBe('healthy');
      const gap = lines(join(out, EVIDENCE.watch)).find((l) => l.gap === 'started');
      expect(gap).toMatchObject({ query: 'errorRate', state: 'watching' });
      expect(lines(join(out, EVIDENCE.health)).filter((c) => c.ts > gap.ts).length).toBeGreaterThan(3);
      const matrix = JSON.parse(readFileSync(join(out, 'prometheus-errorRate.json'), 'utf8'));
      expect(matrix.data.resultType).toBe('matrix');
      expect(matrix.data.result[0].values[0][1]).toBe('0.01');
    });
  },
);

const existsMatrix = (out: string) => {
  try {
    readFileSync(join(out, 'prometheus-errorRate.json'));
    return true;
  } catch {
    return false;
  }
};
