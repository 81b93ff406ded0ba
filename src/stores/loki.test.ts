import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeLoki, type LokiLine } from '../../test/support/fake-loki.js';
import { asJsonLines, checkoutHour, comparable, mineGroups } from '../../test/support/store-log.js';
import { fileInput } from '../bundle/index.js';
import { jsonRecordReader, logEvents, mineLog } from '../logs/index.js';
import { recordingContext } from '../sources/recording-context.js';
import { lokiStore } from './loki.js';
import type { LogStore, StoreGroup } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-loki-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUERY = '{env="prod"} |= ""';
const hour = checkoutHour();
const window = { from: new Date('2026-02-10T13:30:00Z'), to: new Date('2026-02-10T14:30:00Z') };
/** The hour as Loki holds it: one stream per service, each line JSON without its time. */
const stored: LokiLine[] = hour.map((l) => ({
  labels: { env: 'prod', app: l.service },
  ns: BigInt(l.ms) * 1_000_000n,
  line: JSON.stringify({ level: l.level, msg: l.message }),
}));

async function collect(groups: AsyncIterable<StoreGroup>) {
  const all: StoreGroup[] = [];
  for await (const g of groups) all.push(g);
  return all;
}

describe('lokiStore against replayed Loki responses', () => {
  it('pages the window in many pages and counts every line once, even where a page ends mid-instant', async () => {
    const loki = await fakeLoki(stored, { query: QUERY, byLabel: 'app' });
    const progress: number[] = [];
    const problems: string[] = [];
    try {
      const store = lokiStore(
        { loki: loki.url, query: QUERY, labels: { service: 'app' }, limit: 97 },
        { onProgress: ({ rows }) => progress.push(rows), onProblem: (p) => problems.push(p) },
      );
      const groups = await collect(store.groups(window));
      const lines = groups.reduce((sum, g) => sum + g.minutes.reduce((s, m) => s + m.count, 0), 0);
      expect(lines).toBe(hour.length);
      expect(loki.requests.filter((p) => !p.has('step')).length).toBeGreaterThan(hour.length / 97);
      expect(progress.at(-1)).toBe(hour.length);
      expect(problems).toEqual([]);
      expect(loki.violations).toEqual([]);
      // Distinct masked lines, not lines: a handful of groups for thousands of lines.
      expect(groups.length).toBeLessThan(20);
    } finally {
      await loki.close();
    }
  });

  it('gives the same templates and log events as mining the same lines from a file', async () => {
    const loki = await fakeLoki(stored, { query: QUERY, byLabel: 'app' });
    try {
      const store = lokiStore({ loki: loki.url, query: QUERY, labels: { service: 'app' }, limit: 500 });
      const fromStore = mineGroups(await collect(store.groups(window)));
      const path = join(dir, 'checkout.jsonl');
      writeFileSync(path, asJsonLines(hour));
      const { ctx } = recordingContext('checkout.jsonl');
      const fromFile = await mineLog(await fileInput(path), ctx, jsonRecordReader);
      expect(comparable(fromStore)).toEqual(comparable(fromFile));
      const baselineEnd = Date.parse('2026-02-10T14:05:00Z');
      const events = (templates: typeof fromFile) =>
        logEvents(templates, { baselineEnd }).map((e) => ({
          ts: e.ts,
          summary: e.summary,
          service: e.service,
          phase: e.attrs?.phase,
          template: e.attrs?.template,
          count: e.attrs?.count,
        }));
      expect(events(fromStore)).toEqual(events(fromFile));
      expect(events(fromFile).length).toBeGreaterThan(0);
    } finally {
      await loki.close();
    }
  });
});

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../test/fixtures/stores', name), 'utf8');

/** A fake that answers the first log query with `streams` and the metric query with `matrix`, as recorded. */
async function replaying(streams: string, matrix: string) {
  let pages = 0;
  return fakeLoki([], {
    query: QUERY,
    intercept(request, response) {
      const url = new URL(request.url ?? '/', 'http://fake');
      const body = url.searchParams.has('step')
        ? matrix
        : pages++ === 0
          ? streams
          : '{"status":"success","data":{"resultType":"streams","result":[]}}';
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      return true;
    },
  });
}

