import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { behaviours, closedPort } from '../../test/support/misbehaving-server.js';
import { plantedSecrets } from '../../test/support/secrets.js';
import { type VersionedService, versionedService } from '../../test/support/versioned-service.js';
import { EVIDENCE, type WatchOptions, watchDeploy } from './watch.js';

const lines = (out: string, name: string) =>
  readFileSync(join(out, name), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const states = (out: string) =>
  lines(out, EVIDENCE.watch)
    .filter((l) => !l.gap)
    .map((l) => l.state);

/** Short timings so each watch takes about a second. */
const FAST = {
  intervalMs: 100,
  // Generous: the first request of a process on a busy machine can take a few hundred ms.
  timeoutMs: 1000,
  rule: { failures: 3, settleMs: 300, watchMs: 500, recoverWithinMs: 800, forMs: 300 },
  rollbackTimeoutMs: 2000,
} satisfies Partial<WatchOptions>;

describe('watching a deploy against a local service', () => {
  let svc: VersionedService;
  let out = '';
  beforeAll(async () => {
    svc = await versionedService();
  });
  afterAll(() => svc.close());
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'hindsight-watch-'));
    writeFileSync(join(svc.dir, 'version'), '1.0.0');
  });

  const watch = (options: Partial<WatchOptions>) =>
    watchDeploy({
      out,
      health: [svc.health],
      service: 'checkout',
      version: '2.0.0',
      previousVersion: '1.0.0',
      ...FAST,
      ...options,
    });

  it('calls a deploy that keeps passing healthy, with every check and the deploy recorded', async () => {
    const r = await watch({ deploy: svc.switchTo('1.0.0'), rollback: svc.switchTo('1.0.0') });
    expect(r.outcome).toBe('healthy');
    expect(r.facts).toBeNull();
    expect(states(out)).toEqual(['watching', 'watching', 'healthy']);
    const deploys = lines(out, EVIDENCE.deploys);
    expect(deploys.map((d) => [d.kind, d.phase, d.exitCode])).toEqual([
      ['deploy', 'started', null],
      ['deploy', 'finished', 0],
    ]);
    expect(deploys[1]).toMatchObject({
      service: 'checkout',
      version: '2.0.0',
      previousVersion: '1.0.0',
      timedOut: false,
    });
    expect(deploys[1].output).toBe('switching to 1.0.0\n');
    const checks = lines(out, EVIDENCE.health);
    expect(checks.length).toBeGreaterThanOrEqual(4);
    expect(checks.filter((c) => !(c.kind === 'health-check' && c.ok && c.status === 200))).toEqual([]);
  });

  it('rolls back a deploy whose checks fail, and sees the service recover', async () => {
    const r = await watch({ deploy: svc.switchTo('2.0.0'), rollback: svc.switchTo('1.0.0') });
    expect(r.outcome).toBe('recovered');
    expect(states(out)).toEqual([
      'watching',
      'watching',
      'failing',
      'detected',
      'rolling-back',
      'settling',
      'recovered',
    ]);
    const detected = lines(out, EVIDENCE.watch).find((l) => l.state === 'detected');
    expect(detected.reason).toBe(`3 consecutive failed checks of ${svc.health}`);
    const deploys = lines(out, EVIDENCE.deploys);
    expect(deploys.map((d) => [d.kind, d.phase])).toEqual([
      ['deploy', 'started'],
      ['deploy', 'finished'],
      ['rollback', 'started'],
      ['rollback', 'finished'],
    ]);
    expect(deploys[3]).toMatchObject({ version: '1.0.0', previousVersion: '2.0.0', exitCode: 0 });
    const failed = lines(out, EVIDENCE.health).filter((c) => !c.ok);
    expect(failed[0]).toMatchObject({ status: 500, error: null });
    expect(failed[0].excerpt).toContain('TypeError');
    expect(r.facts).toMatchObject({
      service: 'checkout',
      version: '2.0.0',
      outcome: 'recovered',
      rollbackExitCode: 0,
    });
    expect(r.facts!.firstFailureAt).toBeLessThanOrEqual(r.facts!.detectedAt);
  });

  it('records a failing rollback command and stops with not-recovered', async () => {
    const r = await watch({
      deploy: svc.switchTo('2.0.0'),
      rollback: 'echo registry unreachable >&2; exit 1',
    });
    expect(r.outcome).toBe('not-recovered');
    expect(states(out).slice(-2)).toEqual(['rolling-back', 'not-recovered']);
    const finished = lines(out, EVIDENCE.deploys).at(-1);
    expect(finished).toMatchObject({ kind: 'rollback', phase: 'finished', exitCode: 1, timedOut: false });
    expect(finished.output).toBe('registry unreachable\n');
    expect(lines(out, EVIDENCE.watch).at(-1).reason).toBe('the rollback command failed (exit 1)');
  });

  it('stops a hanging rollback at its timeout and records it as not recovered', async () => {
    const started = Date.now();
    const r = await watch({
      deploy: svc.switchTo('2.0.0'),
      rollback: 'echo rolling back; sleep 30',
      rollbackTimeoutMs: 300,
    });
    expect(r.outcome).toBe('not-recovered');
    expect(Date.now() - started).toBeLessThan(5000);
    const finished = lines(out, EVIDENCE.deploys).at(-1);
    expect(finished).toMatchObject({ kind: 'rollback', phase: 'finished', exitCode: null, timedOut: true });
    expect(finished.output).toBe('rolling back\n');
  });

  it('reports a rollback that ran but did not restore service, once, without looping', async () => {
    const r = await watch({ deploy: svc.switchTo('2.0.0'), rollback: 'echo rolled back' });
    expect(r.outcome).toBe('not-recovered');
    expect(states(out).filter((s) => s === 'rolling-back')).toHaveLength(1);
    expect(lines(out, EVIDENCE.watch).at(-1).reason).toMatch(/^failed check of .* after the rollback$/);
    expect(lines(out, EVIDENCE.deploys).filter((d) => d.kind === 'rollback')).toHaveLength(2);
  });

  it('redacts secrets in the commands and their output', async () => {
    const secrets = plantedSecrets('watch');
    const say = secrets.map((s) => `echo '${s.text.replace(/'/g, '')}'`).join('; ');
    await watch({ deploy: `${say}; ${svc.switchTo('2.0.0')}`, rollback: `${say}; ${svc.switchTo('1.0.0')}` });
    const text = readFileSync(join(out, EVIDENCE.deploys), 'utf8');
    for (const s of secrets) expect(text, s.shape).not.toContain(s.secret);
  });

  it('stops cleanly when asked, keeping what was captured', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 350);
    const r = await watch({
      deploy: svc.switchTo('2.0.0'),
      rollback: 'sleep 30',
      signal: controller.signal,
      rule: { ...FAST.rule, failures: 2 },
    });
    expect(r.outcome).toBe('stopped');
    expect(states(out).at(-1)).toBe('stopped');
    expect(r.facts).toMatchObject({ outcome: 'stopped' });
    const rollback = lines(out, EVIDENCE.deploys).filter((d) => d.kind === 'rollback');
    expect(rollback.at(-1)).toMatchObject({ phase: 'finished', interrupted: true, exitCode: null });
    expect(lines(out, EVIDENCE.health).length).toBeGreaterThan(0);
  });

  it('guards a deploy already under way when no deploy command is given', async () => {
    const r = await watch({});
    expect(r.outcome).toBe('healthy');
    expect(() => readFileSync(join(out, EVIDENCE.deploys))).toThrow();
    expect(lines(out, EVIDENCE.watch)[0].reason).toMatch(/^guarding checkout 2\.0\.0 from now on/);
  });
});

