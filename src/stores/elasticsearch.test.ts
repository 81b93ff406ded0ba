import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeSearch } from '../../test/support/fake-elasticsearch.js';
import { checkoutHour, comparable, mineGroups } from '../../test/support/store-log.js';
import { fileInput } from '../bundle/index.js';
import { jsonRecordReader, logEvents, mineLog } from '../logs/index.js';
import { recordingContext } from '../sources/recording-context.js';
import { elasticsearchStore, fieldValue } from './elasticsearch.js';
import type { LogStore, StoreGroup } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-elasticsearch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hour = checkoutHour();
const window = { from: new Date('2026-02-10T13:30:00Z'), to: new Date('2026-02-10T14:30:00Z') };
/** The hour as ECS documents, with nested objects as Filebeat writes them. */
const docs = hour.map((l) => ({
  '@timestamp': new Date(l.ms).toISOString(),
  log: { level: l.level },
  service: { name: l.service },
  message: l.message,
}));
const ECS = {
  '@timestamp': 'date',
  'service.name': 'keyword',
  'log.level': 'keyword',
  message: 'match_only_text',
};

async function collect(groups: AsyncIterable<StoreGroup>) {
  const all: StoreGroup[] = [];
  for await (const g of groups) all.push(g);
  return all;
}
const fail = async (store: LogStore) =>
  collect(store.groups(window)).then(
    () => null,
    (error: Error & { code?: string }) => error,
  );
const linesIn = (groups: StoreGroup[]) =>
  groups.reduce((sum, g) => sum + g.minutes.reduce((s, m) => s + m.count, 0), 0);

