// Detection and reading over every Loghub 2k sample. The files are for research use only and are
// read where they lie (../shared/corpora/loghub), never copied; without them the suite is skipped.
// Then syslog with a <PRI> (RFC 5424), from the project's own fixtures.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileInput } from '../bundle/index.js';
import { emptyRecord } from '../logs/log-record.js';
import { textRecordReader } from '../logs/text-record.js';
import { Manifest } from '../model/index.js';
import { detectSource } from './detect.js';
import { recordingContext } from './recording-context.js';
import { corpus, fixture } from './test-kit.js';

const loghub = corpus('loghub');
const sample = (name: string) => corpus('loghub', name, `${name}_2k.log`);
const lines = (name: string) =>
  readFileSync(sample(name), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim());

/** Every dataset, and how many of its 2,000 lines carry a time of their own. */
const DATASETS: [string, number][] = [
  ['Android', 2000],
  ['Apache', 2000],
  ['BGL', 2000],
  ['HDFS', 2000],
  ['HPC', 2000],
  ['Hadoop', 2000],
  ['HealthApp', 2000],
  ['Linux', 2000],
  ['Mac', 2000],
  ['OpenSSH', 2000],
  ['OpenStack', 2000],
  ['Proxifier', 2000],
  ['Spark', 2000],
  ['Thunderbird', 2000],
  ['Windows', 2000],
  ['Zookeeper', 2000],
];

const options = { zone: 'UTC', date: '2017-01-01' };

function readAll(name: string, opts: { zone: string; date: string } = options) {
  const read = textRecordReader(opts);
  const record = emptyRecord();
  const levels: Record<string, number> = {};
  let timed = 0;
  for (const line of lines(name)) {
    read(line, record);
    if (Number.isNaN(record.ts)) continue;
    timed++;
    levels[record.level] = (levels[record.level] ?? 0) + 1;
  }
  return { timed, levels };
}

function first(name: string, opts: { zone: string; date: string } = options) {
  const record = emptyRecord();
  textRecordReader(opts)(lines(name)[0], record);
  return { time: new Date(record.ts).toISOString(), level: record.level, message: record.message };
}

