// Saved log query results: the real samples under test/fixtures/log-exports (each tool's own
// examples, see PROVENANCE.md), and the shapes each tool documents, written here where no sample
// under a permissive licence was found.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileInput } from '../bundle/index.js';
import { Manifest, type RawEvent } from '../model/index.js';
import { detectSource } from './detect.js';
import { logExports } from './log-exports.js';
import { recordingContext } from './recording-context.js';
import { fixture, openText, SAMPLES } from './test-kit.js';

async function mine(input: Awaited<ReturnType<typeof fileInput>>) {
  const source = detectSource(input);
  const recorded = recordingContext(input.name, { manifest: Manifest.parse({}) });
  const events: RawEvent[] = [];
  if (source) for await (const event of source.read(input, recorded.ctx)) events.push(event);
  return { source: source?.name ?? null, events, ...recorded };
}
const mineText = async (text: string, name: string) => mine(await openText(text, name));
const iso = (ms: number) => new Date(ms).toISOString();
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const brief = (t: { level: string; template: string; firstSeen: number; service: string | null }) => [
  t.level,
  t.template,
  iso(t.firstSeen),
  t.service,
];

describe('saved log query results: real samples', () => {
  it.each(SAMPLES['log-exports'].map((f) => [f.split('/').at(-1) as string, f]))(
    'detects and mines %s, every record timed or reported',
    async (_, path) => {
      const { source, templates, problems } = await mine(await fileInput(path));
      expect(source).toBe('log-exports');
      expect(templates.length + problems.length).toBeGreaterThan(0);
      for (const t of templates) {
        expect(Number.isFinite(t.firstSeen)).toBe(true);
        expect(t.source.line).toBeGreaterThan(0);
      }
    },
  );
});

