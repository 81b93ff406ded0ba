// Writes examples/checkout-logs-metrics: a gzipped pino log of two hours (fixed seed) and a
// Prometheus query_range export, for the example and its end-to-end test. Run: node scripts/make-logs-example.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dir = new URL('../examples/checkout-logs-metrics/', import.meta.url);
mkdirSync(new URL('logs/', dir), { recursive: true });
mkdirSync(new URL('metrics/', dir), { recursive: true });

let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

const T0 = Date.parse('2026-02-10T13:00:00Z');
const END = Date.parse('2026-02-10T15:00:00Z');
const DEPLOY = Date.parse('2026-02-10T14:03:40Z');
const ONSET = Date.parse('2026-02-10T14:04:05Z');
const RECOVERY = Date.parse('2026-02-10T14:41:00Z');
const routes = ['/cart', '/checkout', '/checkout/pay', '/orders', '/health'];

const lines = [];
for (let ts = T0; ts < END; ts += 50 + Math.floor(random() * 50)) {
  const base = { time: ts, pid: 41, hostname: 'checkout-7d9f-x2x9q', name: 'checkout' };
  const failing = ts >= ONSET && ts < RECOVERY && random() < 0.25;
  if (failing) {
    lines.push({
      ...base,
      level: 50,
      msg: `Connection pool exhausted after ${3000 + Math.floor(random() * 200)} ms (pool=orders-db, waiting=${Math.floor(random() * 90)})`,
      req: { id: `r-${Math.floor(random() * 1e9).toString(16)}` },
    });
  } else if (random() < 0.002) {
    lines.push({
      ...base,
      level: 40,
      msg: `Slow query on orders took ${700 + Math.floor(random() * 400)} ms`,
    });
  } else {
    const route = routes[Math.floor(random() * routes.length)];
    lines.push({
      ...base,
      level: 30,
      msg: `request completed ${route} 200 in ${5 + Math.floor(random() * 60)} ms`,
    });
  }
}
// One line cut off mid-write, as a crashing process leaves it.
lines.splice(2000, 0, null);
const text = lines.map((l) => (l ? JSON.stringify(l) : '{"level":30,"time":17707')).join('\n');
writeFileSync(new URL('logs/checkout.log.gz', dir), gzipSync(`${text}\n`));

const step = 30;
const values = (f) => {
  const out = [];
  for (let t = T0 / 1000; t < END / 1000; t += step) out.push([t, f(t * 1000).toFixed(6)]);
  return out;
};
const ratio = (ms) =>
  ms >= ONSET && ms < RECOVERY + 30_000 ? 0.15 + (random() - 0.5) * 0.01 : 0.002 + (random() - 0.5) * 0.0004;
const matrix = (name, labels, f) => ({ metric: { __name__: name, ...labels }, values: values(f) });
writeFileSync(
  new URL('metrics/checkout-errors.json', dir),
  `${JSON.stringify({
    status: 'success',
    data: {
      resultType: 'matrix',
      result: [
        matrix('http_requests_error_ratio', { service: 'checkout', job: 'checkout' }, ratio),
        matrix(
          'http_requests_total:rate1m',
          { service: 'checkout', job: 'checkout' },
          () => 200 + (random() - 0.5) * 4,
        ),
      ],
    },
  })}\n`,
);
writeFileSync(
  new URL('changes.csv', dir),
  `ts,kind,service,ref,summary,approvals\n${new Date(DEPLOY).toISOString()},deploy,checkout,DEP-5120,Deploy checkout 3.12.0 (orders-db pool settings),2/2\n`,
);
writeFileSync(
  new URL('incident.yaml', dir),
  `id: INC-5120
title: Checkout errors from an exhausted orders-db pool
severity: SEV2
date: 2026-02-10
timezone: UTC
services: [checkout]
slo:
  - { name: checkout availability, objective: 99.9, window: 30d }
sources:
  - { path: metrics/checkout-errors.json }
`,
);
console.log(`wrote ${lines.length} log lines`);
