import { z } from 'zod';
import { maskedGroups } from '../logs/index.js';
import { levelFromValue } from '../logs/level.js';
import type { LogStore, StoreGroup } from './store.js';
import { StoreError } from './store-error.js';
import { countMismatch, minuteWindow, type StoreOptions } from './store-options.js';
import {
  apiKeyAuthKeys,
  refuseInlineCredentials,
  type StoreClient,
  storeClient,
  storeUrl,
} from './store-request.js';

const FieldName = z
  .string()
  .regex(/^[A-Za-z0-9_@][A-Za-z0-9_@.-]{0,254}$/, 'a field name: letters, digits and _ @ . -');
// Each comma-separated target: lowercase names, `*` wildcards, a `-` exclusion, a `cluster:` prefix.
const TARGET = /^-?[a-z0-9.*][a-z0-9_.*+:-]{0,254}$/;
const IndexPattern = z
  .string()
  .refine(
    (index) => index.split(',').every((part) => TARGET.test(part) && !/^-?\.{1,2}$/.test(part)),
    'an index, data stream or pattern (logs-*, a,b): lowercase letters, digits and _ . * + : -',
  );

const common = {
  index: IndexPattern.describe('index, data stream, alias or pattern to search (logs-*)'),
  fields: z
    .object({
      ts: FieldName.default('@timestamp'),
      service: FieldName.default('service.name'),
      level: FieldName.default('log.level'),
      message: FieldName.default('message'),
    })
    .default({ ts: '@timestamp', service: 'service.name', level: 'log.level', message: 'message' })
    .describe('field names (ECS by default)'),
  query: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('a query DSL object that narrows the documents ({ term: { "service.name": "checkout" } })'),
  service: z.string().optional().describe('service for documents without a service field'),
  ...apiKeyAuthKeys,
  pageSize: z.number().int().min(1).max(10_000).default(5000).describe('documents per page'),
  keepAlive: z
    .string()
    .regex(/^\d{1,6}[smh]$/, 'a duration such as 1m')
    .default('1m')
    .describe('how long the point in time lives between pages'),
  timeout: z.number().positive().default(60).describe('seconds one request may take'),
};

/** `{ elasticsearch: URL, index: 'logs-*', fields: { ts, service, level, message } }` in `sources:`. */
export const ElasticsearchEntry = z.object({
  elasticsearch: z.string().describe('URL of Elasticsearch (http://127.0.0.1:9200)'),
  ...common,
});
export type ElasticsearchEntry = z.input<typeof ElasticsearchEntry>;

/** `{ opensearch: URL, … }`: the same entry for OpenSearch, whose point-in-time API differs. */
export const OpenSearchEntry = z.object({
  opensearch: z.string().describe('URL of OpenSearch (http://127.0.0.1:9200)'),
  ...common,
});
export type OpenSearchEntry = z.input<typeof OpenSearchEntry>;

type Entry = z.output<typeof ElasticsearchEntry> | z.output<typeof OpenSearchEntry>;

const FieldCaps = z.object({
  indices: z.array(z.string()).optional(),
  fields: z.record(
    z.string(),
    z.record(z.string(), z.object({ type: z.string(), aggregatable: z.boolean().optional() })),
  ),
});
const Hit = z.object({ _source: z.record(z.string(), z.unknown()).optional(), sort: z.array(z.unknown()) });
const SearchPage = z.object({
  pit_id: z.string().optional(),
  timed_out: z.boolean().optional(),
  _shards: z.object({ failed: z.number() }).optional(),
  hits: z.object({ hits: z.array(Hit) }),
});
const CountPage = SearchPage.extend({
  hits: z.object({ total: z.object({ value: z.number() }).optional(), hits: z.array(z.unknown()) }),
  aggregations: z.object({
    minutes: z.object({ buckets: z.array(z.object({ key: z.number(), doc_count: z.number() })) }),
  }),
});