describe('hostile health endpoints during a watch', () => {
  it('counts a hanging endpoint as failed checks with the error timeout and detects it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hindsight-watch-'));
    const { misbehavingServer } = await import('../../test/support/misbehaving-server.js');
    const server = await misbehavingServer();
    server.on('/health', behaviours.hang());
    try {
      const r = await watchDeploy({
        out,
        health: [`${server.url}/health`],
        ...FAST,
        timeoutMs: 150,
        rule: { ...FAST.rule, recoverWithinMs: 200 },
      });
      expect(r.outcome).toBe('not-recovered');
      const checks = lines(out, EVIDENCE.health);
      expect(checks.slice(0, 3).map((c) => [c.ok, c.status, c.error])).toEqual(
        Array(3).fill([false, null, 'timeout']),
      );
    } finally {
      await server.close();
    }
  });

  it('counts refused connections as failed checks', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hindsight-watch-'));
    const url = `http://127.0.0.1:${await closedPort()}/health`;
    const r = await watchDeploy({
      out,
      health: [url],
      ...FAST,
      rule: { ...FAST.rule, recoverWithinMs: 200 },
    });
    expect(r.facts?.detectReason).toBe(`3 consecutive failed checks of ${url}`);
    expect(lines(out, EVIDENCE.health)[0]).toMatchObject({ ok: false, error: 'ECONNREFUSED' });
  });
});

