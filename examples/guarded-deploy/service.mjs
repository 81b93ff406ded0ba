// A tiny HTTP service with no dependencies, in two versions: 1.0.0 is healthy; 2.0.0 is the
// faulty release of seed 002 (its /health throws a TypeError, its /api/status fails).
// Usage: node service.mjs --version 2.0.0 --port 8080
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { version: { type: 'string', default: '1.0.0' }, port: { type: 'string', default: '8080' } },
});
const version = values.version;
const port = Number(values.port);
const faulty = version.startsWith('2.');
const started = new Date().toISOString();

/** Requests served, by path and status, for /metrics. */
const served = new Map();
const count = (path, status) => {
  const key = `${path}\u0000${status}`;
  served.set(key, (served.get(key) ?? 0) + 1);
};

function health() {
  // The 2.0.0 bug: a field that is never set, read as if it were.
  const build = faulty ? undefined : 42;
  return { status: 'ok', version, build: build.toString(), started };
}

function status() {
  if (faulty) throw new Error('Database connection failed');
  return { service: 'api', version, database: 'connected' };
}

function metrics() {
  const lines = [
    '# HELP http_requests_total Requests served, by path and status.',
    '# TYPE http_requests_total counter',
  ];
  for (const [key, n] of served) {
    const [path, code] = key.split('\u0000');
    lines.push(`http_requests_total{path="${path}",status="${code}",version="${version}"} ${n}`);
  }
  lines.push('# HELP app_info The version running.', '# TYPE app_info gauge', `app_info{version="${version}"} 1`);
  return `${lines.join('\n')}\n`;
}

const routes = { '/health': health, '/api/status': status };

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/metrics') {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics());
    return;
  }
  const route = routes[path];
  if (!route) {
    count(path === '/' ? '/' : 'other', 404);
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}\n');
    return;
  }
  try {
    const body = JSON.stringify(route());
    count(path, 200);
    res.writeHead(200, { 'content-type': 'application/json' }).end(`${body}\n`);
  } catch (error) {
    // No handler of its own: what a framework's default error page shows.
    count(path, 500);
    res.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.name}: ${error.message}\n`);
  }
});

server.listen(port, '127.0.0.1', () => console.log(`api ${version} listening on 127.0.0.1:${port} (pid ${process.pid})`));
// Stopped for a release: at once, as a container runtime would, with open connections dropped.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