const fail = async (store: LogStore) =>
  collect(store.groups(window)).then(
    () => null,
    (error: Error & { code?: string }) => error,
  );

describe('lokiStore on documented answers and failures', () => {
  it('reads the documented streams shape: entries out of order, levels from a label, structured metadata beside a line', async () => {
    const loki = await replaying(
      fixture('loki-query-range-streams.json'),
      fixture('loki-query-range-matrix.json'),
    );
    const problems: string[] = [];
    try {
      const store = lokiStore(
        { loki: loki.url, query: QUERY, labels: { service: 'app', level: 'level' } },
        { onProblem: (p) => problems.push(p) },
      );
      const groups = await collect(store.groups(window));
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
    } finally {
      await loki.close();
    }
  });

  it('reports lines the metric query counted but the pages did not hold, by service, as a data-quality problem', async () => {
    const matrix = fixture('loki-query-range-matrix.json').replace('"2"]', '"7"]');
    const loki = await replaying(fixture('loki-query-range-streams.json'), matrix);
    const problems: string[] = [];
    try {
      const entry = { loki: loki.url, query: QUERY, labels: { service: 'app' } };
      await collect(lokiStore(entry, { onProblem: (p) => problems.push(p) }).groups(window));
      expect(problems).toEqual([
        'app="checkout": read 2 lines but the store counted 7 in the window; the log events may be incomplete',
      ]);
    } finally {
      await loki.close();
    }
  });

  it('sends no log query when Loki counts no line in the window', async () => {
    const loki = await fakeLoki([], { query: QUERY });
    try {
      expect(await collect(lokiStore({ loki: loki.url, query: QUERY }).groups(window))).toEqual([]);
      expect(loki.requests.map((p) => p.has('step'))).toEqual([true]);
    } finally {
      await loki.close();
    }
  });

  it('names the source in one line when Loki is down', async () => {
    const loki = await fakeLoki([], { query: QUERY });
    await loki.close();
    const error = await fail(lokiStore({ loki: loki.url, query: QUERY }));
    expect(error?.code).toBe('STORE_UNREACHABLE');
    expect(error?.message).toMatch(
      new RegExp(`^loki ${loki.url}: cannot reach the store \\(ECONNREFUSED\\)`),
    );
  });

  it('refuses a wrong token with one line that does not repeat it', async () => {
    const loki = await fakeLoki(stored, { query: QUERY, authorization: 'Bearer right-token' });
    try {
      const env = { LOKI_TOKEN: 'wrong-token-value' };
      const error = await fail(lokiStore({ loki: loki.url, query: QUERY, tokenEnv: 'LOKI_TOKEN' }, { env }));
      expect(error?.code).toBe('STORE_AUTH');
      expect(error?.message).toContain('HTTP 401');
      expect(error?.message).not.toContain('wrong-token-value');
      const ok = lokiStore(
        { loki: loki.url, query: QUERY, tokenEnv: 'LOKI_TOKEN' },
        { env: { LOKI_TOKEN: 'right-token' } },
      );
      expect((await collect(ok.groups(window))).length).toBeGreaterThan(0);
    } finally {
      await loki.close();
    }
  });

  it('says which environment variable is missing rather than sending no credentials', () => {
    expect(() =>
      lokiStore(
        {
          loki: 'http://127.0.0.1:3100',
          query: QUERY,
          userEnv: 'LOKI_USER',
          passwordEnv: 'LOKI_PASSWORD',
        },
        { env: {} },
      ),
    ).toThrow('environment variable LOKI_USER is not set');
  });

  it('refuses a password written into the manifest, naming the key to use instead', () => {
    expect(() =>
      lokiStore({ loki: 'http://127.0.0.1:3100', query: QUERY, password: 'hunter2' } as never),
    ).toThrow(
      "'password' in the manifest: credentials never go there; name an environment variable with passwordEnv",
    );
  });

  it('refuses credentials written into the URL', () => {
    expect(() => lokiStore({ loki: 'http://admin:hunter2@127.0.0.1:3100', query: QUERY })).toThrow(
      /carries credentials/,
    );
  });

  it('gives up on a request that takes longer than its timeout', async () => {
    const loki = await fakeLoki([], { query: QUERY, intercept: () => true });
    try {
      const error = await fail(lokiStore({ loki: loki.url, query: QUERY, timeout: 0.2 }));
      expect(error?.code).toBe('STORE_TIMEOUT');
      expect(error?.message).toContain('no answer within 0.2 s');
    } finally {
      await loki.close();
    }
  });

  it.each([
    ['an HTML page', '<html>login</html>'],
    ['JSON of another shape', '{"status":"success","data":{"resultType":"vector","result":[]}}'],
  ])('calls %s where a Loki answer belongs malformed', async (_, body) => {
    const loki = await fakeLoki([], {
      query: QUERY,
      intercept: (_request, response) => {
        response.writeHead(200).end(body);
        return true;
      },
    });
    try {
      expect((await fail(lokiStore({ loki: loki.url, query: QUERY })))?.code).toBe('STORE_MALFORMED');
    } finally {
      await loki.close();
    }
  });

  it("passes on Loki's own reason for refusing a query", async () => {
    const loki = await fakeLoki([], {
      query: QUERY,
      intercept: (_request, response) => {
        response.writeHead(400).end('parse error at line 1, col 17: syntax error: unexpected IDENTIFIER\n');
        return true;
      },
    });
    try {
      const error = await fail(lokiStore({ loki: loki.url, query: QUERY }));
      expect(error?.code).toBe('STORE_QUERY');
      expect(error?.message).toContain('(HTTP 400): parse error at line 1, col 17');
    } finally {
      await loki.close();
    }
  });

  it('says the URL is not Loki when the API answers 404', async () => {
    const loki = await fakeLoki([], {
      query: QUERY,
      intercept: (_request, response) => {
        response.writeHead(404).end('404 page not found');
        return true;
      },
    });
    try {
      const error = await fail(lokiStore({ loki: loki.url, query: QUERY }));
      expect(error?.code).toBe('STORE_NOT_FOUND');
      expect(error?.message).toContain('no Loki API at this URL');
    } finally {
      await loki.close();
    }
  });
});