/** A field's value in a document, whether it is written flat (`"log.level"`) or nested (`log: { level }`). */
export function fieldValue(source: Record<string, unknown>, path: string): unknown {
  if (path in source) return source[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  // `service.name` may be `service: { name }` or `service: { "name.x": … }`: try each split.
  for (let at = dot; at >= 0; at = path.indexOf('.', at + 1)) {
    const inner = source[path.slice(0, at)];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      const found = fieldValue(inner as Record<string, unknown>, path.slice(at + 1));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

const TIME_TYPES = new Set(['date', 'date_nanos']);

/**
 * A LogStore over Elasticsearch or OpenSearch. Neither can apply our masker, so the documents of
 * the window are paged with `search_after` over a point in time (sorted by time and `_shard_doc`),
 * reading only the four fields, and grouped here by service, level and masked message one page at a
 * time; a `date_histogram` first counts the window, for progress and to check every document was read.
 * @example elasticsearchStore(ElasticsearchEntry.parse({ elasticsearch: 'http://127.0.0.1:9200', index: 'logs-*' }))
 */
export function elasticsearchStore(
  input: ElasticsearchEntry | OpenSearchEntry,
  options: StoreOptions = {},
): LogStore {
  const opensearch = 'opensearch' in input;
  const entry: Entry = opensearch ? OpenSearchEntry.parse(input) : ElasticsearchEntry.parse(input);
  const kind = opensearch ? 'opensearch' : 'elasticsearch';
  const base = storeUrl(kind, 'opensearch' in entry ? entry.opensearch : entry.elasticsearch);
  const name = `${kind} ${base.origin}${base.pathname.replace(/\/+$/, '')} ${entry.index}`;
  refuseInlineCredentials(name, input);
  const call = storeClient({
    source: name,
    base,
    auth: entry,
    timeoutMs: entry.timeout * 1000,
    env: options.env,
  });
  const indexPath = entry.index.split(',').map(encodeURIComponent).join(',');
  const notFound = `index ${entry.index} not found; check the index name or pattern`;

  return {
    name,
    async *groups(window, signal): AsyncIterable<StoreGroup> {
      const { from, to } = minuteWindow(window);
      const hasService = await checkFields(call, signal);
      const pit = await openPit(signal);
      const groups = maskedGroups();
      try {
        await readWindow(pit, from, to, hasService, groups, signal);
      } finally {
        await closePit(pit.id);
      }
      yield* groups.groups();
    },
  };

  /** Checks the fields exist where they must (time, message); true when the service field does. */
  async function checkFields(
    client: StoreClient,
    signal?: AbortSignal,
  ): Promise<{ service: boolean; level: boolean }> {
    const { ts, service, level, message } = entry.fields;
    const body = await client<unknown>({
      path: `/${indexPath}/_field_caps`,
      query: { fields: [ts, service, level, message].join(',') },
      signal,
      notFound,
    });
    const caps = FieldCaps.safeParse(body);
    if (!caps.success)
      throw new StoreError(
        'STORE_MALFORMED',
        name,
        'the answer to _field_caps is not a field capabilities response',
      );
    const types = (field: string) => Object.keys(caps.data.fields[field] ?? {});
    if (caps.data.indices && caps.data.indices.length === 0)
      throw new StoreError('STORE_NOT_FOUND', name, notFound);
    if (!types(ts).length)
      throw new StoreError(
        'STORE_FIELD',
        name,
        `no field ${ts} in ${entry.index}; set fields.ts to the time field`,
      );
    if (!types(ts).some((t) => TIME_TYPES.has(t)))
      throw new StoreError(
        'STORE_FIELD',
        name,
        `field ${ts} is ${types(ts).join('/')}, not a date; set fields.ts to the time field`,
      );
    if (!types(message).length)
      throw new StoreError(
        'STORE_FIELD',
        name,
        `no field ${message} in ${entry.index}; set fields.message to the message field`,
      );
    const has = { service: types(service).length > 0, level: types(level).length > 0 };
    if (!has.service)
      options.onProblem?.(`no field ${service}; every line is counted as ${entry.service ?? entry.index}`);
    if (!has.level) options.onProblem?.(`no field ${level}; levels are unknown`);
    return has;
  }

  async function openPit(signal?: AbortSignal): Promise<{ id: string }> {
    const body = await call<{ id?: unknown; pit_id?: unknown }>({
      method: 'POST',
      path: opensearch ? `/${indexPath}/_search/point_in_time` : `/${indexPath}/_pit`,
      query: { keep_alive: entry.keepAlive },
      signal,
      notFound,
    });
    const id = opensearch ? body.pit_id : body.id;
    if (typeof id !== 'string' || !id)
      throw new StoreError('STORE_MALFORMED', name, 'opening a point in time gave no id');
    return { id };
  }

  async function closePit(id: string) {
    try {
      await call({
        method: 'DELETE',
        path: opensearch ? '/_search/point_in_time' : '/_pit',
        body: opensearch ? { pit_id: [id] } : { id },
      });
    } catch {
      // It expires after keepAlive anyway; a failed close must not hide the result or the first error.
    }
  }

  /** Counts the window, then pages its documents into `groups`. */
  async function readWindow(
    pit: { id: string },
    from: number,
    to: number,
    has: { service: boolean; level: boolean },
    groups: ReturnType<typeof maskedGroups>,
    signal?: AbortSignal,
  ) {
    const { ts, service, level, message } = entry.fields;
    const started = Date.now();
    const filter: unknown[] = [{ range: { [ts]: { gte: from, lt: to, format: 'epoch_millis' } } }];
    if (entry.query) filter.push(entry.query);
    const query = { bool: { filter } };
    const counted = CountPage.safeParse(
      await call<unknown>({
        method: 'POST',
        path: '/_search',
        body: {
          size: 0,
          pit: { id: pit.id, keep_alive: entry.keepAlive },
          query,
          track_total_hits: true,
          aggs: { minutes: { date_histogram: { field: ts, fixed_interval: '1m', min_doc_count: 1 } } },
        },
        signal,
      }),
    );
    if (!counted.success)
      throw new StoreError('STORE_MALFORMED', name, 'the answer to the count is not a search response');
    if (counted.data.pit_id) pit.id = counted.data.pit_id;
    const total = counted.data.aggregations.minutes.buckets.reduce((sum, b) => sum + b.doc_count, 0);
    if (total === 0) return;
    let after: unknown[] | undefined;
    let skipped = 0;
    let partial = false;
    for (;;) {
      signal?.throwIfAborted();
      const page = SearchPage.safeParse(
        await call<unknown>({
          method: 'POST',
          path: '/_search',
          body: {
            size: entry.pageSize,
            pit: { id: pit.id, keep_alive: entry.keepAlive },
            query,
            sort: [{ [ts]: { order: 'asc', numeric_type: 'date' } }, { _shard_doc: 'asc' }],
            _source: [ts, service, level, message],
            track_total_hits: false,
            ...(after ? { search_after: after } : {}),
          },
          signal,
        }),
      );
      if (!page.success)
        throw new StoreError('STORE_MALFORMED', name, 'the answer to a page is not a search response');
      if (page.data.pit_id) pit.id = page.data.pit_id;
      // A page from some shards only is still a page: the count check then says how much is missing.
      partial ||= (page.data._shards?.failed ?? 0) > 0 || page.data.timed_out === true;
      const hits = page.data.hits.hits;
      for (const hit of hits) {
        const source = hit._source ?? {};
        const text = fieldValue(source, message);
        const time = hit.sort[0];
        if (typeof text !== 'string' || typeof time !== 'number') {
          skipped++;
          continue;
        }
        const named = has.service ? fieldValue(source, service) : undefined;
        const levelName = has.level ? levelFromValue(fieldValue(source, level)) : null;
        groups.add(
          typeof named === 'string' && named ? named : (entry.service ?? entry.index),
          levelName === 'unknown' ? null : levelName,
          text,
          time,
        );
      }
      options.onProgress?.({
        rows: groups.lines + skipped,
        totalRows: total,
        seconds: (Date.now() - started) / 1000,
      });
      if (hits.length < entry.pageSize) break;
      after = hits[hits.length - 1].sort;
    }
    if (partial)
      options.onProblem?.(`some shards failed or timed out while paging; documents on them are missing`);
    if (skipped) options.onProblem?.(`${skipped} documents without a text ${message} were skipped`);
    const mismatch = countMismatch(groups.lines + skipped, total);
    if (mismatch) options.onProblem?.(mismatch);
  }
}
