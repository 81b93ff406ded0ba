import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClickHouse,
  clickhouseBinary,
  freePort,
  SKIP_MESSAGE,
  startClickHouse,
} from '../../test/support/clickhouse.js';
import { openBundle } from '../bundle/index.js';
import { maskedGroups } from '../logs/index.js';
import { lineMasker } from '../logs/token-mask.js';
import { buildTimeline } from '../timeline/index.js';
import { clickhouseStore } from './clickhouse.js';
import {
  quoteString,
  SERVER_KEYS,
  SERVER_MASK,
  SERVER_MASK_REPLACEMENT,
  SERVER_MASKED_KEY,
} from './clickhouse-sql.js';
import { hasMaskedKey, serverMask } from './server-mask.js';
import type { StoreGroup } from './store.js';
import { StoreError } from './store-error.js';

const T0 = Date.parse('2026-02-10T14:00:00Z');

// Lines whose masked line holds a masked key (p99=, k-1=, shard-0.1=) and lines that do not.
const KEYED_SAMPLES = [
  'latency p99=120ms',
  'k-1=x took 5',
  'shard-0.1=up',
  'x 0=1',
  'ssh2=up took 42',
  'a=5 b=7',
  'took 42 ms',
  'é9=1 ü',
];
const MINUTE = 60_000;

/** A time-sorted log of two services: steady info noise, then errors after the deploy at T0. */
function logLines(): { ts: number; service: string; level: string; message: string }[] {
  const lines = [];
  let ts = T0 - 50 * MINUTE;
  for (let i = 0; ts < T0 + 40 * MINUTE; i++) {
    ts += 1000 + ((i * 7919) % 1500);
    const service = i % 3 === 0 ? 'payments' : 'checkout';
    const id = ((i * 2654435761) >>> 0).toString(16);
    let message = `GET /api/orders/${i % 97} 200 took ${(i * 31) % 900}ms req ${id}`;
    let level = 'info';
    if (i % 11 === 0) message = `cache miss for key user:${i % 50} after ${i % 7}s`;
    if (i % 13 === 0) message = `worker ${i % 4} connected to 10.0.${i % 3}.${i % 250}:5432 pool=${i % 9}`;
    if (ts > T0 && i % 3 === 1) {
      level = 'error';
      message = `payment gateway timeout after ${(i % 40) + 10}s order=${i} code=E${(i % 3) + 500}`;
    }
    if (ts > T0 + 5 * MINUTE && i % 17 === 0) {
      level = i % 2 ? 'ERROR' : 'error';
      message = `db pool exhausted: ${i % 20} waiting, ssh2 tunnel 3ms`;
    }
    lines.push({ ts, service, level, message });
  }
  return lines;
}

const EVENTS = [
  {
    ts: new Date(T0).toISOString(),
    kind: 'deploy',
    service: 'checkout',
    ref: 'DEP-1',
    summary: 'Deploy checkout 2.0',
  },
  {
    ts: new Date(T0 + 30 * MINUTE).toISOString(),
    kind: 'alert_resolved',
    service: 'checkout',
    ref: 'AL-1',
    summary: 'Checkout errors resolved',
  },
];

