import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSearchOptions {
  /** `elasticsearch` (`/_pit`) or `opensearch` (`/_search/point_in_time`). */
  flavour?: 'elasticsearch' | 'opensearch';
  /** The index path segment the client must use. */
  index: string;
  /** Field types by name, as `_field_caps` reports them. */
  fields: Record<string, string>;
  /** The time field, read from each document to range, sort and bucket. */
  ts?: string;
  authorization?: string;
  /** Answers a request differently; return true when it answered. */
  intercept?: (request: IncomingMessage, body: string, response: ServerResponse) => boolean;
}

type Doc = Record<string, unknown>;

/** The parts of a search body the fake checks. */
interface SearchBody {
  size?: number;
  pit?: { id?: string; keep_alive?: string };
  query?: {
    bool?: { filter?: { range?: Record<string, { gte?: number; lt?: number; format?: string }> }[] };
  };
  aggs?: { minutes?: { date_histogram?: { field?: string; fixed_interval?: string } } };
  sort?: unknown;
  _source?: unknown;
  search_after?: unknown;
}

const error = (status: number, type: string, reason: string) => ({
  error: { root_cause: [{ type, reason }], type, reason },
  status,
});

/**
 * A stand-in for Elasticsearch or OpenSearch answering `_field_caps`, point-in-time open and close,
 * and `_search` with a PIT (search_after paging, a date_histogram) in the documented response shapes
 * (test/fixtures/stores/PROVENANCE.md), checking each request's method, path, parameters and body:
 * anything it does not expect is recorded in `violations`. Each answer carries a new PIT id, so a
 * client that does not send the latest is caught.
 */
