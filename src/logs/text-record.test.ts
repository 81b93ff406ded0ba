import { describe, expect, it } from 'vitest';
import { emptyRecord } from './log-record.js';
import { textRecordReader } from './text-record.js';

const read = (line: string, options = { zone: 'UTC', date: '2017-01-01' }) => {
  const record = emptyRecord();
  textRecordReader(options)(line, record);
  return { ...record, ts: Number.isNaN(record.ts) ? null : new Date(record.ts).toISOString() };
};

describe('textRecordReader', () => {
  it('drops the stamp, the level and the header fields before it', () => {
    expect(read('2024-05-01 00:00:00,003 ERROR [main] c.e.Pool: exhausted')).toMatchObject({
      ts: '2024-05-01T00:00:00.003Z',
      level: 'error',
      message: '[main] c.e.Pool: exhausted',
    });
    expect(read('081109 203615 148 INFO dfs.DataNode: x')).toMatchObject({
      level: 'info',
      message: 'dfs.DataNode: x',
    });
  });

  it('takes a level written before the stamp', () => {
    expect(read('WARNING 2024-05-01 10:00:00 disk almost full')).toMatchObject({
      ts: '2024-05-01T10:00:00.000Z',
      level: 'warn',
      message: 'disk almost full',
    });
    expect(read('Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass')).toMatchObject({
      level: 'unknown',
      message: 'combo sshd(pam_unix)[19939]: check pass',
    });
  });

  it('gives a line without a stamp no time and no message', () => {
    expect(read('\tat com.example.Foo(Foo.java:12)')).toMatchObject({ ts: null, message: '' });
  });
});
