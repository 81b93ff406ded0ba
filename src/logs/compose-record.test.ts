import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeRecordReader, isComposeLog, NOT_COMPOSE } from './compose-record.js';
import { emptyRecord, type LogRecord } from './log-record.js';
import { sampleLines } from './sample-lines.js';

const fixture = (name: string) => join(import.meta.dirname, '../../test/fixtures/logs', name);
const linesOf = (name: string) => readFileSync(fixture(name), 'utf8').split('\n').slice(0, -1);

/** Each line through one reader, as text: the answer and the record's fields that matter. */
function readAll(lines: string[]) {
  const read = composeRecordReader({ zone: 'UTC', date: '2024-05-01' });
  const record = emptyRecord();
  return lines.map((line) => {
    const answer = read(line, record);
    const { ts, level, message, service } = record;
    return answer === null ? { answer, ts, level, message, service } : { answer };
  });
}

/** The record a line gives as bytes where it lies in a block, its message cut from the block when placed. */
function fromBlock(read: ReturnType<typeof composeRecordReader>, line: string, record: LogRecord) {
  const block = Buffer.from(`before\n${line}\nafter\n`);
  const start = 7;
  const end = start + Buffer.byteLength(line);
  const answer = read.readBytes!(block, start, end, record, isAscii(block));
  const message =
    record.messageAt >= 0 ? block.toString('utf8', start + record.messageAt, end) : record.message;
  const { ts, level, service } = record;
  return answer === null ? { answer, ts, level, message, service } : { answer };
}

