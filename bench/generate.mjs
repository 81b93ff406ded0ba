// Deterministic log generators (fixed seed), so every run measures the same bytes.
import { createWriteStream } from 'node:fs';

/** mulberry32: a tiny seeded PRNG. */
export function random(seed = 42) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const T0 = Date.parse('2026-02-10T13:00:00Z');
const pick = (r, list) => list[Math.floor(r() * list.length)];
const hex = (r, n) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
const ip = (r) => `10.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`;

const PATHS = ['/api/cart', '/api/checkout', '/api/items', '/api/users', '/health', '/api/payments'];
const JSON_MESSAGES = [
  (r) => `request completed in ${Math.floor(r() * 900)} ms`,
  (r) => `cache miss for key cart:${hex(r, 8)}`,
  (r) => `user ${Math.floor(r() * 1e6)} added item ${Math.floor(r() * 5000)} to cart`,
  (r) => `Slow query took ${Math.floor(r() * 3000)} ms on table orders`,
  (r) => `Connection pool exhausted after ${Math.floor(r() * 5000)} ms`,
];

/** pino-style JSON lines, about 225 bytes each. */
export function jsonLine(r, i) {
  const level = r() < 0.02 ? 50 : r() < 0.05 ? 40 : 30;
  return JSON.stringify({
    level,
    time: T0 + i * 10,
    pid: 7,
    hostname: 'checkout-7d9f8c6b5-x2x4q',
    reqId: hex(r, 16),
    traceId: hex(r, 32),
    path: pick(r, PATHS),
    status: level === 50 ? 500 : 200,
    msg: pick(r, JSON_MESSAGES)(r),
  });
}

const stamp = (i) => new Date(T0 + i * 10).toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
const PLAIN_MESSAGES = [
  (r) => `Request ${hex(r, 8)} completed in ${Math.floor(r() * 900)} ms`,
  (r) => `Cache miss for key cart:${hex(r, 8)} on ${ip(r)}`,
  (r) => `Connection pool exhausted after ${Math.floor(r() * 5000)} ms`,
  (r) => `User ${Math.floor(r() * 1e6)} logged in from ${ip(r)}`,
];

/** Java-logging-style plain lines, about 116 bytes each. */
export function plainLine(r, i) {
  const level = r() < 0.02 ? 'ERROR' : r() < 0.05 ? 'WARN ' : 'INFO ';
  return `${stamp(i)} ${level} [http-nio-8080-exec-${Math.floor(r() * 8)}] c.e.checkout.Cart: ${pick(r, PLAIN_MESSAGES)(r)}`;
}

/** A plain line as a container runtime writes it under /var/log/pods (CRI: stamp, stream, `F`). */
export function criLine(r, i) {
  return `${new Date(T0 + i * 10).toISOString().replace('Z', '123456Z')} stdout F ${plainLine(r, i)}`;
}

const HDFS = [
  (r) => `PacketResponder ${Math.floor(r() * 3)} for block blk_${Math.floor(r() * 1e18)} terminating`,
  (r) =>
    `Receiving block blk_-${Math.floor(r() * 1e18)} src: /${ip(r)}:${Math.floor(r() * 60000)} dest: /${ip(r)}:50010`,
  (r) => `Received block blk_${Math.floor(r() * 1e18)} of size ${Math.floor(r() * 7e7)} from /${ip(r)}`,
  (r) =>
    `BLOCK* NameSystem.addStoredBlock: blockMap updated: ${ip(r)}:50010 is added to blk_${Math.floor(r() * 1e18)} size ${Math.floor(r() * 7e7)}`,
  (r) =>
    `BLOCK* NameSystem.allocateBlock: /user/root/rand/_temporary/_task_${Math.floor(r() * 1e6)}/part-${Math.floor(r() * 100)}. blk_${Math.floor(r() * 1e18)}`,
  (r) => `Verification succeeded for blk_${Math.floor(r() * 1e18)}`,
  (r) =>
    `Deleting block blk_${Math.floor(r() * 1e18)} file /mnt/hadoop/dfs/data/current/subdir${Math.floor(r() * 60)}/blk_${Math.floor(r() * 1e18)}`,
];

/** HDFS-like messages (the header already split off), as Drain's benchmark mines them. */
export const hdfsMessage = (r) => pick(r, HDFS)(r);

const WORDS =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'.split(
    ' ',
  );

/** A heterogeneous mix: messages from `templates` different shapes, new shapes appearing all along. */
export function heterogeneous(seed = 7, templates = 20_000) {
  const r = random(seed);
  const shapes = Array.from({ length: templates }, () => {
    const length = 4 + Math.floor(r() * 12);
    return Array.from({ length }, () =>
      r() < 0.25 ? null : `${pick(r, WORDS)}${r() < 0.3 ? pick(r, WORDS) : ''}`,
    );
  });
  return (rr, i) => {
    // Early lines use few shapes; later ones reach the whole set, so the cluster count grows.
    const reach = Math.min(templates, 50 + Math.floor(i / 20));
    const shape = shapes[Math.floor(rr() * reach)];
    return shape.map((w) => w ?? String(Math.floor(rr() * 1e5))).join(' ');
  };
}

/** Writes `lines` lines made by `make(r, i)` to `path`. */
export async function writeLog(path, lines, make, seed = 42) {
  const r = random(seed);
  const out = createWriteStream(path);
  let chunk = [];
  for (let i = 0; i < lines; i++) {
    chunk.push(make(r, i));
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise((ok) => out.once('drain', ok));
      chunk = [];
    }
  }
  if (chunk.length) out.write(`${chunk.join('\n')}\n`);
  await new Promise((ok) => out.end(ok));
}
