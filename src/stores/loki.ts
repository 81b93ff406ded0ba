import { z } from 'zod';
import { lineMessageReader, maskedGroups } from '../logs/index.js';
import { levelFromValue } from '../logs/level.js';
import { LABEL_NAME, logQueryProblem } from './logql.js';
import type { LogStore, StoreGroup } from './store.js';
import { StoreError } from './store-error.js';
import { countMismatch, minuteWindow, type StoreOptions } from './store-options.js';
import { basicAuthKeys, refuseInlineCredentials, storeClient, storeUrl } from './store-request.js';

const LabelName = z.string().regex(LABEL_NAME, 'a label name: letters, digits and _');

/** `{ loki: URL, query: '{app="checkout"}' }` in `sources:`. */
export const LokiEntry = z.object({
  loki: z.string().describe('URL of Loki or its gateway (http://127.0.0.1:3100)'),
  query: z
    .string()
    .check((ctx) => {
      const problem = logQueryProblem(ctx.value);
      if (problem)
        ctx.issues.push({ code: 'custom', message: `not one LogQL log query: ${problem}`, input: ctx.value });
    })
    .describe('LogQL log query: a stream selector and an optional pipeline ({app="checkout"} |= "")'),
  labels: z
    .object({
      service: LabelName.optional().describe('stream label naming the service (app, service_name)'),
      level: LabelName.optional().describe('stream label naming the level, when lines do not say it'),
    })
    .default({})
    .describe('which stream labels say the service and the level'),
  service: z.string().optional().describe('service for lines whose labels and text name none'),
  tenant: z
    .string()
    .regex(/^[A-Za-z0-9!_.*'()|-]{1,150}$/, "a tenant id: letters, digits and !_.*'()|-")
    .optional()
    .describe('X-Scope-OrgID for a multi-tenant Loki'),
  ...basicAuthKeys,
  limit: z
    .number()
    .int()
    .min(1)
    .max(50_000)
    .default(5000)
    .describe('lines per page (Loki allows 5000 by default)'),
  timeout: z.number().positive().default(60).describe('seconds one request may take'),
});
export type LokiEntry = z.input<typeof LokiEntry>;

const Labels = z.record(z.string(), z.string());
const Streams = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('streams'),
    result: z.array(
      z.object({
        stream: Labels,
        values: z.array(z.tuple([z.string().regex(/^\d{1,20}$/), z.string()]).rest(z.unknown())),
      }),
    ),
  }),
});
const Matrix = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('matrix'),
    result: z.array(z.object({ metric: Labels, values: z.array(z.tuple([z.number(), z.string()])) })),
  }),
});

const NOT_LOKI =
  'no Loki API at this URL (HTTP 404 for /loki/api/v1/query_range); name Loki or its gateway, not Grafana';
const NS_PER_MS = 1_000_000n;
const SERVICE_LABELS = ['service_name', 'service', 'app', 'job'];

function parsed<T>(schema: z.ZodType<T>, body: unknown, source: string, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new StoreError(
      'STORE_MALFORMED',
      source,
      `the answer to the ${what} is not a Loki ${what} response`,
    );
  return result.data;
}

/** The metric query: lines per minute, summed by the service label when there is one. */
export const countQuery = (query: string, label: string | undefined) =>
  `sum${label ? ` by (${label})` : ''}(count_over_time(${query} [1m]))`;

/**
 * A LogStore over Loki's HTTP API. LogQL cannot apply our masker, so the raw lines of the window
 * are paged (forward, from the last timestamp read) and grouped here by service, level and masked
 * message, one page at a time; `count_over_time` gives the volume first, for progress and to check
 * that every line was read.
 * @example lokiStore(LokiEntry.parse({ loki: 'http://127.0.0.1:3100', query: '{app="checkout"}' }))
 */
