import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One stored entry: its stream labels, time in ns and line, as Loki's push API takes them. */
export interface LokiLine {
  labels: Record<string, string>;
  ns: bigint;
  line: string;
}

export interface FakeLokiOptions {
  /** The log query the client must send; the metric query must wrap exactly it. */
  query: string;
  /** `Authorization` header the fake requires (401 otherwise). */
  authorization?: string;
  /** Answers a request differently (an outage, a bad body); return true when it answered. */
  intercept?: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** The stream label the metric query must sum by (none: a plain sum). */
  byLabel?: string;
  /** Most lines one request may ask for, as `max_entries_limit_per_query` (5000 by default). */
  maxLimit?: number;
}

/**
 * A stand-in for Loki's `GET /loki/api/v1/query_range`, answering in the documented response shapes
 * (test/fixtures/stores/PROVENANCE.md) from lines held in memory, and checking every request
 * against the documented parameters: a request it does not expect is recorded in `violations`.
 */
export async function fakeLoki(lines: LokiLine[], options: FakeLokiOptions) {
  const sorted = [...lines].sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0));
  const violations: string[] = [];
  const requests: URLSearchParams[] = [];
  const refuse = (response: ServerResponse, status: number, text: string) => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
  };
  const server: Server = createServer((request, response) => {
    if (options.intercept?.(request, response)) return;
    const url = new URL(request.url ?? '/', 'http://fake');
    if (request.method !== 'GET' || url.pathname !== '/loki/api/v1/query_range') {
      violations.push(`${request.method} ${url.pathname}`);
      return refuse(response, 404, '404 page not found');
    }
    if (options.authorization && request.headers.authorization !== options.authorization)
      return refuse(response, 401, 'unauthorized');
    const p = url.searchParams;
    requests.push(p);
    const start = p.get('start') ?? '';
    const end = p.get('end') ?? '';
    if (!/^\d+$/.test(start) || !/^\d+$/.test(end))
      violations.push(`start/end not ns epochs: ${start} ${end}`);
    const query = p.get('query') ?? '';
    if (p.has('step')) {
      const by = options.byLabel ? ` by (${options.byLabel})` : '';
      const expected = `sum${by}(count_over_time(${options.query} [1m]))`;
      if (query !== expected) violations.push(`metric query ${query}`);
      if (p.get('step') !== '60s') violations.push(`step ${p.get('step')}`);
      return matrix(response, BigInt(start), BigInt(end));
    }
    if (query !== options.query) violations.push(`log query ${query}`);
    if (p.get('direction') !== 'forward') violations.push(`direction ${p.get('direction')}`);
    const limit = Number(p.get('limit'));
    if (!Number.isInteger(limit) || limit < 1) violations.push(`limit ${p.get('limit')}`);
    if (limit > (options.maxLimit ?? 5000))
      return refuse(
        response,
        400,
        `max entries limit per query exceeded, limit > max_entries_limit (${limit} > ${options.maxLimit ?? 5000})`,
      );
    return streams(response, BigInt(start), BigInt(end), limit);
  });

  // Prometheus-style range selection: the sample at t counts entries in (t - 1m, t].
  function matrix(response: ServerResponse, start: bigint, end: bigint) {
    const series = new Map<string, [number, string][]>();
    const label = options.byLabel;
    for (let t = start; t <= end; t += 60_000_000_000n) {
      const counts = new Map<string, number>();
      for (const l of sorted)
        if (l.ns > t - 60_000_000_000n && l.ns <= t) {
          const key = label ? (l.labels[label] ?? '') : '';
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      for (const [key, n] of counts) {
        if (!series.has(key)) series.set(key, []);
        series.get(key)?.push([Number(t / 1_000_000n) / 1000, String(n)]);
      }
    }
    const result = [...series].map(([key, values]) => ({
      metric: label && key ? { [label]: key } : {},
      values,
    }));
    json(response, { status: 'success', data: { resultType: 'matrix', result, stats: STATS } });
  }

  function streams(response: ServerResponse, start: bigint, end: bigint, limit: number) {
    const page = sorted.filter((l) => l.ns >= start && l.ns < end).slice(0, limit);
    const byStream = new Map<string, { stream: Record<string, string>; values: [string, string][] }>();
    for (const l of page) {
      const key = JSON.stringify(Object.entries(l.labels).sort());
      let s = byStream.get(key);
      if (!s) {
        s = { stream: l.labels, values: [] };
        byStream.set(key, s);
      }
      s.values.push([String(l.ns), l.line]);
    }
    json(response, {
      status: 'success',
      data: { resultType: 'streams', result: [...byStream.values()], stats: STATS },
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    violations,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function json(response: ServerResponse, body: unknown) {
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

// The `stats` block Loki adds to every query answer (abridged: the client ignores it).
const STATS = {
  summary: {
    bytesProcessedPerSecond: 0,
    linesProcessedPerSecond: 0,
    totalBytesProcessed: 0,
    totalLinesProcessed: 0,
    execTime: 0.001,
  },
};