describe.each(['elasticsearch', 'opensearch'] as const)(
  'elasticsearchStore against a replayed %s',
  (flavour) => {
    const entry = (url: string, extra: Record<string, unknown> = {}) =>
      (flavour === 'opensearch'
        ? { opensearch: url, index: 'logs-*', ...extra }
        : { elasticsearch: url, index: 'logs-*', ...extra }) as Parameters<typeof elasticsearchStore>[0];

    it('pages the window over a point in time with search_after, counts every document once and closes the point in time', async () => {
      const es = await fakeSearch(docs, { flavour, index: 'logs-*', fields: ECS });
      const progress: number[] = [];
      const problems: string[] = [];
      try {
        const store = elasticsearchStore(entry(es.url, { pageSize: 113 }), {
          onProgress: ({ rows }) => progress.push(rows),
          onProblem: (p) => problems.push(p),
        });
        const groups = await collect(store.groups(window));
        expect(linesIn(groups)).toBe(hour.length);
        expect(es.searches.length).toBeGreaterThan(hour.length / 113);
        expect(progress.at(-1)).toBe(hour.length);
        expect(problems).toEqual([]);
        expect(es.violations).toEqual([]);
        expect(es.open.size).toBe(0);
        expect(groups.length).toBeLessThan(20);
      } finally {
        await es.close();
      }
    });

    it('gives the same templates and log events as mining the same documents exported to a file', async () => {
      const es = await fakeSearch(docs, { flavour, index: 'logs-*', fields: ECS });
      try {
        const fromStore = mineGroups(await collect(elasticsearchStore(entry(es.url)).groups(window)));
        const path = join(dir, `${flavour}.jsonl`);
        writeFileSync(path, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
        const { ctx } = recordingContext(`${flavour}.jsonl`);
        const fromFile = await mineLog(await fileInput(path), ctx, jsonRecordReader);
        expect(comparable(fromStore)).toEqual(comparable(fromFile));
        const baselineEnd = Date.parse('2026-02-10T14:05:00Z');
        const events = (templates: typeof fromFile) =>
          logEvents(templates, { baselineEnd }).map((e) => ({
            minute: Math.floor(e.ts / 60_000),
            service: e.service,
            phase: e.attrs?.phase,
            template: e.attrs?.template,
            count: e.attrs?.count,
          }));
        expect(events(fromStore)).toEqual(events(fromFile));
        expect(events(fromFile).length).toBeGreaterThan(0);
      } finally {
        await es.close();
      }
    });
  },
);

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../test/fixtures/stores', name), 'utf8');

describe('elasticsearchStore on documented answers and failures', () => {
  it('reads the documented answers: field caps, a point in time, a count by minute, a page with flat and nested fields', async () => {
    const closed: string[] = [];
    const es = await fakeSearch([], {
      index: 'logs-*',
      fields: ECS,
      intercept(request, body, response) {
        const url = new URL(request.url ?? '/', 'http://fake');
        const answer = url.pathname.endsWith('/_field_caps')
          ? fixture('es-field-caps.json')
          : url.pathname.endsWith('/_pit') && request.method === 'POST'
            ? fixture('es-pit-open.json')
            : request.method === 'DELETE'
              ? '{"succeeded":true,"num_freed":1}'
              : JSON.parse(body).size === 0
                ? fixture('es-search-count.json')
                : fixture('es-search-page.json');
        if (request.method === 'DELETE') closed.push(JSON.parse(body).id);
        response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
        return true;
      },
    });
    const problems: string[] = [];
    try {
      const groups = await collect(
        elasticsearchStore(
          { elasticsearch: es.url, index: 'logs-*' },
          { onProblem: (p) => problems.push(p) },
        ).groups(window),
      );
      expect(groups).toEqual([
        {
          service: 'payments',
          level: 'warn',
          example: 'retrying charge after 2 attempts',
          minutes: [{ minute: Date.parse('2026-02-10T14:00:00Z'), count: 1 }],
          first: Date.parse('2026-02-10T14:00:03Z'),
          last: Date.parse('2026-02-10T14:00:03Z'),
        },
        {
          service: 'checkout',
          level: 'error',
          example: 'payment gateway timeout after 3000 ms order=ord-9',
          minutes: [{ minute: Date.parse('2026-02-10T14:01:00Z'), count: 2 }],
          first: Date.parse('2026-02-10T14:01:01.004Z'),
          last: Date.parse('2026-02-10T14:01:05.120Z'),
        },
      ]);
      expect(problems).toEqual([]);
      // The id the last page gave, not the one the point in time opened with.
      expect(closed).toEqual([JSON.parse(fixture('es-search-page.json')).pit_id]);
    } finally {
      await es.close();
    }
  });

  it('reads the OpenSearch point-in-time answer, which names its id pit_id', async () => {
    let closeBody = '';
    const es = await fakeSearch(docs, {
      flavour: 'opensearch',
      index: 'logs-*',
      fields: ECS,
      intercept(request, body, response) {
        if (request.method === 'POST' && request.url?.startsWith('/logs-*/_search/point_in_time')) {
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(fixture('opensearch-pit-create.json'));
          return true;
        }
        if (request.method === 'POST' && request.url === '/_search') {
          const pit = JSON.parse(body).pit.id;
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({ hits: { hits: [] }, aggregations: { minutes: { buckets: [] } }, pit_id: pit }),
          );
          return true;
        }
        if (request.method === 'DELETE') closeBody = body;
        return false;
      },
    });
    try {
      await collect(elasticsearchStore({ opensearch: es.url, index: 'logs-*' }).groups(window));
      expect(JSON.parse(closeBody)).toEqual({
        pit_id: [JSON.parse(fixture('opensearch-pit-create.json')).pit_id],
      });
    } finally {
      await es.close();
    }
  });

  it('names the source in one line when the cluster is down', async () => {
    const es = await fakeSearch([], { index: 'logs-*', fields: ECS });
    await es.close();
    const error = await fail(elasticsearchStore({ elasticsearch: es.url, index: 'logs-*' }));
    expect(error?.code).toBe('STORE_UNREACHABLE');
    expect(error?.message).toMatch(
      new RegExp(`^elasticsearch ${es.url} logs-\\*: cannot reach the store \\(ECONNREFUSED\\)`),
    );
  });

  it('refuses a wrong password with one line that does not repeat it', async () => {
    const right = `Basic ${Buffer.from('elastic:right-password').toString('base64')}`;
    const es = await fakeSearch(docs, { index: 'logs-*', fields: ECS, authorization: right });
    try {
      const auth = { userEnv: 'ES_USER', passwordEnv: 'ES_PASSWORD' } as const;
      const wrong = { ES_USER: 'elastic', ES_PASSWORD: 'wrong-password-value' };
      const error = await fail(
        elasticsearchStore({ elasticsearch: es.url, index: 'logs-*', ...auth }, { env: wrong }),
      );
      expect(error?.code).toBe('STORE_AUTH');
      expect(error?.message).not.toContain('wrong-password-value');
      const ok = elasticsearchStore(
        { elasticsearch: es.url, index: 'logs-*', ...auth },
        { env: { ES_USER: 'elastic', ES_PASSWORD: 'right-password' } },
      );
      expect(linesIn(await collect(ok.groups(window)))).toBe(hour.length);
    } finally {
      await es.close();
    }
  });

  it('sends an API key from the environment as ApiKey', async () => {
    const es = await fakeSearch(docs, {
      index: 'logs-*',
      fields: ECS,
      authorization: 'ApiKey a2V5OnNlY3JldA==',
    });
    try {
      const store = elasticsearchStore(
        { elasticsearch: es.url, index: 'logs-*', apiKeyEnv: 'ES_API_KEY' },
        { env: { ES_API_KEY: 'a2V5OnNlY3JldA==' } },
      );
      expect(linesIn(await collect(store.groups(window)))).toBe(hour.length);
    } finally {
      await es.close();
    }
  });

  it('says the index is missing when Elasticsearch answers index_not_found_exception', async () => {
    const es = await fakeSearch([], {
      index: 'logs-missing',
      fields: ECS,
      intercept: (_request, _body, response) => {
        response
          .writeHead(404, { 'content-type': 'application/json' })
          .end(fixture('es-index-not-found.json'));
        return true;
      },
    });
    try {
      const error = await fail(elasticsearchStore({ elasticsearch: es.url, index: 'logs-missing' }));
      expect(error?.code).toBe('STORE_NOT_FOUND');
      expect(error?.message).toBe(
        `elasticsearch ${es.url} logs-missing: index logs-missing not found; check the index name or pattern`,
      );
    } finally {
      await es.close();
    }
  });

  it('stops with one line when the time or message field is missing, and reads on without a service field', async () => {
    const es = await fakeSearch(docs, {
      index: 'logs-*',
      fields: { '@timestamp': 'date', message: 'text', 'log.level': 'keyword' },
    });
    const problems: string[] = [];
    try {
      const noTime = await fail(
        elasticsearchStore({ elasticsearch: es.url, index: 'logs-*', fields: { ts: 'event.created' } }),
      );
      expect(noTime?.code).toBe('STORE_FIELD');
      expect(noTime?.message).toContain('no field event.created in logs-*; set fields.ts to the time field');
      const notDate = await fail(
        elasticsearchStore({ elasticsearch: es.url, index: 'logs-*', fields: { ts: 'log.level' } }),
      );
      expect(notDate?.message).toContain('field log.level is keyword, not a date');
      const noMessage = await fail(
        elasticsearchStore({ elasticsearch: es.url, index: 'logs-*', fields: { message: 'msg' } }),
      );
      expect(noMessage?.message).toContain('no field msg in logs-*');
      const groups = await collect(
        elasticsearchStore(
          { elasticsearch: es.url, index: 'logs-*', service: 'shop' },
          { onProblem: (p) => problems.push(p) },
        ).groups(window),
      );
      expect(new Set(groups.map((g) => g.service))).toEqual(new Set(['shop']));
      expect(problems).toEqual([`no field service.name; every line is counted as shop`]);
    } finally {
      await es.close();
    }
  });

  it('gives up on a request that takes longer than its timeout', async () => {
    const es = await fakeSearch([], { index: 'logs-*', fields: ECS, intercept: () => true });
    try {
      const error = await fail(elasticsearchStore({ elasticsearch: es.url, index: 'logs-*', timeout: 0.2 }));
      expect(error?.code).toBe('STORE_TIMEOUT');
    } finally {
      await es.close();
    }
  });

  it('calls an HTML page where a search answer belongs malformed, and still closes the point in time', async () => {
    const es = await fakeSearch(docs, {
      index: 'logs-*',
      fields: ECS,
      intercept: (request, body, response) => {
        if (request.url !== '/_search' || JSON.parse(body).size === 0) return false;
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy error</html>');
        return true;
      },
    });
    try {
      const error = await fail(elasticsearchStore({ elasticsearch: es.url, index: 'logs-*' }));
      expect(error?.code).toBe('STORE_MALFORMED');
      expect(es.open.size).toBe(0);
    } finally {
      await es.close();
    }
  });

  it('counts documents without a text message as skipped, in one data-quality line', async () => {
    const withBad = [
      ...docs,
      { '@timestamp': '2026-02-10T14:00:00Z', message: { nested: true } },
      { '@timestamp': '2026-02-10T14:00:01Z' },
    ];
    const es = await fakeSearch(withBad, { index: 'logs-*', fields: ECS });
    const problems: string[] = [];
    try {
      const groups = await collect(
        elasticsearchStore(
          { elasticsearch: es.url, index: 'logs-*' },
          { onProblem: (p) => problems.push(p) },
        ).groups(window),
      );
      expect(linesIn(groups)).toBe(hour.length);
      expect(problems).toEqual([`2 documents without a text message were skipped`]);
    } finally {
      await es.close();
    }
  });
});

