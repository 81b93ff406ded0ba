import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInput } from '../bundle/index.js';
import { Manifest } from '../model/index.js';
import { detectSource } from './detect.js';
import { recordingContext } from './recording-context.js';
import { openText } from './test-kit.js';

const fixture = (name: string) => join(import.meta.dirname, '../../test/fixtures/logs', name);

async function mine(path: string, manifest = Manifest.parse({})) {
  const input = await fileInput(path);
  const source = detectSource(input);
  const recorded = recordingContext(input.name, { manifest });
  if (source)
    for await (const _ of source.read(input, recorded.ctx)) throw new Error('log sources yield no events');
  return { source: source?.name ?? null, ...recorded };
}

describe('log sources on real samples', () => {
  it.each([
    ['logfile_pino.0', 'json-logs'],
    ['logfile_bunyan.0', 'json-logs'],
    ['logfile_ecs_log.json', 'json-logs'],
    ['log1.log', 'json-logs'],
    ['logfile_json.json', 'json-logs'],
    ['logfile_journald.json', 'json-logs'],
    ['logfile_otel_collector.jsonl', 'json-logs'],
    ['logfile_logfmt.0', 'logfmt-logs'],
    ['logfile_syslog.0', 'text-logs'],
    ['logfile_syslog_with_header.0', 'text-logs'],
    ['logfile_docker_compose.0', 'text-logs'],
    ['logfile_caddy_log.0', 'text-logs'],
    ['logfile_java.0', 'text-logs'],
    ['logfile_generic.0', 'text-logs'],
    ['logfile_access_log.0', 'text-logs'],
    ['beats__error.log', 'text-logs'],
    ['beats__test.log', 'text-logs'],
  ])('detects %s as %s', async (name, expected) => {
    expect(detectSource(await fileInput(fixture(name)))?.name).toBe(expected);
  });

  it('does not take a file of non-log JSON for a log', async () => {
    expect(detectSource(await fileInput(fixture('bogus.log')))?.name).not.toBe('json-logs');
  });

  it('mines bunyan lines into templates with the logger name as service and numeric levels', async () => {
    const { templates, problems } = await mine(fixture('log1.log'));
    expect(problems).toEqual([]);
    expect(templates.map((t) => [t.service, t.level, t.template])).toContainEqual([
      'agent1',
      'info',
      'message',
    ]);
    const total = templates.reduce((n, t) => n + t.count, 0);
    expect(total).toBe(4);
  });

  it('reads ECS records with a dotted log.level and keeps one example line with its place', async () => {
    const { templates } = await mine(fixture('logfile_ecs_log.json'));
    const debug = templates.find((t) => t.level === 'debug')!;
    expect(debug.template).toBe('this is a debug message num=<*>');
    expect(debug.source).toEqual({ file: 'logfile_ecs_log.json', line: 1 });
    expect(debug.offset).toBe(0);
    expect(debug.firstSeen).toBe(Date.parse('2025-01-13T09:58:13.631Z'));
  });

  it('mines journalctl -o json records: microsecond times, PRIORITY as level, SYSLOG_IDENTIFIER as service', async () => {
    const { templates, problems } = await mine(fixture('logfile_journald.json'));
    expect(problems).toEqual([]);
    expect(templates.map((t) => [t.service, t.level, t.template, t.firstSeen, t.count])).toEqual([
      ['python', 'fatal', 'GPS Reference longitude: <*>', 1534860261221, 1],
      ['python', 'info', 'GPS Reference latitude: <*>', 1534860261221, 1],
    ]);
  });

  it('mines each record of OpenTelemetry collector batches, service.name as the service, the record as the example', async () => {
    const { templates, problems } = await mine(fixture('logfile_otel_collector.jsonl'));
    expect(problems).toEqual([]);
    expect(templates.reduce((n, t) => n + t.count, 0)).toBe(11);
    expect(templates.find((t) => t.level === 'error')).toMatchObject({
      service: 'order-service',
      template: 'Failed to update order status: database connection timeout',
      firstSeen: 1700000003000,
      source: { file: 'logfile_otel_collector.jsonl', line: 2 },
      example: expect.stringMatching(/^\{"timeUnixNano":"1700000003000000000","severityNumber":17,/),
    });
    expect(templates.find((t) => t.level === 'fatal')?.service).toBe('severity-test');
    // A resource without attributes names no service: the file's name stands for it.
    expect(templates.find((t) => t.template.startsWith('Log with empty resource'))?.service).toBe(
      'logfile_otel_collector',
    );
  });

  it('counts each skipped record of a batch line with that line number', async () => {
    const batch = (times: (string | null)[]) =>
      JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
            scopeLogs: [
              {
                logRecords: times.map((t, i) => ({
                  ...(t ? { timeUnixNano: t } : {}),
                  severityNumber: 17,
                  body: { stringValue: `request ${i} failed` },
                })),
              },
            ],
          },
        ],
      });
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-otel-'));
    const path = join(dir, 'otel.jsonl');
    writeFileSync(
      path,
      `${batch(['1700000000000000000', null])}\n${batch([null, '1700000001000000000', null])}\n`,
    );
    const { templates, problems } = await mine(path);
    rmSync(dir, { recursive: true, force: true });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'no readable time'],
      [2, 'no readable time'],
      [2, 'no readable time'],
    ]);
    expect(templates.map((t) => [t.service, t.level, t.template, t.count])).toEqual([
      ['api', 'error', 'request <*> failed', 2],
    ]);
  });

  it('gives logfmt templates the msg text and the level', async () => {
    const { templates } = await mine(fixture('logfile_logfmt.0'));
    expect(templates.find((t) => t.template.startsWith('error retrieving pod status'))?.level).toBe('error');
  });

  it('reads nginx error logs and folds continuation lines into their record', async () => {
    const { templates, problems } = await mine(fixture('beats__error.log'));
    expect(problems).toEqual([]);
    expect(templates.every((t) => t.level === 'error' || t.level === 'warn' || t.level === 'info')).toBe(
      true,
    );
    expect(
      templates.filter((t) => t.template.includes('open() "<*>" failed (<*>: No such file or directory)')),
    ).toHaveLength(2);
  });

  it('groups access-log lines by method and status class, 4xx as warnings', async () => {
    const { templates } = await mine(fixture('logfile_access_log.0'));
    expect(templates.map((t) => [t.template, t.level]).sort()).toEqual([
      ['GET <*> 2xx', 'info'],
      ['GET <*> 4xx', 'warn'],
    ]);
  });

  it('skips the header lines a syslog file opens with, by number, and reads the rest', async () => {
    const manifest = Manifest.parse({ date: '2024-11-03', timezone: 'UTC' });
    const { source, templates, problems } = await mine(fixture('logfile_syslog_with_header.0'), manifest);
    expect(source).toBe('text-logs');
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'no timestamp'],
      [2, 'no timestamp'],
    ]);
    expect(templates.map((t) => [t.firstSeen, t.count, t.template, t.source.line])).toEqual([
      [Date.parse('2024-11-03T09:23:38Z'), 2, 'veridian <*>]: lookup(file): lookup for <*> failed', 3],
      [Date.parse('2024-11-03T09:23:38Z'), 1, 'veridian <*>]: attempting to mount entry <*>', 4],
      [
        Date.parse('2024-11-03T09:47:02Z'),
        1,
        'veridian sudo: timstack : TTY=<*> ; PWD=<*> ; USER=root ; COMMAND=<*> <*>',
        6,
      ],
    ]);
  });

  it('takes a few header lines before a text log only when most lines then carry a stamp', async () => {
    const stamped = (n: number) =>
      Array.from({ length: n }, (_, i) => `2024-05-01 10:00:0${i} INFO worker ${i} started`);
    const detected = async (lines: string[]) =>
      detectSource(await openText(`${lines.join('\n')}\n`, 'app.log'))?.name ?? null;
    expect(await detected(['Log file created by app 1.2', 'Host: web-1', ...stamped(3)])).toBe('text-logs');
    // Most lines are not log lines: a note that quotes a few, not a log.
    expect(
      await detected(['Notes', ...stamped(2), 'we looked at it', 'and then again', 'nothing else']),
    ).not.toBe('text-logs');
    // More header lines than a log opens with.
    expect(await detected([...Array.from({ length: 6 }, (_, i) => `Header${i}: x`), ...stamped(9)])).not.toBe(
      'text-logs',
    );
  });

  it('reads docker compose logs behind their prefix: Redis by its own stamps, Flask lines without one skipped', async () => {
    const { source, templates, problems } = await mine(fixture('logfile_docker_compose.0'));
    expect(source).toBe('text-logs');
    expect(problems.map((p) => [p.line, p.message])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => [line, 'no timestamp']),
    );
    // Twelve Redis lines, one of them (the signal handler's) continuing the record before it.
    expect(templates.reduce((n, t) => n + t.count, 0)).toBe(11);
    expect(new Set(templates.map((t) => t.service))).toEqual(new Set(['redis']));
    expect(templates.find((t) => t.level === 'warn')).toMatchObject({
      template:
        'no config file specified, using the default config. In order to specify a config file use redis-server <*>',
      firstSeen: Date.parse('2024-04-25T05:32:35.018Z'),
      source: { file: 'logfile_docker_compose.0', line: 13 },
    });
    expect(templates.find((t) => t.template === 'DB saved on disk')?.firstSeen).toBe(
      Date.parse('2024-04-25T05:54:43.948Z'),
    );
  });

  it("reads caddy's JSON lines behind the docker compose prefix on the byte path, caddy as the service", async () => {
    const { source, templates, problems } = await mine(fixture('logfile_caddy_log.0'));
    expect(source).toBe('text-logs');
    expect(problems).toEqual([]);
    expect(templates.reduce((n, t) => n + t.count, 0)).toBe(39);
    expect(new Set(templates.map((t) => t.service))).toEqual(new Set(['caddy']));
    expect(templates.find((t) => t.template === 'handled request')).toMatchObject({
      level: 'info',
      count: 4,
      firstSeen: 1761019828615,
    });
    expect(templates.find((t) => t.template.endsWith('skipped because it requires TLS'))).toMatchObject({
      level: 'warn',
      template: '<*> skipped because it requires TLS',
      firstSeen: 1761019822316,
    });
  });

  it('completes syslog stamps with the manifest year and zone', async () => {
    const manifest = Manifest.parse({ date: '2024-11-03', timezone: 'America/New_York' });
    const { templates } = await mine(fixture('logfile_syslog.0'), manifest);
    expect(Math.min(...templates.map((t) => t.firstSeen))).toBe(Date.parse('2024-11-03T14:23:38Z'));
  });
});

