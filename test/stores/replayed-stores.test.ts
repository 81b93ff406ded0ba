import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../src/bundle/index.js';
import { buildTimeline } from '../../src/timeline/index.js';
import { fakeSearch } from '../support/fake-elasticsearch.js';
import { fakeLoki } from '../support/fake-loki.js';
import { asJsonLines, checkoutHour } from '../support/store-log.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hindsight-replayed-stores-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hour = checkoutHour();
const WINDOW = 'window: { from: 2026-02-10T13:30:00Z, to: 2026-02-10T14:30:00Z }\n';
const EVENTS = [
  {
    ts: '2026-02-10T14:04:00Z',
    kind: 'deploy',
    service: 'checkout',
    ref: 'DEP-7781',
    summary: 'Deploy checkout 2.0',
  },
];

/** A bundle folder with the deploy, and the hour of logs as a file or as the store source given. */
function bundle(name: string, source: string | null, { events = true } = {}): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  if (events) writeFileSync(join(folder, 'events.json'), JSON.stringify(EVENTS));
  if (source === null) writeFileSync(join(folder, 'app.jsonl'), asJsonLines(hour));
  const sources = source ?? '{ path: app.jsonl, format: json-logs }';
  writeFileSync(
    join(folder, 'incident.yaml'),
    `id: INC-1\n${WINDOW}sources:\n  - ${source ? sources : sources}\n`,
  );
  return folder;
}

const shape = (t: {
  service: string | null;
  template: string;
  level: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  perMinute: unknown;
}) => ({
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

async function sameAsFile(name: string, source: string) {
  const fromFile = await buildTimeline(await openBundle([bundle(`${name}-file`, null)]));
  const fromStore = await buildTimeline(await openBundle([bundle(`${name}-store`, source)]));
  expect(fromFile.logTemplates.length).toBeGreaterThan(3);
  expect(fromStore.logTemplates.map(shape).sort(order)).toEqual(fromFile.logTemplates.map(shape).sort(order));
  const logEvents = (t: typeof fromFile) =>
    t.events
      .filter((e) => e.kind === 'log')
      .map((e) => ({ ts: e.ts, service: e.service, summary: e.summary }));
  expect(logEvents(fromFile).length).toBeGreaterThan(1);
  expect(logEvents(fromStore)).toEqual(logEvents(fromFile));
  return fromStore;
}

describe('a bundle that names Loki, Elasticsearch or OpenSearch (replayed documented responses)', () => {
  it('gives the same log templates and log events from Loki as from the same lines in a file', async () => {
    const query = '{env="prod"}';
    const loki = await fakeLoki(
      hour.map((l) => ({
        labels: { env: 'prod', app: l.service },
        ns: BigInt(l.ms) * 1_000_000n,
        line: JSON.stringify({ level: l.level, msg: l.message }),
      })),
      { query, byLabel: 'app' },
    );
    try {
      await sameAsFile(
        'loki',
        `{ loki: "${loki.url}", query: '${query}', labels: { service: app }, limit: 400 }`,
      );
      expect(loki.violations).toEqual([]);
    } finally {
      await loki.close();
    }
  });

  it.each(['elasticsearch', 'opensearch'] as const)(
    'gives the same log templates and log events from %s as from a file',
    async (flavour) => {
      const docs = hour.map((l) => ({
        '@timestamp': new Date(l.ms).toISOString(),
        log: { level: l.level },
        service: { name: l.service },
        message: l.message,
      }));
      const es = await fakeSearch(docs, {
        flavour,
        index: 'logs-*',
        fields: { '@timestamp': 'date', 'service.name': 'keyword', 'log.level': 'keyword', message: 'text' },
      });
      try {
        await sameAsFile(flavour, `{ ${flavour}: "${es.url}", index: "logs-*", pageSize: 500 }`);
        expect(es.violations).toEqual([]);
        expect(es.open.size).toBe(0);
      } finally {
        await es.close();
      }
    },
  );

  it('lists what a store answered only in part under data quality, naming the store', async () => {
    const query = '{env="prod"}';
    const stored = hour.map((l) => ({
      labels: { env: 'prod', app: l.service },
      ns: BigInt(l.ms) * 1_000_000n,
      line: l.message,
    }));
    // Loki counts every line but its pages stop early, as when a query limit cuts them short.
    const loki = await fakeLoki(stored, {
      query,
      intercept: (request, response) => {
        const url = new URL(request.url ?? '/', 'http://fake');
        if (
          url.searchParams.has('step') ||
          BigInt(url.searchParams.get('start') ?? '0') < 1770732000000000000n
        )
          return false;
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"status":"success","data":{"resultType":"streams","result":[]}}');
        return true;
      },
    });
    try {
      const timeline = await buildTimeline(
        await openBundle([bundle('partial', `{ loki: "${loki.url}", query: '${query}', limit: 400 }`)]),
      );
      const problem = timeline.problems.find((p) => p.file === `loki ${loki.url}`);
      expect(problem?.message).toMatch(
        /^read [\d,]+ lines but the store counted 2,733 in the window; the log events may be incomplete$/,
      );
    } finally {
      await loki.close();
    }
  });
});

describe('the command line with a Loki or Elasticsearch source that cannot answer', () => {
  // Not spawnSync: the fake stores answer from this process, which must keep running meanwhile.
  const hindsight = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('node', [join(root, 'bin/hindsight.js'), ...args], {
        cwd: root,
        env: {
          ...process.env,
          HINDSIGHT_DB: join(dir, 'library.db'),
          ES_PASSWORD: 'es-pa55-never-shown',
          ES_USER: 'elastic',
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => {
        stdout += c;
      });
      child.stderr.on('data', (c) => {
        stderr += c;
      });
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  it('stops with one line naming the source when it is the only evidence (exit 2), never showing the password', async () => {
    const es = await fakeSearch([], { index: 'logs-*', fields: {}, authorization: 'Basic other' });
    try {
      const folder = bundle(
        'es-alone',
        `{ elasticsearch: "${es.url}", index: "logs-*", userEnv: ES_USER, passwordEnv: ES_PASSWORD }`,
        { events: false },
      );
      const run = await hindsight('generate', folder, '--no-save');
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([
        `hindsight: elasticsearch ${es.url} logs-*: the store refused the credentials (HTTP 401); check the credentials in the environment variables the entry names`,
      ]);
      expect(run.stderr + run.stdout).not.toContain('es-pa55-never-shown');
    } finally {
      await es.close();
    }
  });

  it('is a data-quality problem when the rest of the bundle makes a report', async () => {
    const loki = await fakeLoki([], { query: '{app="checkout"}' });
    await loki.close();
    const folder = bundle('loki-down', `{ loki: "${loki.url}", query: '{app="checkout"}' }`);
    const run = await hindsight('generate', folder, '--no-save', '--format', 'json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      dataQuality: { problems: { file: string; message: string }[] };
    };
    expect(report.dataQuality.problems).toContainEqual(
      expect.objectContaining({
        file: `loki ${loki.url}`,
        message: 'cannot reach the store (ECONNREFUSED); is it running and is the URL right?',
      }),
    );
  });

  it('refuses LogQL that could smuggle in another query, naming the manifest key', async () => {
    const folder = bundle(
      'loki-injection',
      `{ loki: "http://127.0.0.1:9", query: '{app="x"}[1m])) or vector(1' }`,
    );
    const run = await hindsight('generate', folder, '--no-save');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`key 'sources.0.query': not one LogQL log query: '[' at character 10`);
  });
});