describe('elasticsearchStore on partial answers and cancellation', () => {
  it('reports a page that some shards failed to answer, beside the count that no longer matches', async () => {
    let pages = 0;
    const es = await fakeSearch(docs, {
      index: 'logs-*',
      fields: ECS,
      intercept: (request, body, response) => {
        if (request.url !== '/_search' || JSON.parse(body).size === 0 || pages++ !== 1) return false;
        const pit = JSON.parse(body).pit.id;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            pit_id: pit,
            timed_out: false,
            _shards: { total: 2, successful: 1, skipped: 0, failed: 1 },
            hits: { hits: [] },
          }),
        );
        return true;
      },
    });
    const problems: string[] = [];
    try {
      await collect(
        elasticsearchStore(
          { elasticsearch: es.url, index: 'logs-*', pageSize: 1000 },
          { onProblem: (p) => problems.push(p) },
        ).groups(window),
      );
      expect(problems).toEqual([
        `some shards failed or timed out while paging; documents on them are missing`,
        `read 1,000 lines but the store counted ${hour.length.toLocaleString('en-US')} in the window; the log events may be incomplete`,
      ]);
    } finally {
      await es.close();
    }
  });

  it('stops paging when the caller aborts, and still closes the point in time', async () => {
    const es = await fakeSearch(docs, { index: 'logs-*', fields: ECS });
    const controller = new AbortController();
    try {
      const store = elasticsearchStore(
        { elasticsearch: es.url, index: 'logs-*', pageSize: 100 },
        { onProgress: ({ rows }) => rows >= 300 && controller.abort() },
      );
      const error = await collect(store.groups(window, controller.signal)).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.name).toBe('AbortError');
      expect(es.searches.length).toBe(4);
      expect(es.open.size).toBe(0);
    } finally {
      await es.close();
    }
  });
});

