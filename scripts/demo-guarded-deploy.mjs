#!/usr/bin/env node
// Seed 002 as it happens: api 1.0.0 serves traffic, `hindsight watch` deploys the faulty 2.0.0,
// its health checks fail, watch rolls back to 1.0.0, waits for the checks to pass, and writes the
// postmortem. A real Prometheus scrapes the service when /usr/bin/prometheus is installed.
// Usage: npm run demo:guarded-deploy [-- --out FOLDER] [--no-prometheus] [--state FOLDER]
// Everything it starts (service, Prometheus, watch) is stopped at the end and on Ctrl-C.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples/guarded-deploy');
const PROMETHEUS = process.env.HINDSIGHT_PROMETHEUS_BIN ?? '/usr/bin/prometheus';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    'no-prometheus': { type: 'boolean', default: false },
    /** The service's state folder (pid, version, releases.log); a temporary one by default. */
    state: { type: 'string' },
    /** Seconds of 1.0.0 traffic recorded before the deploy, so the report has a baseline. */
    baseline: { type: 'string', default: '6' },
  },
});
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const out = resolve(args.out ?? join(root, 'out', `guarded-deploy-${stamp}`));
const scratch = mkdtempSync(join(tmpdir(), 'hindsight-demo-'));
const say = (line) => console.log(`demo: ${line}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** GET on loopback: the status, or null when nothing answers. */
function get(port, path) {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode));
    });
    req.on('error', () => done(null));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** Runs a node script to its end with the demo's environment; rejects on a non-zero exit. */
function runNode(script, argv) {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...argv], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${script} exited with ${code}`))));
  });
}

const started = { prometheus: null, watch: null, traffic: null, service: false };

async function startPrometheus(servicePort) {
  const port = await freePort();
  const dir = join(scratch, 'prometheus');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      'scrape_configs:',
      '  - job_name: api',
      `    static_configs: [{ targets: ['127.0.0.1:${servicePort}'] }]`,
      '',
    ].join('\n'),
  );
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    // Its own process group: a Ctrl-C reaches the demo, which stops it in order.
    { stdio: ['ignore', 'ignore', 'ignore'], detached: true },
  );
  started.prometheus = child;
  for (let i = 0; i < 150; i++) {
    if ((await get(port, '/-/ready')) === 200) return `http://127.0.0.1:${port}`;
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  throw new Error(`Prometheus did not become ready on 127.0.0.1:${port}`);
}

/** Users of the service: a request to /api/status every 100 ms, counted by status. */
function startTraffic(port) {
  const seen = new Map();
  const timer = setInterval(async () => {
    const status = await get(port, '/api/status');
    seen.set(status, (seen.get(status) ?? 0) + 1);
  }, 100);
  started.traffic = { timer, seen };
}

async function cleanUp() {
  if (started.traffic) clearInterval(started.traffic.timer);
  if (started.watch && started.watch.exitCode === null) started.watch.kill('SIGTERM');
  if (started.service) {
    const { settings, stop } = await import(join(example, 'release.mjs'));
    const pid = await stop(settings());
    if (pid) say(`stopped the service (pid ${pid})`);
  }
  const p = started.prometheus;
  if (p && p.exitCode === null) {
    p.kill('SIGTERM');
    for (let i = 0; i < 50 && p.exitCode === null; i++) await sleep(100);
    if (p.exitCode === null) p.kill('SIGKILL');
    say('stopped Prometheus');
  }
  rmSync(scratch, { recursive: true, force: true });
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    say(`${signal}: stopping`);
    // Watch writes what it captured and exits; the rest is stopped once it has.
    if (started.watch && started.watch.exitCode === null) started.watch.kill('SIGINT');
    else cleanUp().then(() => process.exit(130));
  });

async function main() {
  // watch creates the bundle folder itself, not its parents (out/ on a fresh clone).
  mkdirSync(dirname(out), { recursive: true });
  const port = await freePort();
  process.env.GUARDED_PORT = String(port);
  process.env.GUARDED_STATE = args.state ? resolve(args.state) : join(scratch, 'service');
  started.service = true;
  await runNode(join(example, 'deploy.mjs'), ['1.0.0']);
  startTraffic(port);

  const withPrometheus = !args['no-prometheus'] && existsSync(PROMETHEUS);
  const prometheus = withPrometheus ? await startPrometheus(port) : null;
  if (prometheus) say(`Prometheus on ${prometheus}, scraping the service every second`);
  else
    say(
      args['no-prometheus']
        ? 'running without Prometheus (--no-prometheus)'
        : `${PROMETHEUS} is not installed: running without --prometheus (no error-rate series in the report)`,
    );
  say(`api 1.0.0 serving for ${args.baseline} s before the deploy`);
  await sleep(Number(args.baseline) * 1000);
  if (interrupted) return 130;

  const node = process.execPath;
  const watchArgs = [
    // HINDSIGHT_BIN runs the demo with another build of the command (an installed one).
    process.env.HINDSIGHT_BIN ?? join(root, 'bin/hindsight.js'),
    'watch',
    '--deploy',
    `"${node}" "${join(example, 'deploy.mjs')}" 2.0.0`,
    '--rollback',
    `"${node}" "${join(example, 'rollback.mjs')}" 1.0.0`,
    '--health',
    `http://127.0.0.1:${port}/health`,
    ...(prometheus
      ? [
          '--prometheus',
          prometheus,
          '--query',
          // `or vector(0)`: with no 5xx series yet (1.0.0) the ratio is 0, not missing.
          'errorRate=(sum(rate(http_requests_total{status=~"5.."}[5s])) or vector(0)) / sum(rate(http_requests_total[5s]))',
          '--query',
          'requestRate=sum(rate(http_requests_total[5s]))',
        ]
      : []),
    '--service',
    'api',
    '--version',
    '2.0.0',
    '--previous-version',
    '1.0.0',
    '--interval',
    '1s',
    '--failures',
    '3',
    '--settle',
    '5s',
    '--out',
    out,
  ];
  say(`hindsight watch --out ${out}`);
  const watch = spawn(node, watchArgs, { stdio: 'inherit', detached: true });
  started.watch = watch;
  const code = await new Promise((done) => watch.on('exit', (c, signal) => done(c ?? (signal ? 130 : 1))));
  const seen = started.traffic ? Object.fromEntries(started.traffic.seen) : {};
  say(`watch exited with ${code}; requests to /api/status by status: ${JSON.stringify(seen)}`);
  if (existsSync(join(out, 'postmortem.md'))) say(`postmortem: ${join(out, 'postmortem.md')}`);
  return code;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`demo: ${error.message}`);
  code = 1;
} finally {
  await cleanUp();
}
process.exit(code);