export function lokiStore(input: LokiEntry, { env, onProgress, onProblem }: StoreOptions = {}): LogStore {
  const base = storeUrl('loki', input.loki);
  const name = `loki ${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  refuseInlineCredentials(name, input);
  const problem = typeof input.query === 'string' ? logQueryProblem(input.query) : null;
  if (problem) throw new StoreError('LOKI_QUERY', name, `query ${JSON.stringify(input.query)}: ${problem}`);
  const entry = LokiEntry.parse(input);
  const call = storeClient({
    source: name,
    base,
    auth: entry,
    headers: entry.tenant ? { 'X-Scope-OrgID': entry.tenant } : {},
    timeoutMs: entry.timeout * 1000,
    env,
  });
  const serviceOf = (labels: Record<string, string>): string | null => {
    if (entry.labels.service) return labels[entry.labels.service] ?? null;
    for (const label of SERVICE_LABELS) if (labels[label]) return labels[label];
    return null;
  };

  return {
    name,
    async *groups(window, signal): AsyncIterable<StoreGroup> {
      const { from, to } = minuteWindow(window);
      const started = Date.now();
      const counted = await countLines(from, to, signal);
      let total = 0;
      for (const n of counted.values()) total += n;
      const groups = maskedGroups();
      const read = new Map<string, number>();
      if (total > 0) await pageLines(from, to, groups, read, { total, started }, signal);
      // Per stream label when there is one: a gap then names the service it is in.
      for (const key of new Set([...counted.keys(), ...read.keys()])) {
        const mismatch = countMismatch(read.get(key) ?? 0, counted.get(key) ?? 0);
        const where = key ? `${entry.labels.service}="${key}": ` : '';
        if (mismatch) onProblem?.(`${where}${mismatch}`);
      }
      yield* groups.groups();
    },
  };

  /** Lines Loki counts in the window (count_over_time per minute), by service label value. */
  async function countLines(from: number, to: number, signal?: AbortSignal) {
    const body = await call<unknown>({
      path: '/loki/api/v1/query_range',
      query: {
        query: countQuery(entry.query, entry.labels.service),
        start: String(BigInt(from + 60_000) * NS_PER_MS),
        end: String(BigInt(to) * NS_PER_MS),
        step: '60s',
      },
      signal,
      notFound: NOT_LOKI,
    });
    const counted = new Map<string, number>();
    for (const series of parsed(Matrix, body, name, 'metric query').data.result) {
      const key = entry.labels.service ? (series.metric[entry.labels.service] ?? '') : '';
      for (const [, n] of series.values) counted.set(key, (counted.get(key) ?? 0) + Number(n));
    }
    return counted;
  }

  /** Pages the window's lines forward, restarting each page at the last timestamp read. */
  async function pageLines(
    from: number,
    to: number,
    groups: ReturnType<typeof maskedGroups>,
    readByLabel: Map<string, number>,
    { total, started }: { total: number; started: number },
    signal?: AbortSignal,
  ) {
    const read = lineMessageReader();
    const end = BigInt(to) * NS_PER_MS;
    let start = BigInt(from) * NS_PER_MS;
    // Lines at `start` read on the previous page, which Loki sends again: stream and line → how many.
    let seen = new Map<string, number>();
    for (;;) {
      signal?.throwIfAborted();
      const body = await call<unknown>({
        path: '/loki/api/v1/query_range',
        query: {
          query: entry.query,
          start: String(start),
          end: String(end),
          limit: String(entry.limit),
          direction: 'forward',
        },
        signal,
        notFound: NOT_LOKI,
      });
      const page = parsed(Streams, body, name, 'log query');
      const entries: {
        ns: bigint;
        line: string;
        key: string;
        service: string | null;
        label: string;
        level: string | null;
      }[] = [];
      for (const { stream, values } of page.data.result) {
        const key = JSON.stringify(Object.entries(stream).sort());
        const service = serviceOf(stream);
        const label = entry.labels.service ? (stream[entry.labels.service] ?? '') : '';
        const level = entry.labels.level ? levelFromValue(stream[entry.labels.level] ?? null) : null;
        for (const [ns, line] of values) entries.push({ ns: BigInt(ns), line, key, service, label, level });
      }
      entries.sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0));
      if (!entries.length) return;
      const last = entries[entries.length - 1].ns;
      const atLast = new Map<string, number>();
      for (const e of entries) {
        const id = `${e.key}\u0000${e.line}`;
        if (e.ns === last) atLast.set(id, (atLast.get(id) ?? 0) + 1);
        const repeats = e.ns === start ? (seen.get(id) ?? 0) : 0;
        if (repeats > 0) {
          seen.set(id, repeats - 1);
          continue;
        }
        readByLabel.set(e.label, (readByLabel.get(e.label) ?? 0) + 1);
        const message = read(e.line);
        const level = e.level ?? (message.level === 'unknown' ? null : message.level);
        groups.add(
          e.service ?? message.service ?? entry.service ?? 'loki',
          level,
          message.message,
          Number(e.ns / NS_PER_MS),
        );
      }
      onProgress?.({ rows: groups.lines, totalRows: total, seconds: (Date.now() - started) / 1000 });
      if (entries.length < entry.limit) return;
      if (last === start) {
        onProblem?.(
          `more than ${entry.limit} lines share the instant ${start} ns; lines past the first ${entry.limit} there were not read (raise limit)`,
        );
        start = last + 1n;
        seen = new Map();
      } else {
        start = last;
        seen = atLast;
      }
    }
  }
}
