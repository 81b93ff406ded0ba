// Containers' logs as their runtimes write them: real json-file and CRI samples (fluent-bit's and
// the kubelet's test data, test/fixtures/containers), and the shapes a user copies off a node.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileInput, openBundle } from '../bundle/index.js';
import { containerRecordReader, NOT_CONTAINER } from '../logs/container-record.js';
import { emptyRecord } from '../logs/log-record.js';
import { Manifest } from '../model/index.js';
import { buildTimeline } from '../timeline/build.js';
import { detectSource } from './detect.js';
import { recordingContext } from './recording-context.js';
import { fixture, SAMPLES } from './test-kit.js';

async function mine(path: string, name?: string) {
  const input = await fileInput(path, name);
  const source = detectSource(input);
  const recorded = recordingContext(input.name, { manifest: Manifest.parse({}) });
  if (source) for await (const _ of source.read(input, recorded.ctx));
  return { source: source?.name ?? null, ...recorded };
}

const at = (iso: string) => Date.parse(iso);

/** Writes lines to a fresh file under `path` inside a temporary folder; returns the file. */
function write(path: string, lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hindsight-')), path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('container runtimes’ logs: real samples', () => {
  it.each(SAMPLES['container-logs'].map((f) => [f.split('/').at(-1)]))('detects %s', async (name) => {
    expect(detectSource(await fileInput(fixture('containers', name as string)))?.name).toBe('container-logs');
  });

  it('reads the container’s own line inside json-file: an Apache access line with a 500 is an error at the runtime’s time', async () => {
    const { templates, problems } = await mine(fixture('containers', 'default_apache-logs_apache-logs.log'));
    expect(problems).toEqual([]);
    expect(templates.map((t) => [t.level, t.template, t.firstSeen])).toEqual([
      ['error', 'GET <*> 5xx', at('2018-02-21T17:26:53.360Z')],
    ]);
  });

  it('reads JSON inside json-file by its own fields (Istio’s access log: level, no message key)', async () => {
    const { templates, problems } = await mine(
      fixture('containers', 'socks_session-db-fdd649d68-cq5sp_istio-proxy.log'),
    );
    expect(problems).toEqual([]);
    expect(templates).toHaveLength(1);
    expect(templates[0]).toMatchObject({ level: 'info', firstSeen: at('2018-09-21T02:56:06.978Z') });
  });

  it('reads CRI lines, full and partial (with tags): a part continues its line, nothing is skipped', async () => {
    const { templates, problems } = await mine(fixture('containers', 'kubelet-logs-test__cri.log'));
    expect(problems).toEqual([]);
    const total = templates.reduce((n, t) => n + t.count, 0);
    // Two full lines, one partial line; the second partial on the same stream continues it.
    expect(total).toBe(3);
    expect(templates.map((t) => t.template).sort()).toEqual([
      'cri stderr test log',
      'cri stdout partial test log',
      'cri stdout test log',
    ]);
  });

  it('reports json-file records that carry no time at all, each with its line', async () => {
    const { templates, problems } = await mine(
      fixture('containers', 'dockermode_splitted_multiple_lines.log'),
    );
    expect(templates).toEqual([]);
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('container runtimes’ logs: what a user copies off a node', () => {
  it('reads JSON, logfmt, glog and text inside CRI lines, each at its level, at the runtime’s time', async () => {
    const file = write('checkout.log', [
      '2024-03-05T10:01:01.123456789Z stderr F {"level":"error","msg":"db timeout"}',
      '2024-03-05T10:01:02.000000001+01:00 stdout F level=warn msg="cache miss storm" service=api',
      '2024-03-05T10:01:03.5Z stderr F E0305 10:01:03.400000       1 leaderelection.go:332] error retrieving lock',
      '2024-03-05T10:01:04Z stderr F panic: runtime error: index out of range [3] with length 3',
      '2024-03-05T10:01:04Z stderr F ',
      '2024-03-05T10:01:04Z stderr F goroutine 1 [running]:',
      '2024-03-05T10:01:04Z stderr F \tmain.main()',
      '2024-03-05T10:01:05Z stdout F 2024-03-05 11:01:05,000 INFO started',
    ]);
    const { source, templates, problems } = await mine(file);
    expect(source).toBe('container-logs');
    expect(problems).toEqual([]);
    const by = (t: { level: string; template: string; firstSeen: number; service: string | null }) => [
      t.level,
      t.template,
      new Date(t.firstSeen).toISOString(),
      t.service,
    ];
    expect(templates.map(by)).toEqual(
      expect.arrayContaining([
        ['error', 'db timeout', '2024-03-05T10:01:01.123Z', 'checkout'],
        ['warn', 'cache miss storm', '2024-03-05T09:01:02.000Z', 'api'],
        ['error', 'error retrieving lock', '2024-03-05T10:01:03.500Z', 'checkout'],
        [
          'fatal',
          expect.stringMatching(/^panic: runtime error: index out of range/),
          '2024-03-05T10:01:04.000Z',
          'checkout',
        ],
        // The app's own stamp is in its zone; the runtime's is UTC and wins.
        ['info', 'started', '2024-03-05T10:01:05.000Z', 'checkout'],
      ]),
    );
    // The blank line and the indented frame continue the panic; "goroutine 1 [running]:" is a line of its own.
    expect(templates.reduce((n, t) => n + t.count, 0)).toBe(6);
  });

  it('reads `kubectl logs --timestamps` of JSON and logfmt services; a stamp before plain text stays a text log', async () => {
    const json = write('api.log', [
      '2024-03-05T10:01:01.123456789Z {"level":"error","msg":"db timeout"}',
      '2024-03-05T10:01:02.123456789Z {"level":"info","msg":"ok"}',
    ]);
    const { source, templates } = await mine(json);
    expect(source).toBe('container-logs');
    expect(templates.map((t) => [t.level, t.template])).toEqual(
      expect.arrayContaining([
        ['error', 'db timeout'],
        ['info', 'ok'],
      ]),
    );
    const text = write('web.log', [
      '2024-03-05T10:01:01.123456789Z ERROR upstream timed out',
      '2024-03-05T10:01:02.123456789Z INFO ok',
    ]);
    expect((await mine(text)).source).toBe('text-logs');
  });

  it('reads `logcli query`’s default output: the stream’s labels name the service, the line after them is read', async () => {
    const file = write('loki.log', [
      '2024-03-05T11:01:03+01:00 {app="payments", namespace="prod"} level=error msg="db timeout" duration=5s',
      '2024-03-05T10:01:04Z {app="payments", namespace="prod"} level=info msg="request served"',
      '2024-03-05T10:01:05Z {app="payments", namespace="prod"} {"level":"error","msg":"queue full"}',
      '2024-03-05T10:01:06Z {job="prod/cart"} 2024-03-05 10:01:06 ERROR checkout failed',
    ]);
    const { source, templates, problems } = await mine(file);
    expect(source).toBe('container-logs');
    expect(problems).toEqual([]);
    expect(
      templates.map((t) => [t.service, t.level, t.template, new Date(t.firstSeen).toISOString()]),
    ).toEqual(
      expect.arrayContaining([
        ['payments', 'error', 'db timeout', '2024-03-05T10:01:03.000Z'],
        ['payments', 'info', 'request served', '2024-03-05T10:01:04.000Z'],
        ['payments', 'error', 'queue full', '2024-03-05T10:01:05.000Z'],
        ['cart', 'error', 'checkout failed', '2024-03-05T10:01:06.000Z'],
      ]),
    );
  });

  it('names the service by the container, from the kubelet’s file names under /var/log/pods and /var/log/containers', async () => {
    const line = ['2024-03-05T10:01:01.1Z stderr F level=error msg=timeout'];
    const pods = write('var/log/pods/default_checkout-5d9f8b7c6-x2x9z_0c6d1e2f/checkout/0.log', line);
    const bundle = await openBundle([join(pods, '../../../..')]);
    const { templates } = await mine(pods, bundle.inputs[0].name);
    expect(templates.map((t) => t.service)).toEqual(['checkout']);
    const containers = write(
      `var/log/containers/checkout-5d9f8b7c6-x2x9z_default_payments-${'ab12'.repeat(16)}.log`,
      line,
    );
    const named = (await fileInput(containers)).name;
    expect((await mine(containers, named)).templates.map((t) => t.service)).toEqual(['payments']);
  });

  it('keeps two templates first seen at the same millisecond as two timeline entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-'));
    writeFileSync(
      join(dir, 'a.log'),
      '2024-03-05T10:01:01.123Z stderr F level=error msg="db timeout"\n2024-03-05T10:01:01.123Z stderr F level=error msg="queue full"\n',
    );
    writeFileSync(join(dir, 'b.log'), '2024-03-05T10:01:01.123Z stderr F level=error msg="db timeout"\n');
    const { events } = await buildTimeline(await openBundle([dir]));
    const logs = events.filter((e) => e.kind === 'log').map((e) => [e.service, e.attrs.template]);
    expect(logs).toEqual(
      expect.arrayContaining([
        ['a', 'db timeout'],
        ['a', 'queue full'],
        ['b', 'db timeout'],
      ]),
    );
    expect(logs).toHaveLength(3);
  });

  it('answers every line, however damaged, with a record or a reason, and never throws (fuzz)', () => {
    const runtimeLine = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.constantFrom('stdout', 'stderr', 'x'), fc.constantFrom('F', 'P', 'P:a', 'Q'), fc.string())
        .map(([s, t, c]) => `2024-03-05T10:01:01.123456789Z ${s} ${t} ${c}`),
      fc.record({ log: fc.string(), stream: fc.string(), time: fc.string() }).map((r) => JSON.stringify(r)),
      fc.string().map((c) => `2024-03-05T10:01:01Z ${c}`),
    );
    fc.assert(
      fc.property(fc.array(runtimeLine, { maxLength: 20 }), (lines) => {
        const read = containerRecordReader({ zone: 'UTC' });
        const record = emptyRecord();
        for (const line of lines) {
          const answer = read(line, record);
          if (answer === null && !Number.isNaN(record.ts)) expect(typeof record.message).toBe('string');
          else if (answer !== null) expect(typeof answer).toBe('string');
        }
      }),
    );
    expect(containerRecordReader({})('plain text', emptyRecord())).toBe(NOT_CONTAINER);
  });
});