describe('composeRecordReader', () => {
  it('reads the lnav docker compose sample: Redis lines by their own time, Flask lines without one', () => {
    const records = readAll(linesOf('logfile_docker_compose.0'));
    expect(records[0]).toEqual({
      answer: null,
      ts: Number.NaN,
      level: 'unknown',
      message: '',
      service: 'web',
    });
    expect(records.slice(0, 10).every((r) => r.answer === null && Number.isNaN(r.ts))).toBe(true);
    expect(records[10]).toEqual({
      answer: null,
      ts: Date.parse('2024-04-25T05:32:35.018Z'),
      level: 'unknown',
      message: 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      service: 'redis',
    });
    expect(records[12]).toMatchObject({
      level: 'warn',
      message:
        'no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
    });
    // `1:signal-handler (1714024483) …` has no stamp: it continues Redis's last record.
    expect(records[17]).toMatchObject({ answer: null, ts: Number.NaN, service: 'redis' });
  });

  it("reads caddy's JSON lines with their epoch-second time and level, the service from the prefix", () => {
    const records = readAll(linesOf('logfile_caddy_log.0'));
    expect(records.every((r) => r.answer === null)).toBe(true);
    expect(records[0]).toEqual({
      answer: null,
      ts: 1761019822315,
      level: 'info',
      message: 'maxprocs: Leaving GOMAXPROCS=12: CPU quota undefined',
      service: 'caddy',
    });
    expect(records[4]).toMatchObject({ level: 'warn', message: expect.stringMatching(/^Caddyfile input/) });
  });

  it('gives from bytes where a line lies what it gives from the decoded line', () => {
    const lines = [
      ...linesOf('logfile_caddy_log.0'),
      ...linesOf('logfile_docker_compose.0'),
      'api-2  | 2024-05-01 10:00:00,123 ERROR [main] pool exhausted',
      'api-2  | 2024-05-01 10:00:01 WARN caf\u00e9 ferm\u00e9',
      'api-2  | \u001b[31m2024-05-01 10:00:02 ERROR red\u001b[0m',
      'api-2  | 2024-05-01T10:00:03.5Z {"level":"error","time":"2024-05-01T10:00:03.4Z","msg":"boom"}',
      'api-2  | level=warn ts=2024-05-01T10:00:04Z msg="slow query"',
    ];
    const fromText = composeRecordReader({ zone: 'UTC', date: '2024-05-01' });
    const fromBytes = composeRecordReader({ zone: 'UTC', date: '2024-05-01' });
    const [a, b] = [emptyRecord(), emptyRecord()];
    for (const line of lines) {
      const answer = fromText(line, a);
      const { ts, level, message, service } = a;
      const expected = answer === null ? { answer, ts, level, message, service } : { answer };
      expect(fromBlock(fromBytes, line, b), line).toEqual(expected);
    }
  });

  it('reads `docker compose logs -t`: a JSON line by its own time, a text line by the stamp', () => {
    expect(
      readAll([
        'web-1  | 2024-05-01T10:00:00.123456789Z {"level":"error","time":"2024-05-01T10:00:00.120Z","msg":"boom"}',
        'web-1  | 2024-05-01T10:00:01.500000000Z  * Serving Flask app',
      ]),
    ).toEqual([
      {
        answer: null,
        ts: Date.parse('2024-05-01T10:00:00.120Z'),
        level: 'error',
        message: 'boom',
        service: 'web',
      },
      {
        answer: null,
        ts: Date.parse('2024-05-01T10:00:01.500Z'),
        level: 'unknown',
        message: '* Serving Flask app',
        service: 'web',
      },
    ]);
  });

  it("names the service without its replica number, old compose's `_1` too, through ANSI colours", () => {
    const records = readAll([
      '\u001b[36mmyapp_web_1  |\u001b[0m 2024-05-01 10:00:00 ERROR boom',
      '\u001b[2K\u001b[33mcheckout-api-12 | \u001b[0m2024-05-01 10:00:00 INFO up',
      'cache  | 2024-05-01 10:00:00 INFO up',
      'worker2  | 2024-05-01 10:00:00 INFO up',
    ]);
    expect(records.map((r) => r.service)).toEqual(['myapp_web', 'checkout-api', 'cache', 'worker2']);
    expect(records[0]).toMatchObject({ level: 'error', message: 'boom' });
  });

  it('reads logfmt behind the prefix', () => {
    expect(
      readAll(['grafana-1  | logger=settings t=2024-05-01T10:00:00Z level=info msg="Starting Grafana"']),
    ).toEqual([
      {
        answer: null,
        ts: Date.parse('2024-05-01T10:00:00Z'),
        level: 'info',
        message: 'Starting Grafana',
        service: 'grafana',
      },
    ]);
  });

  it('gives a line without a time of its own NaN, as the text reader does, and turns down a line without the prefix', () => {
    const records = readAll([
      'web-1  |  * Serving Flask app',
      'db-1  | 2024-05-01 10:00:00 ERROR deadlock detected',
      'db-1  |   DETAIL: Process 1 waits for ShareLock',
      'Attaching to db-1, web-1',
    ]);
    expect(records.map((r) => r.answer)).toEqual([null, null, null, NOT_COMPOSE]);
    expect(records[0]).toMatchObject({ ts: Number.NaN, service: 'web' });
    expect(records[2]).toMatchObject({ ts: Number.NaN, service: 'db' });
  });
});

describe('isComposeLog', () => {
  it('takes samples whose lines mostly carry the prefix and have a time behind it', () => {
    expect(isComposeLog(sampleLines(readFileSync(fixture('logfile_docker_compose.0'), 'utf8')))).toBe(true);
    expect(isComposeLog(sampleLines(readFileSync(fixture('logfile_caddy_log.0'), 'utf8')))).toBe(true);
  });

  it('turns down plain logs, prefixed lines with no time at all, and a table without outer pipes', () => {
    expect(isComposeLog(sampleLines(readFileSync(fixture('logfile_syslog.0'), 'utf8')))).toBe(false);
    expect(isComposeLog(['web-1  |  * Serving Flask app', 'web-1  |  * Debug mode: on'])).toBe(false);
    expect(isComposeLog(['Time | Event', '---- | -----', '10:00 | alert fired', '10:05 | rolled back'])).toBe(
      false,
    );
  });
});
