import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.mjs';
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

describe('textRecordReader on bytes where they lie', () => {
  const options = { zone: 'Europe/Berlin', date: '2017-01-01' };
  /** Reads every line both ways, with fresh readers, and says where they part. */
  const disagreements = (lines: string[]) => {
    const fromText = textRecordReader(options);
    const fromBytes = textRecordReader(options);
    const block = Buffer.from(`x\n${lines.join('\n')}\n`);
    const out: string[] = [];
    let at = 2;
    for (const line of lines) {
      const end = at + Buffer.byteLength(line);
      const a = emptyRecord();
      const b = emptyRecord();
      const answerA = fromText(line, a);
      const answerB = fromBytes.readBytes?.(block, at, end, b, true);
      // The bytes may leave `message` empty: the message is then the line's bytes from `messageAt`.
      const messageB = b.messageAt >= 0 ? block.toString('latin1', at + b.messageAt, end) : b.message;
      const same =
        answerA === answerB &&
        Object.is(a.ts, b.ts) &&
        (Number.isNaN(a.ts) ||
          (a.level === b.level && a.message === messageB && a.messageAt === b.messageAt));
      if (!same) out.push(`${JSON.stringify(line)}: ${JSON.stringify([a, b, messageB])}`);
      at = end + 1;
    }
    return out;
  };

  it('reads ISO stamps of every shape and their cut-short forms as the decoded line', () => {
    const r = random(9);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const lines: string[] = [];
    for (let k = 0; k < 3000; k++) {
      const date = pick(['2024-05-01', '2024/05/01', '2024-13-01', '1969-12-31', '2024-05-0x']);
      const time = pick(['10:00:00', '23:59:60', '10:00', '24:00:00', '10:0a:00', '09:05:07']);
      const fraction = pick(['', '.1', ',12', '.123', '.123456789', '.', ',x']);
      const zone = pick(['', 'Z', '+02:00', '-0530', ' +0200', ' -07:00', 'z', ' Z']);
      const level = pick([
        ' INFO',
        ' [error]',
        ' <E>',
        ' WARN:',
        ' 1702  2395 D',
        ' - DEBUG',
        ' info',
        ' INFORMATIONAL',
        '',
        ' Fatal',
      ]);
      const rest = pick([' [main] c.e.Pool: exhausted', ' pool,exhausted', '', ' ] odd', ' |x|', '\tmsg']);
      const full = `${date}${pick(['T', ' ', 't', '_'])}${time}${fraction}${zone}${level}${rest}`;
      lines.push(full, full.slice(0, Math.floor(r() * full.length)));
    }
    lines.push(
      'INFO 2024-05-01 10:00:00 disk full',
      '2024-05-01 10:00:00] [x] odd',
      '2024-05-01T10:00:00.5]',
    );
    expect(disagreements(lines)).toEqual([]);
  });

  it('reads every ASCII line of the log fixtures as the decoded line', () => {
    const dir = join(import.meta.dirname, '../../test/fixtures/logs');
    const lines = readdirSync(dir)
      .filter((name) => !name.endsWith('.md'))
      .flatMap((name) => readFileSync(join(dir, name), 'latin1').split('\n'))
      .filter((line) => /^[\x21-\x7e][\x20-\x7e\t]*$/.test(line));
    expect(lines.length).toBeGreaterThan(50);
    expect(disagreements(lines)).toEqual([]);
  });

  const loghub = join(import.meta.dirname, '../../../shared/corpora/loghub');
  it.skipIf(!existsSync(loghub))(
    'reads every ASCII line of the Loghub samples as the decoded line (needs ../shared/corpora/loghub)',
    () => {
      for (const system of readdirSync(loghub).filter((name) =>
        existsSync(join(loghub, name, `${name}_2k.log`)),
      )) {
        const lines = readFileSync(join(loghub, system, `${system}_2k.log`), 'latin1')
          .split('\n')
          .map((line) => line.replace(/\r$/, ''))
          .filter((line) => /^[\x21-\x7e][\x20-\x7e\t]*$/.test(line));
        expect(disagreements(lines), system).toEqual([]);
      }
    },
  );
});