describe('elasticsearchStore keeps every value out of paths and query strings', () => {
  it.each(['logs/../_security', 'logs?pretty', 'logs#x', '_all', '..', 'Logs', 'logs,-', 'logs%2f'])(
    'refuses the index %s',
    (index) => {
      expect(() => elasticsearchStore({ elasticsearch: 'http://127.0.0.1:9200', index })).toThrow(
        /an index, data stream or pattern/,
      );
    },
  );

  it.each(['message,password', 'message&fields=*', 'a b', '*'])('refuses the field name %s', (message) => {
    expect(() =>
      elasticsearchStore({ elasticsearch: 'http://127.0.0.1:9200', index: 'logs-*', fields: { message } }),
    ).toThrow(/a field name/);
  });

  it('sends a narrowing query and the window as JSON, values untouched, beside the range', async () => {
    const hostile = 'checkout" OR "1"="1';
    const es = await fakeSearch(docs, { index: 'logs-*', fields: ECS });
    try {
      const query = { term: { 'service.name': hostile } };
      await collect(
        elasticsearchStore({ elasticsearch: es.url, index: 'logs-*', query, service: '*) OR (1' }).groups(
          window,
        ),
      );
      expect(es.violations).toEqual([]);
      for (const search of es.searches)
        expect(search.query).toEqual({
          bool: {
            filter: [
              {
                range: {
                  '@timestamp': {
                    gte: window.from.getTime(),
                    lt: window.to.getTime(),
                    format: 'epoch_millis',
                  },
                },
              },
              query,
            ],
          },
        });
    } finally {
      await es.close();
    }
  });
});

describe('fieldValue', () => {
  it('reads a field written flat, nested, or half and half', () => {
    expect(fieldValue({ 'log.level': 'warn' }, 'log.level')).toBe('warn');
    expect(fieldValue({ log: { level: 'warn' } }, 'log.level')).toBe('warn');
    expect(fieldValue({ a: { 'b.c': 1 } }, 'a.b.c')).toBe(1);
    expect(fieldValue({ log: 'x' }, 'log.level')).toBeUndefined();
  });
});