describe('lokiStore refuses queries that could smuggle in another query', () => {
  it.each([
    ['{app="x"}[1m])) or vector(1) or ((count_over_time({a="b"}', "'[' at character 10"],
    ['{app="x"} # comment that hides our wrapper', "'#' at character 11"],
    ['sum(rate({app="x"}[1m]))', 'it must start with a stream selector'],
    ['{app="x"} |= "a") or vector(1', "an unmatched ')'"],
    ['{app="x"}; {app="y"}', "';' at character 10"],
    ['{app="x" or 1}', "',' or '}' was expected"],
    ['{}', 'a label name was expected'],
  ])('refuses %s', (query, reason) => {
    expect(() => lokiStore({ loki: 'http://127.0.0.1:3100', query })).toThrow(reason);
    expect(() => lokiStore({ loki: 'http://127.0.0.1:3100', query })).toThrow(
      expect.objectContaining({ code: 'LOKI_QUERY' }),
    );
  });

  it('sends a selector whose values hold quotes, braces and brackets as one query parameter, unchanged', async () => {
    const query = '{app="check\\"out}", env=~`prod|[a-z]+`} |= "a) or vector(1"';
    const loki = await fakeLoki([{ labels: { app: 'x' }, ns: 1770732003000000000n, line: 'hello 1' }], {
      query,
    });
    try {
      await collect(lokiStore({ loki: loki.url, query }).groups(window));
      expect(loki.violations).toEqual([]);
      expect(loki.requests.map((p) => p.get('query'))).toEqual([
        `sum(count_over_time(${query} [1m]))`,
        query,
      ]);
    } finally {
      await loki.close();
    }
  });

  it('takes only label names for the service and level labels, and only tenant ids for the tenant', () => {
    expect(() =>
      lokiStore({ loki: 'http://127.0.0.1:3100', query: QUERY, labels: { service: 'app) or vector(1' } }),
    ).toThrow(/label name/);
    expect(() =>
      lokiStore({ loki: 'http://127.0.0.1:3100', query: QUERY, tenant: 'a\r\nX-Scope-OrgID: b' }),
    ).toThrow(/tenant id/);
  });
});