describe('log sources on bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-logs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const good = (i: number) =>
    JSON.stringify({ level: 30, time: 1_770_000_000_000 + i * 1000, msg: `served request ${i}` });

  it('skips truncated JSON, binary data and a 10 MB line, and keeps reading', async () => {
    const path = join(dir, 'bad.jsonl');
    const lines = [
      good(1),
      good(2),
      good(4),
      good(5),
      good(6),
      good(7),
      '{"level":50,"time":17700',
      `\u0000\u0001binary${'\u0000'.repeat(20)}`,
      `{"msg":"${'x'.repeat(10_000_000)}"}`,
      good(3),
    ];
    writeFileSync(path, `${lines.join('\n')}\n`);
    const { templates, problems } = await mine(path);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [7, 'truncated or invalid JSON'],
      [8, 'binary data'],
      [9, 'line longer than 1048576 bytes'],
    ]);
    expect(templates).toHaveLength(1);
    expect(templates[0]).toMatchObject({ template: 'served request <*>', count: 7, service: 'bad' });
  });

  it('reads gzip-compressed logs with the same line numbers', async () => {
    const path = join(dir, 'checkout.log.gz');
    writeFileSync(path, gzipSync(`${[good(1), good(2), good(3)].join('\n')}\n`));
    const { templates } = await mine(path);
    expect(templates[0]).toMatchObject({ count: 3, service: 'checkout', source: { line: 1 } });
  });
});