describe.skipIf(!existsSync(loghub))(
  'text logs on every Loghub 2k sample (needs ../shared/corpora/loghub)',
  () => {
    it.each(DATASETS)('detects %s as plain-text logs and reads a time on %i lines', async (name, timed) => {
      const input = await fileInput(sample(name));
      const source = detectSource(input);
      expect(source?.name).toBe('text-logs');
      expect(lines(name)).toHaveLength(2000);
      expect(readAll(name).timed).toBe(timed);
      // Through the source, as a bundle reads it: every timed line is mined, nothing is skipped.
      const manifest = Manifest.parse({ date: options.date, timezone: options.zone });
      const recorded = recordingContext(input.name, { manifest });
      for await (const _ of source!.read(input, recorded.ctx)) throw new Error('log sources yield no events');
      expect(recorded.problems).toEqual([]);
      expect(recorded.templates.reduce((n, t) => n + t.count, 0)).toBe(timed);
    });

    it('reads the level of every line as Loghub labels it', () => {
      // Counts from each dataset's *_2k.log_structured.csv Level column.
      expect(readAll('Android').levels).toEqual({ info: 920, debug: 650, trace: 257, warn: 170, error: 3 });
      expect(readAll('BGL').levels).toEqual({ info: 1597, fatal: 347, error: 48, warn: 8 });
      expect(readAll('HDFS').levels).toEqual({ info: 1920, warn: 80 });
      expect(readAll('OpenStack').levels).toEqual({ info: 1969, warn: 31 });
      expect(readAll('Windows').levels).toEqual({ info: 2000 });
      expect(readAll('Hadoop').levels).toEqual({ info: 1040, warn: 808, error: 150, fatal: 2 });
    });

    it('reads HDFS `yyMMdd HHmmss` stamps in the zone given, dropping the pid with the level', () => {
      expect(first('HDFS', { zone: 'America/Los_Angeles', date: '2017-01-01' })).toEqual({
        time: '2008-11-10T04:36:15.000Z',
        level: 'info',
        message:
          'dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating',
      });
    });

    it('reads Spark `yy/MM/dd` stamps', () => {
      expect(first('Spark')).toEqual({
        time: '2017-06-09T20:10:40.000Z',
        level: 'info',
        message: 'executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]',
      });
    });

    it('reads Android logcat stamps with the year of the manifest date and one-letter levels', () => {
      const record = first('Android', { zone: 'Asia/Shanghai', date: '2017-05-01' });
      expect(record.time).toBe('2017-03-17T08:13:38.811Z');
      expect(record.level).toBe('debug');
      expect(record.message.startsWith('WindowManager: printFreezingDisplayLogsopening app wtoken = ')).toBe(
        true,
      );
    });

    it('reads Windows CBS stamps followed by a comma', () => {
      const record = first('Windows');
      expect(record.time).toBe('2016-09-28T04:30:30.000Z');
      expect(record.level).toBe('info');
      expect(record.message.startsWith('CBS    Loaded Servicing Stack v6.1.7601.23505 with Core: ')).toBe(
        true,
      );
    });

    it('reads Proxifier `[MM.dd HH:mm:ss]` stamps with the year of the manifest date', () => {
      expect(first('Proxifier')).toEqual({
        time: '2017-10-30T16:49:06.000Z',
        level: 'unknown',
        message:
          'chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS',
      });
    });

    it('reads BGL epoch seconds after the label and skips the node and its own time', () => {
      expect(first('BGL')).toEqual({
        time: '2005-06-03T22:42:50.000Z',
        level: 'info',
        message: 'instruction cache parity error corrected',
      });
    });

    it('reads Thunderbird epoch seconds and skips the repeated syslog stamp', () => {
      expect(first('Thunderbird')).toEqual({
        time: '2005-11-09T20:01:01.000Z',
        level: 'unknown',
        message: 'dn228/dn228 crond(pam_unix)[2915]: session closed for user root',
      });
    });

    it('reads HPC epoch seconds after the id, node, component and state', () => {
      const record = first('HPC');
      expect(record.time).toBe('2004-02-26T14:12:22.000Z');
      expect(record.message.startsWith('Component State Change: Component \\042SCSI-WWID:')).toBe(true);
    });

    it('reads OpenStack stamps after the file name', () => {
      const record = first('OpenStack');
      expect(record.time).toBe('2017-05-16T00:00:00.008Z');
      expect(record.level).toBe('info');
      expect(record.message.startsWith('nova.osapi_compute.wsgi.server [req-38101a0b-2096-')).toBe(true);
    });

    it('reads HealthApp stamps whose fields are not padded', () => {
      expect(first('HealthApp')).toEqual({
        time: '2017-12-23T22:15:29.606Z',
        level: 'unknown',
        message: 'Step_LSC|30002312|onStandStepChanged 3579',
      });
      const record = emptyRecord();
      textRecordReader(options)(lines('HealthApp').find((l) => l.startsWith('20171223-22:53:7:6|'))!, record);
      expect(new Date(record.ts).toISOString()).toBe('2017-12-23T22:53:07.006Z');
    });
  },
);

describe('text logs in RFC 5424 syslog form', () => {
  it('detects them and mines MSG into templates, the level from the PRI and the service from APP-NAME', async () => {
    const input = await fileInput(fixture('logs', 'rfc5424_api-gateway.syslog'));
    const source = detectSource(input);
    expect(source?.name).toBe('text-logs');
    const recorded = recordingContext(input.name, { manifest: Manifest.parse({ timezone: 'UTC' }) });
    for await (const _ of source!.read(input, recorded.ctx)) throw new Error('log sources yield no events');
    expect(recorded.problems).toEqual([]);
    expect(recorded.templates.reduce((n, t) => n + t.count, 0)).toBe(184);
    const upstream = recorded.templates.find((t) => t.template === 'Upstream timeouts from auth-service');
    expect(upstream).toMatchObject({
      service: 'api-gateway',
      level: 'error',
      count: 71,
      firstSeen: Date.parse('2026-02-10T10:03:15.000Z'),
    });
    expect(recorded.templates.map((t) => [t.level, t.count]).sort()).toEqual([
      ['error', 11],
      ['error', 25],
      ['error', 71],
      ['warn', 15],
      ['warn', 17],
      ['warn', 45],
    ]);
  });
});
