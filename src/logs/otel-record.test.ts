import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyRecord } from './log-record.js';
import { isOtelLogLine, otelRecordReader } from './otel-record.js';

const sample = join(import.meta.dirname, '../../test/fixtures/logs/logfile_otel_collector.jsonl');

/** Every record of every line: the answer, the line it came from, and the fields that matter. */
function readAll(lines: string[]) {
  const read = otelRecordReader();
  const record = emptyRecord();
  const out: unknown[] = [];
  const keep = (answer: string | null, line: number) => {
    const { ts, level, message, service } = record;
    out.push(answer === null ? { line, ts, level, message, service } : { line, answer });
  };
  lines.forEach((text, i) => {
    keep(read(text, record), i + 1);
    for (let answer = read.next!(record); answer !== undefined; answer = read.next!(record))
      keep(answer, i + 1);
  });
  return out;
}

/** One batch line holding the given log records under one resource. */
const batch = (records: unknown[], service = 'checkout') =>
  JSON.stringify({
    resourceLogs: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeLogs: [{ scope: { name: 'x' }, logRecords: records }],
      },
    ],
  });

describe('otelRecordReader', () => {
  it("reads every record of the lnav collector sample, with its resource's service.name", () => {
    const records = readAll(readFileSync(sample, 'utf8').trim().split('\n'));
    expect(records).toHaveLength(11);
    expect(records[0]).toEqual({
      line: 1,
      ts: 1700000000000,
      level: 'info',
      message: 'Processing payment request',
      service: 'payment-service',
    });
    expect(records.map((r) => (r as { level: string }).level)).toEqual([
      'info',
      'warn',
      'info',
      'error',
      'info',
      'trace',
      'debug',
      'fatal',
      'info',
      'unknown',
      'info',
    ]);
    // No attributes: no service, so the file's name stands for it.
    expect(records[8]).toMatchObject({ line: 4, service: null });
    expect(records[10]).toMatchObject({ line: 6, ts: 1700000010000, service: 'env-test' });
  });

  it('takes the observed time when the record has none, the severity text without a number, other bodies as text', () => {
    expect(
      readAll([
        batch([
          {
            timeUnixNano: '0',
            observedTimeUnixNano: '1700000000123456789',
            severityText: 'Warning',
            body: { intValue: '42' },
          },
          {
            timeUnixNano: 1700000000500000000,
            body: { kvlistValue: { values: [{ key: 'a', value: { stringValue: 'b' } }] } },
          },
        ]),
      ]),
    ).toEqual([
      { line: 1, ts: 1700000000123, level: 'warn', message: '42', service: 'checkout' },
      {
        line: 1,
        ts: 1700000000500,
        level: 'unknown',
        message: '{"values":[{"key":"a","value":{"stringValue":"b"}}]}',
        service: 'checkout',
      },
    ]);
  });

  it('skips a record without a readable time, and a line that is no batch, with a reason', () => {
    expect(
      readAll([
        batch([{ body: { stringValue: 'no time' } }, { timeUnixNano: '20240501123000', body: {} }]),
        batch([]),
        '{"resourceLogs":[{"scopeLogs":',
        '{"level":"info"}',
      ]),
    ).toEqual([
      { line: 1, answer: 'no readable time' },
      { line: 1, answer: 'no readable time' },
      { line: 2, answer: 'no log records in the batch' },
      { line: 3, answer: 'truncated or invalid JSON' },
      { line: 4, answer: 'not an OpenTelemetry resourceLogs batch' },
    ]);
  });

  it("gives the record's own JSON as its example", () => {
    const read = otelRecordReader();
    const record = emptyRecord();
    read(
      batch([
        { timeUnixNano: '1700000000000000000', body: { stringValue: 'a' } },
        { timeUnixNano: '1700000000000000000', body: { stringValue: 'b' } },
      ]),
      record,
    );
    read.next!(record);
    expect(read.example!()).toBe('{"timeUnixNano":"1700000000000000000","body":{"stringValue":"b"}}');
  });
});

describe('isOtelLogLine', () => {
  it('takes a resourceLogs batch and nothing else', () => {
    expect(isOtelLogLine(batch([]))).toBe(true);
    expect(isOtelLogLine('{ "resourceLogs": [] }')).toBe(true);
    expect(isOtelLogLine('{"resourceSpans":[]}')).toBe(false);
    expect(isOtelLogLine('{"resourceLogs":{}}')).toBe(false);
    expect(isOtelLogLine('{"resourceLogs":[')).toBe(false);
  });
});