describe.skipIf(!clickhouseBinary)(
  `the ClickHouse log store on a real server ${clickhouseBinary ? '' : SKIP_MESSAGE}`,
  () => {
    let server: ClickHouse;
    let dir = '';
    const lines = logLines();

    beforeAll(async () => {
      server = await startClickHouse();
      dir = mkdtempSync(join(tmpdir(), 'hindsight-ch-'));
      await server.sql(
        'CREATE TABLE logs (ts UInt64, service String, level String, message String) ENGINE = MergeTree ORDER BY ts',
      );
      await server.sql(
        `INSERT INTO logs FORMAT JSONEachRow\n${lines.map((l) => JSON.stringify(l)).join('\n')}`,
      );
      await server.sql('CREATE TABLE dated (time DateTime, msg String) ENGINE = MergeTree ORDER BY time');
      await server.sql(
        `INSERT INTO dated VALUES (${Math.floor(T0 / 1000)}, 'boom 1'), (${Math.floor(T0 / 1000) + 61}, 'boom 2')`,
      );
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const entry = (extra: Record<string, unknown> = {}) => ({
      clickhouse: server.url,
      table: 'logs',
      columns: { ts: 'ts', service: 'service', level: 'level', message: 'message' },
      ...extra,
    });
    const window = { from: new Date(T0 - 2 * 3_600_000), to: new Date(T0 + 3_600_000) };
    const collect = async (store: ReturnType<typeof clickhouseStore>, w = window) => {
      const groups: StoreGroup[] = [];
      for await (const g of store.groups(w)) groups.push(g);
      return groups;
    };

    /** A bundle folder with the deploy and the recovery, and the log as a file or as a ClickHouse source. */
    function bundle(name: string, source: 'file' | 'clickhouse'): string {
      const folder = join(dir, name);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'events.json'), JSON.stringify(EVENTS));
      const sources =
        source === 'file'
          ? '  - { path: app.jsonl, format: json-logs }\n'
          : `  - { clickhouse: "${server.url}", table: logs, columns: { ts: ts, service: service, level: level, message: message } }\n`;
      writeFileSync(join(folder, 'incident.yaml'), `id: INC-1\nsources:\n${sources}`);
      if (source === 'file')
        writeFileSync(
          join(folder, 'app.jsonl'),
          `${lines.map((l) => JSON.stringify({ time: l.ts, level: l.level, service: l.service, msg: l.message })).join('\n')}\n`,
        );
      return folder;
    }

    it('gives the same log templates and log events as the same lines read from a file', async () => {
      const fromFile = await buildTimeline(await openBundle([bundle('file', 'file')]));
      const fromStore = await buildTimeline(await openBundle([bundle('store', 'clickhouse')]));
      const shape = (t: (typeof fromFile.logTemplates)[number]) => ({
        service: t.service,
        template: t.template,
        level: t.level,
        count: t.count,
        firstSeen: t.firstSeen,
        lastSeen: t.lastSeen,
        perMinute: t.perMinute,
      });
      const order = (a: { template: string; service: string | null; level: string }, b: typeof a) =>
        `${a.service} ${a.level} ${a.template}` < `${b.service} ${b.level} ${b.template}` ? -1 : 1;
      expect(fromFile.logTemplates.length).toBeGreaterThan(5);
      expect(fromStore.logTemplates.map(shape).sort(order)).toEqual(
        fromFile.logTemplates.map(shape).sort(order),
      );
      const logEvents = (t: typeof fromFile) =>
        t.events
          .filter((e) => e.kind === 'log')
          .map((e) => ({ ts: e.ts, service: e.service, summary: e.summary }));
      expect(logEvents(fromFile).length).toBeGreaterThan(1);
      expect(logEvents(fromStore)).toEqual(logEvents(fromFile));
      // The server sent far fewer rows than the log has lines.
      const groups = await collect(clickhouseStore(entry()));
      expect(groups.reduce((n, g) => n + g.minutes.reduce((m, x) => m + x.count, 0), 0)).toBe(lines.length);
      expect(groups.length).toBeLessThan(lines.length / 20);
    }, 60_000);

    it('masks on the server exactly as the mask computed here does', async () => {
      const samples = [
        'k-1=5 a 42 10.0.0.1 x=7 took 306ms 3ms v5 550e8400-e29b-41d4-a716-446655440000',
        'ssh2 tunnel\tup; k1=x=5 (42) /api/7 e29b a_1 blk_-42 "7" 0x1f',
        "it's 5\\ o'clock, é9 ü 12",
      ];
      const sql = samples
        .map(
          (s) =>
            `SELECT concat(replaceRegexpAll(${quoteString(s)}, ${quoteString(SERVER_MASK)}, ${quoteString(SERVER_MASK_REPLACEMENT)}), '\\0', arrayStringConcat(extractAll(${quoteString(s)}, ${quoteString(SERVER_KEYS)}), '\\x01')) AS m`,
        )
        .join(' UNION ALL ');
      const answer = (await server.sql(`SELECT m FROM (${sql}) FORMAT JSONEachRow`))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).m)
        .sort();
      expect(answer).toEqual(samples.map(serverMask).sort());
      const keyed = await server.sql(
        `SELECT arrayMap(s -> match(${`replaceRegexpAll(s, ${quoteString(SERVER_MASK)}, ${quoteString(SERVER_MASK_REPLACEMENT)})`}, ${quoteString(SERVER_MASKED_KEY)}), [${KEYED_SAMPLES.map(quoteString).join(', ')}]) AS k FORMAT JSONEachRow`,
      );
      expect(JSON.parse(keyed).k.map(Boolean)).toEqual(KEYED_SAMPLES.map(hasMaskedKey));
      expect(KEYED_SAMPLES.filter(hasMaskedKey).length).toBeGreaterThan(2);
    });

    it('groups by keys too, at once or again, when keys hold masked words (p99=), and the counts stay those of the raw lines', async () => {
      await server.sql(
        'CREATE TABLE keyed (ts UInt64, service String, level String, message String) ENGINE = MergeTree ORDER BY ts',
      );
      // Clean lines first, then lines whose keys differ only in their digits.
      const keyedLines = lines.map((l, i) =>
        i < lines.length - 300
          ? l
          : { ...l, message: `latency p${[50, 95, 99][i % 3]}=${i % 400}ms shard-${i % 2}.${i % 3}=up` },
      );
      await server.sql(
        `INSERT INTO keyed FORMAT JSONEachRow\n${keyedLines.map((l) => JSON.stringify(l)).join('\n')}`,
      );
      /** Counts per service, level, masker text and minute: what the miner would see from the raw lines. */
      const byMasker = (groups: Iterable<StoreGroup>) => {
        const masker = lineMasker();
        const counts = new Map<string, number>();
        for (const g of groups)
          for (const { minute, count } of g.minutes) {
            const key = `${g.service} ${g.level} ${masker.text(g.example)} ${minute}`;
            counts.set(key, (counts.get(key) ?? 0) + count);
          }
        return counts;
      };
      const rawIn = (w: { from: Date; to: Date }) => {
        const g = maskedGroups();
        for (const l of keyedLines)
          if (l.ts >= w.from.getTime() && l.ts < w.to.getTime()) g.add(l.service, l.level, l.message, l.ts);
        return byMasker(g.groups());
      };
      const run = async (w: { from: Date; to: Date }, probeRows?: number) => {
        const sent: string[] = [];
        const groups = await collect(
          clickhouseStore(entry({ table: 'keyed' }), { probeRows, onQuery: (sql) => sent.push(sql) }),
          w,
        );
        return { counts: byMasker(groups), keys: sent.map((sql) => sql.includes('extractAll')) };
      };
      // No masked key in the window: one query, without keys.
      const early = { from: window.from, to: new Date(keyedLines[lines.length - 301].ts + 1) };
      expect(await run(early)).toEqual({ counts: rawIn(early), keys: [false] });
      // Masked keys after the lines looked at first: grouped without keys, then again with them.
      expect(await run(window, 0)).toEqual({ counts: rawIn(window), keys: [false, true] });
      // Masked keys in the lines looked at first: grouped with keys at once.
      const late = { from: new Date(keyedLines[lines.length - 300].ts), to: window.to };
      const lateRun = await run(late);
      expect(lateRun).toEqual({ counts: rawIn(late), keys: [true] });
      expect([...lateRun.counts.keys()].filter((k) => k.includes('p99=')).length).toBeGreaterThan(0);
    }, 60_000);

    it('reads a DateTime time column and a table without service or level columns', async () => {
      const groups = await collect(
        clickhouseStore({
          clickhouse: server.url,
          table: 'dated',
          columns: { ts: 'time', message: 'msg' },
          service: 'api',
        }),
      );
      expect(groups).toEqual([
        expect.objectContaining({
          service: 'api',
          level: null,
          first: T0,
          last: T0 + 61_000,
          minutes: [
            { minute: T0, count: 1 },
            { minute: T0 + MINUTE, count: 1 },
          ],
        }),
      ]);
    });

    it('filters by services and by where, with quotes in the values kept as values', async () => {
      await server.sql(`INSERT INTO logs VALUES (${T0}, 'it''s \\\\ "odd"', 'error', 'odd one 1')`);
      const odd = await collect(clickhouseStore(entry({ services: [`it's \\ "odd"`] })));
      expect(odd.map((g) => g.service)).toEqual([`it's \\ "odd"`]);
      const injected = await collect(clickhouseStore(entry({ services: ["x') OR (1=1", "x' OR '1'='1"] })));
      expect(injected).toEqual([]);
      const errors = await collect(
        clickhouseStore(entry({ where: "level IN ('error', 'ERROR') AND service != 'payments'" })),
      );
      expect(new Set(errors.map((g) => g.level?.toLowerCase()))).toEqual(new Set(['error']));
    });

    it('refuses a where that could leave its parentheses, and names of columns and tables the table lacks', async () => {
      const attempts = [
        '1) OR (1',
        '1; DROP TABLE logs',
        '1 -- comment',
        '1 /* x */',
        "level = 'error' UNION ALL SELECT 1",
        'service IN (SELECT name FROM system.tables)',
        "level = 'x",
        '(1',
        '1 # x',
        '1 FORMAT TSV',
      ];
      for (const where of attempts) {
        const error = await collect(clickhouseStore(entry({ where }))).catch((e: unknown) => e);
        expect(error, where).toBeInstanceOf(StoreError);
        expect((error as StoreError).code, where).toBe('STORE_WHERE');
      }
      const wrongSql = await collect(clickhouseStore(entry({ where: 'nosuchcolumn = 1' }))).catch(
        (e: unknown) => e,
      );
      expect((wrongSql as StoreError).code).toBe('STORE_WHERE');
      const column = await collect(
        clickhouseStore(entry({ columns: { ts: 'ts', message: 'message`) FROM system.users; --' } })),
      ).catch((e: unknown) => e);
      expect((column as StoreError).code).toBe('STORE_COLUMN');
      const table = await collect(clickhouseStore(entry({ table: 'logs` ; DROP TABLE logs; --' }))).catch(
        (e: unknown) => e,
      );
      expect((table as StoreError).code).toBe('STORE_TABLE');
      expect(await server.sql('SELECT count() > 0 FROM logs')).toBe('1\n');
    });

    it('says in one line which source failed: down, wrong password, missing table, missing variable, too slow', async () => {
      const failure = async (store: () => ReturnType<typeof clickhouseStore>) => {
        try {
          await collect(store());
        } catch (error) {
          return { code: (error as StoreError).code, message: (error as Error).message };
        }
        throw new Error('no error');
      };
      const down = `http://127.0.0.1:${await freePort()}`;
      expect(await failure(() => clickhouseStore({ ...entry(), clickhouse: down }))).toEqual({
        code: 'STORE_UNREACHABLE',
        message: expect.stringMatching(
          new RegExp(`^clickhouse ${down} logs: cannot reach ClickHouse \\(ECONNREFUSED\\)`),
        ),
      });
      const env = { CH_USER: 'reader', CH_PASSWORD: 'wrong-password-x' };
      const auth = await failure(() =>
        clickhouseStore(entry({ userEnv: 'CH_USER', passwordEnv: 'CH_PASSWORD' }), { env }),
      );
      expect(auth.code).toBe('STORE_AUTH');
      expect(auth.message).not.toContain('wrong-password-x');
      expect((await failure(() => clickhouseStore(entry({ table: 'nologs' })))).code).toBe('STORE_TABLE');
      expect(
        (await failure(() => clickhouseStore(entry({ userEnv: 'CH_NOT_SET' }), { env: {} }))).message,
      ).toContain('environment variable CH_NOT_SET is not set');
      const slow = await failure(() => clickhouseStore(entry({ where: 'sleep(1) = 0', timeout: 0.3 })));
      expect(slow.code).toBe('STORE_TIMEOUT');
    }, 30_000);

    it('works for a user whose profile is read-only, who may change no setting', async () => {
      const env = { CH_USER: server.reader.user, CH_PASSWORD: server.reader.password };
      const groups = await collect(
        clickhouseStore(entry({ userEnv: 'CH_USER', passwordEnv: 'CH_PASSWORD' }), { env }),
      );
      expect(groups.length).toBeGreaterThan(5);
    });
  },
);