describe('log sources on other real samples', () => {
  const corpus = join(import.meta.dirname, '../../../shared/corpora/logs/lnav');
  it.skipIf(!existsSync(corpus))(
    'reads zap console logs with stack traces and lower-case levels (needs ../shared/corpora)',
    async () => {
      const { source, templates } = await mine(join(corpus, 'logfile_zap_console.0'));
      expect(source).toBe('text-logs');
      expect(templates.find((t) => t.template.includes('Exporting failed. Dropping data.'))?.level).toBe(
        'error',
      );
    },
  );

  it.skipIf(!existsSync(corpus))(
    'reads Rust tracing JSON with the message under fields (needs ../shared/corpora)',
    async () => {
      const { source, templates } = await mine(join(corpus, 'logfile_rust_tracing.0'));
      expect(source).toBe('json-logs');
      expect(templates.map((t) => t.template)).toContain('shaving yaks');
    },
  );
});

describe('log sources on Loghub samples', () => {
  const apache = join(import.meta.dirname, '../../../shared/corpora/loghub/Apache/Apache_2k.log');
  it.skipIf(!existsSync(apache))(
    'reads the Apache error log into its six templates (needs ../shared/corpora/loghub)',
    async () => {
      const { source, templates, problems } = await mine(apache);
      expect(source).toBe('text-logs');
      expect(problems).toEqual([]);
      expect(templates.reduce((n, t) => n + t.count, 0)).toBe(2000);
      expect(templates.map((t) => `${t.level} ${t.template}`).sort()).toEqual([
        "error <*>) Can't find child <*> in scoreboard",
        'error [client <*>] Directory index forbidden by rule: <*>',
        'error mod_jk child init <*> <*>',
        'error mod_jk child workerEnv in error state <*>',
        'info <*>) Found child <*> in scoreboard slot <*>',
        'info workerEnv.init() ok <*>',
      ]);
    },
  );
});
