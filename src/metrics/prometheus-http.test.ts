import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricEvents } from './anomaly.js';
import { queryRange } from './prometheus-http.js';

const installed = (binary: string) => {
  try {
    execFileSync(binary, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const available = installed('prometheus') && installed('promtool');
const T0 = Date.parse('2026-02-10T13:00:00Z') / 1000;
const onset = T0 + 64 * 60;
const recovery = T0 + 101 * 60;

/** Two hours of request counters at 15 s: 200/s of 200s; 500s at 0.4/s, then 30/s from 14:04 to 14:41. */
function openMetrics(): string {
  const lines = ['# TYPE http_requests counter'];
  for (const code of ['200', '500']) {
    let total = 0;
    for (let t = T0; t <= T0 + 7200; t += 15) {
      lines.push(`http_requests_total{code="${code}",service="checkout"} ${total} ${t}`);
      total += 15 * (code === '200' ? 200 : t >= onset && t < recovery ? 30 : 0.4);
    }
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe.skipIf(!available)(
  'queryRange against a real Prometheus (skipped when Debian package prometheus is not installed)',
  () => {
    let dir = '';
    let server: ChildProcess | null = null;
    let url = '';

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hindsight-prometheus-'));
      writeFileSync(join(dir, 'series.om'), openMetrics());
      writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\n');
      execFileSync('promtool', [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        '-q',
        join(dir, 'series.om'),
        join(dir, 'data'),
      ]);
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      server = spawn(
        'prometheus',
        [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dir, 'data')}`,
          '--storage.tsdb.retention.time=100y',
          `--web.listen-address=127.0.0.1:${port}`,
        ],
        { stdio: 'ignore' },
      );
      for (let i = 0; i < 100; i++) {
        const ready = await fetch(`${url}/-/ready`).then(
          (r) => r.ok,
          () => false,
        );
        if (ready) return;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`Prometheus did not become ready on ${url}`);
    });

    afterAll(() => {
      server?.kill();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('reads each manifest query as a series of its measure, with the error episode in it', async () => {
      const series = await queryRange(
        {
          prometheus: url,
          service: 'checkout',
          queries: {
            errorRate: 'sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))',
            requestRate: 'sum by (service) (rate(http_requests_total[1m]))',
          },
        },
        { start: (T0 + 3600) * 1000, end: (T0 + 6600) * 1000 },
        60,
        { marginSeconds: 3000 },
      );
      expect(series.map((s) => [s.measure, s.service])).toEqual([
        ['errorRate', 'checkout'],
        ['requestRate', 'checkout'],
      ]);
      const [errors, requests] = series;
      expect(errors.points[0][0]).toBe((T0 + 600) * 1000);
      expect(requests.points[10][1]).toBeCloseTo(200.4, 1);
      const events = metricEvents([errors], { baselineEnd: (T0 + 3600) * 1000 });
      const at = (phase: string) => events.find((e) => e.attrs?.phase === phase)!;
      expect(at('onset').ts).toBeGreaterThanOrEqual(onset * 1000);
      expect(at('onset').ts).toBeLessThanOrEqual((onset + 120) * 1000);
      expect(at('peak').attrs?.value).toBeCloseTo(30 / 230, 3);
      expect(at('recovered').ts).toBeGreaterThanOrEqual(recovery * 1000);
      expect(at('recovered').ts).toBeLessThanOrEqual((recovery + 120) * 1000);
    });

    it('says which query failed when Prometheus rejects it', async () => {
      const spec = { prometheus: url, queries: { errorRate: 'sum(rate(' } };
      await expect(queryRange(spec, { start: T0 * 1000, end: (T0 + 600) * 1000 })).rejects.toThrow(
        /query 'errorRate' failed/,
      );
    });
  },
);