export async function fakeSearch(docs: Doc[], options: FakeSearchOptions) {
  const ts = options.ts ?? '@timestamp';
  const os = options.flavour === 'opensearch';
  const timeOf = (d: Doc) => Date.parse(String(d[ts]));
  const sorted = docs
    .map((doc, i) => ({ doc, ms: timeOf(doc), shardDoc: i }))
    .sort((a, b) => a.ms - b.ms || a.shardDoc - b.shardDoc);
  const violations: string[] = [];
  const searches: Record<string, unknown>[] = [];
  const open = new Set<string>();
  let generation = 0;
  let latest = '';
  const newPit = () => {
    latest = Buffer.from(`pit-${++generation}`).toString('base64');
    return latest;
  };
  const send = (response: ServerResponse, status: number, body: unknown) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (options.intercept?.(request, text, response)) return;
      if (options.authorization && request.headers.authorization !== options.authorization)
        return send(
          response,
          401,
          error(
            401,
            'security_exception',
            'unable to authenticate user [elastic] for REST request [/_search]',
          ),
        );
      const url = new URL(request.url ?? '/', 'http://fake');
      const route = `${request.method} ${url.pathname}`;
      const index = `/${options.index}`;
      if (route === `GET ${index}/_field_caps`) return fieldCaps(response, url);
      if (route === (os ? `POST ${index}/_search/point_in_time` : `POST ${index}/_pit`)) {
        if (url.searchParams.get('keep_alive') !== '1m')
          violations.push(`keep_alive ${url.searchParams.get('keep_alive')}`);
        const id = newPit();
        open.add(id);
        return send(
          response,
          200,
          os ? { pit_id: id, _shards: SHARDS, creation_time: Date.now() } : { id, _shards: SHARDS },
        );
      }
      if (route === 'POST /_search') return search(response, text);
      if (route === (os ? 'DELETE /_search/point_in_time' : 'DELETE /_pit')) {
        const body = JSON.parse(text) as { id?: string; pit_id?: string[] };
        const id = os ? body.pit_id?.[0] : body.id;
        // The documented rule: always use the most recently received id, closing included.
        if (!id || id !== latest || open.size === 0)
          violations.push(`closing PIT ${id}, not the latest open one`);
        open.clear();
        return send(
          response,
          200,
          os ? { pits: [{ successful: true, pit_id: id }] } : { succeeded: true, num_freed: 1 },
        );
      }
      if (url.pathname.includes('/_')) violations.push(`unexpected ${route}`);
      return send(
        response,
        404,
        error(404, 'index_not_found_exception', `no such index [${url.pathname.split('/')[1]}]`),
      );
    });
  });

  function fieldCaps(response: ServerResponse, url: URL) {
    const asked = (url.searchParams.get('fields') ?? '').split(',');
    const fields: Record<string, unknown> = {};
    for (const f of asked)
      if (options.fields[f])
        fields[f] = {
          [options.fields[f]]: {
            type: options.fields[f],
            searchable: true,
            aggregatable: options.fields[f] !== 'text',
          },
        };
    send(response, 200, { indices: ['logs-2026.02.10'], fields });
  }

  function search(response: ServerResponse, text: string) {
    const body = JSON.parse(text) as SearchBody;
    searches.push(body as Record<string, unknown>);
    if (body.pit?.id !== latest) violations.push(`search with PIT ${body.pit?.id}, not the latest ${latest}`);
    if (body.pit?.keep_alive !== '1m') violations.push(`pit keep_alive ${body.pit?.keep_alive}`);
    const range = body.query?.bool?.filter?.[0]?.range?.[ts];
    if (range?.format !== 'epoch_millis' || typeof range.gte !== 'number' || typeof range.lt !== 'number')
      violations.push(`range ${JSON.stringify(body.query)}`);
    const inWindow = sorted.filter((d) => d.ms >= (range?.gte ?? 0) && d.ms < (range?.lt ?? 0));
    if (body.size === 0) {
      const hist = body.aggs?.minutes?.date_histogram;
      if (hist?.field !== ts || hist?.fixed_interval !== '1m')
        violations.push(`aggs ${JSON.stringify(body.aggs)}`);
      const buckets = new Map<number, number>();
      for (const d of inWindow) {
        const key = Math.floor(d.ms / 60_000) * 60_000;
        buckets.set(key, (buckets.get(key) ?? 0) + 1);
      }
      return send(response, 200, {
        pit_id: newPit(),
        took: 3,
        timed_out: false,
        _shards: SHARDS,
        hits: { total: { value: inWindow.length, relation: 'eq' }, max_score: null, hits: [] },
        aggregations: {
          minutes: {
            buckets: [...buckets].map(([key, doc_count]) => ({
              key_as_string: new Date(key).toISOString(),
              key,
              doc_count,
            })),
          },
        },
      });
    }
    const sort = JSON.stringify(body.sort);
    if (sort !== JSON.stringify([{ [ts]: { order: 'asc', numeric_type: 'date' } }, { _shard_doc: 'asc' }]))
      violations.push(`sort ${sort}`);
    if (!Array.isArray(body._source)) violations.push('no _source filter');
    const after = body.search_after as [number, number] | undefined;
    if (after !== undefined && (!Array.isArray(after) || after.length !== 2))
      violations.push(`search_after ${JSON.stringify(after)}`);
    const rest = after
      ? inWindow.filter((d) => d.ms > after[0] || (d.ms === after[0] && d.shardDoc > after[1]))
      : inWindow;
    const hits = rest.slice(0, body.size ?? 10).map((d) => ({
      _index: 'logs-2026.02.10',
      _id: `doc-${d.shardDoc}`,
      _score: null,
      _source: d.doc,
      sort: [d.ms, d.shardDoc],
    }));
    send(response, 200, {
      pit_id: newPit(),
      took: 5,
      timed_out: false,
      _shards: SHARDS,
      hits: { total: { value: hits.length, relation: 'gte' }, max_score: null, hits },
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    violations,
    searches,
    /** Points in time opened and not closed. */
    open,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const SHARDS = { total: 1, successful: 1, skipped: 0, failed: 0 };