describe('saved log query results: each tool’s shape', () => {
  it('reads `aws logs filter-log-events`: the time in ms, a Lambda line’s tab-separated level, each record’s line', async () => {
    const text = JSON.stringify(
      {
        events: [
          {
            logStreamName: '2024/03/05/[$LATEST]abc',
            timestamp: 1709632861123,
            message:
              '2024-03-05T10:01:01.123Z\tc0ffee\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"x"}\n',
            ingestionTime: 1709632862000,
            eventId: '375348392019384729102938475610',
          },
          {
            logStreamName: '2024/03/05/[$LATEST]abc',
            timestamp: 1709632801000,
            message: 'START RequestId: c0ffee Version: $LATEST\n',
            ingestionTime: 1709632802000,
            eventId: '375348392019384729102938475611',
          },
        ],
        searchedLogStreams: [],
      },
      null,
      4,
    );
    const { templates, problems } = await mineText(text, 'checkout.json');
    expect(problems).toEqual([]);
    expect(templates.map(brief)).toEqual(
      expect.arrayContaining([
        ['error', expect.stringMatching(/^Invoke Error/), '2024-03-05T10:01:01.123Z', 'checkout'],
      ]),
    );
    const error = templates.find((t) => t.level === 'error');
    // The record's own line in the pretty-printed file: its eventId is on line 8.
    expect(error?.source.line).toBe(8);
  });

  it('reads `gcloud logging read --format=json`: severity, the container as service, text, JSON and audit payloads', async () => {
    const entries = [
      {
        insertId: 'a1',
        jsonPayload: { message: 'upstream connect error: connection refused', component: 'router' },
        logName: 'projects/p/logs/stderr',
        resource: {
          labels: { container_name: 'checkout', pod_name: 'checkout-5d9f-abc' },
          type: 'k8s_container',
        },
        severity: 'ERROR',
        timestamp: '2024-03-05T10:01:01.123456Z',
      },
      {
        insertId: 'a2',
        textPayload: 'Started serving on :8080',
        logName: 'projects/p/logs/stdout',
        resource: { labels: { container_name: 'checkout' }, type: 'k8s_container' },
        severity: 'INFO',
        timestamp: '2024-03-05T10:00:01Z',
      },
      {
        insertId: 'a3',
        protoPayload: {
          '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
          methodName: 'io.k8s.apps.v1.deployments.patch',
          resourceName: 'apps/v1/namespaces/default/deployments/checkout',
          authenticationInfo: { principalEmail: 'someone@example.com' },
          status: { message: 'OK' },
        },
        logName: 'projects/p/logs/cloudaudit.googleapis.com%2Factivity',
        resource: { type: 'k8s_cluster', labels: {} },
        severity: 'NOTICE',
        timestamp: '2024-03-05T09:59:00Z',
      },
      { insertId: 'a4', logName: 'projects/p/logs/x', textPayload: 'no time here' },
    ];
    const { templates, problems, events } = await mineText(JSON.stringify(entries, null, 2), 'gke.json');
    expect(templates.map(brief)).toEqual(
      expect.arrayContaining([
        ['error', 'upstream connect error: connection refused', '2024-03-05T10:01:01.123Z', 'checkout'],
        ['info', 'Started serving on <*>', '2024-03-05T10:00:01.000Z', 'checkout'],
      ]),
    );
    // A person's write in the audit log is a change: what was called on what, never who called it.
    expect(events).toEqual([
      {
        ts: Date.parse('2024-03-05T09:59:00Z'),
        kind: 'change',
        summary: 'deployments.patch deployments/checkout',
        service: 'checkout',
        attrs: {
          method: 'io.k8s.apps.v1.deployments.patch',
          resource: 'apps/v1/namespaces/default/deployments/checkout',
        },
        // The line of its insertId, not of another string that holds the same letters.
        source: { file: 'gke.json', line: lineOf(JSON.stringify(entries, null, 2), '"a3"') },
      },
    ]);
    expect(JSON.stringify({ events, templates })).not.toContain('someone@example.com');
    expect(problems.map((p) => p.message)).toEqual(['no readable time']);
  });

  it('takes an audit record for a change only when someone writes: not a read, not the platform’s own agents', async () => {
    const audit = (n: number, methodName: string, principalEmail: string, status = {}) => ({
      insertId: `au${n}`,
      logName: 'projects/p/logs/cloudaudit.googleapis.com%2Factivity',
      protoPayload: {
        '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
        authenticationInfo: { principalEmail },
        methodName,
        resourceName: `projects/p/zones/europe-west1-b/instances/web-${n}`,
        status,
      },
      resource: { type: 'gce_instance', labels: {} },
      severity: 'NOTICE',
      timestamp: `2024-03-05T10:0${n}:00Z`,
    });
    const entries = [
      audit(1, 'v1.compute.instances.get', 'dev@example.com'),
      audit(
        2,
        'beta.compute.instanceGroupManagers.insert',
        'service-12340002@container-engine-robot.iam.gserviceaccount.com',
      ),
      audit(3, 'v1.compute.instances.setMachineType', 'deployer@p.iam.gserviceaccount.com'),
      audit(4, 'v1.compute.instances.stop', 'dev@example.com', { code: 7, message: 'PERMISSION_DENIED' }),
    ];
    const { events, templates } = await mineText(JSON.stringify({ entries }), 'audit.json');
    // A write that failed changed nothing: a note.
    expect(events.map((e) => [e.kind, e.summary])).toEqual([
      ['change', 'instances.setMachineType instances/web-3'],
      ['note', 'instances.stop instances/web-4 (failed: PERMISSION_DENIED)'],
    ]);
    // The read and the agent's write are still counted, as log templates.
    expect(templates.reduce((n, t) => n + t.count, 0)).toBe(2);
  });

  it('reads a Cloud Logging sink’s JSON lines, one entry a line, as the same entries', async () => {
    const line = (n: number, severity: string) =>
      JSON.stringify({
        insertId: `x${n}`,
        logName: 'projects/p/logs/run.googleapis.com%2Fstdout',
        resource: { type: 'cloud_run_revision', labels: { service_name: 'api' } },
        textPayload: `request ${n} failed: deadline exceeded`,
        severity,
        timestamp: `2024-03-05T10:0${n}:00Z`,
      });
    const { templates } = await mineText(`${line(1, 'ERROR')}\n${line(2, 'ERROR')}\n`, 'run.jsonl');
    expect(templates.map((t) => [t.level, t.service, t.count, t.source.line])).toEqual([
      ['error', 'api', 2, 1],
    ]);
  });

  it('reads an Elasticsearch/OpenSearch `_search` answer: each hit’s `_source` as an ECS log line', async () => {
    const answer = {
      took: 5,
      hits: {
        total: { value: 2, relation: 'eq' },
        hits: [
          {
            _index: 'logs-2024.03.05',
            _id: 'h1',
            _source: {
              '@timestamp': '2024-03-05T10:01:04.123Z',
              log: { level: 'error' },
              message: 'payment gateway timeout after 3000 ms',
              service: { name: 'gateway' },
            },
          },
          { _index: 'logs-2024.03.05', _id: 'h2', _source: { message: 'no time' } },
        ],
      },
    };
    const { templates, problems } = await mineText(JSON.stringify(answer, null, 2), 'es.json');
    expect(templates.map(brief)).toEqual([
      ['error', 'payment gateway timeout after <*> ms', '2024-03-05T10:01:04.123Z', 'gateway'],
    ]);
    expect(problems.map((p) => p.message)).toEqual(['no readable time']);
  });

  it('reads Splunk’s JSON export (`output_mode=json`, a result a line) and Loki’s logcli JSON lines and query_range answer', async () => {
    const splunk = [
      {
        preview: false,
        offset: 0,
        result: {
          _time: '2024-03-05T10:01:05.000+00:00',
          _raw: '2024-03-05 10:01:05 ERROR disk full on /var',
        },
      },
      {
        preview: false,
        offset: 1,
        result: {
          _time: '2024-03-05T10:02:05.000+00:00',
          _raw: '2024-03-05 10:02:05 ERROR disk full on /data',
        },
      },
    ];
    const s = await mineText(splunk.map((r) => JSON.stringify(r)).join('\n'), 'splunk.json');
    expect(s.source).toBe('log-exports');
    expect(s.templates.map((t) => [t.level, t.template, t.count])).toEqual([
      ['error', 'disk full on <*>', 2],
    ]);

    const logcli =
      '{"labels":{"app":"payments","namespace":"prod"},"line":"level=error msg=\\"db timeout\\"","timestamp":"2024-03-05T10:01:03.123456789Z"}\n';
    expect((await mineText(logcli, 'loki.jsonl')).templates.map(brief)).toEqual([
      ['error', 'db timeout', '2024-03-05T10:01:03.123Z', 'payments'],
    ]);
    const api = {
      status: 'success',
      data: {
        resultType: 'streams',
        result: [
          {
            stream: { service_name: 'cart' },
            values: [['1709632863123456789', '{"level":"warn","msg":"slow"}']],
          },
        ],
      },
    };
    expect((await mineText(JSON.stringify(api), 'loki.json')).templates.map(brief)).toEqual([
      ['warn', 'slow', '2024-03-05T10:01:03.123Z', 'cart'],
    ]);
  });

  it('does not take a Splunk export of statistics (a count by host, no `_raw`) for a log', async () => {
    const stats = await fileInput(fixture('log-exports', 'splunk__splunk-sdk-java__resultsExport.jsonl'));
    expect(detectSource(stats)?.name).not.toBe('log-exports');
  });

  it('is not taken for another JSON file, and a file of other JSON forced on it is skipped with a reason', async () => {
    const other = await openText(
      '[{"ts":"2024-03-05T10:00:00Z","kind":"deploy","summary":"api v2"}]',
      'events.json',
    );
    expect(detectSource(other)?.name).not.toBe('log-exports');
    const recorded = recordingContext(other.name, { manifest: Manifest.parse({}) });
    for await (const _ of logExports.read(other, recorded.ctx));
    expect(recorded.templates).toEqual([]);
    expect(recorded.problems.map((p) => p.message)).toEqual(['not a log record of a saved query result']);
  });

  it('reads any JSON without throwing: records are mined or reported (fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            events: fc.array(
              fc.record({ timestamp: fc.anything(), message: fc.anything(), eventId: fc.string() }),
            ),
          }),
          fc.record({
            hits: fc.record({ hits: fc.array(fc.record({ _id: fc.string(), _source: fc.jsonValue() })) }),
          }),
        ),
        async (value) => {
          const input = await openText(JSON.stringify(value), 'x.json');
          const recorded = recordingContext(input.name, { manifest: Manifest.parse({}) });
          for await (const _ of logExports.read(input, recorded.ctx));
          for (const t of recorded.templates) expect(Number.isFinite(t.firstSeen)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