describe('Prometheus during a watch', () => {
  let up = true;
  let rate = '0.01';
  let url = '';
  const prometheus = createServer((req, res) => {
    if (!up) return void req.socket.destroy();
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        status: 'success',
        data: {
          resultType: 'vector',
          result: [{ metric: { job: 'checkout' }, value: [Date.now() / 1000, rate] }],
        },
      }),
    );
  });
  const service = createServer((_req, res) => res.writeHead(200).end('ok'));
  let health = '';
  beforeAll(async () => {
    await new Promise<void>((r) => prometheus.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => service.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(prometheus.address() as { port: number }).port}`;
    health = `http://127.0.0.1:${(service.address() as { port: number }).port}/health`;
  });
  afterAll(() => {
    for (const s of [prometheus, service]) {
      s.closeAllConnections();
      s.close();
    }
  });

  it('records the series as a query_range matrix, and a gap while Prometheus is down, and keeps watching', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hindsight-watch-'));
    up = true;
    rate = '0.01';
    setTimeout(() => (up = false), 150);
    setTimeout(() => (up = true), 450);
    const r = await watchDeploy({
      out,
      health: [health],
      prometheus: url,
      queries: { errorRate: 'sum(rate(x[1m]))' },
      ...FAST,
      rule: { ...FAST.rule, watchMs: 800 },
    });
    expect(r.outcome).toBe('healthy');
    const gaps = lines(out, EVIDENCE.watch).filter((l) => l.gap);
    expect(gaps.map((g) => [g.gap, g.query])).toEqual([
      ['started', 'errorRate'],
      ['ended', 'errorRate'],
    ]);
    const gapStart = Date.parse(gaps[0].ts);
    expect(lines(out, EVIDENCE.health).filter((c) => Date.parse(c.ts) > gapStart).length).toBeGreaterThan(1);
    const matrix = JSON.parse(readFileSync(join(out, 'prometheus-errorRate.json'), 'utf8'));
    expect(matrix.data.resultType).toBe('matrix');
    expect(matrix.data.result[0].metric).toEqual({ job: 'checkout' });
    expect(matrix.data.result[0].values.length).toBeGreaterThan(3);
  });

  it('records a gap when Prometheus is never reachable, and still calls a healthy deploy healthy', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hindsight-watch-'));
    const r = await watchDeploy({
      out,
      health: [health],
      prometheus: `http://127.0.0.1:${await closedPort()}`,
      queries: { errorRate: 'up' },
      errorRateQuery: 'errorRate',
      ...FAST,
      rule: { ...FAST.rule, errorRateAbove: 0.05 },
    });
    expect(r.outcome).toBe('healthy');
    expect(lines(out, EVIDENCE.watch).filter((l) => l.gap)[0].reason).toBe(
      'Prometheus query errorRate unavailable (ECONNREFUSED): a gap in its series from now',
    );
  });

  it('detects an error rate above the threshold for the period', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hindsight-watch-'));
    up = true;
    rate = '0.4';
    const r = await watchDeploy({
      out,
      health: [health],
      prometheus: url,
      queries: { errorRate: 'x' },
      errorRateQuery: 'errorRate',
      ...FAST,
      rule: { ...FAST.rule, errorRateAbove: 0.05, forMs: 200, recoverWithinMs: 200 },
    });
    expect(r.facts?.detectReason).toMatch(/^error rate 0\.4 above 0\.05 for \d+ms$/);
  });
});
