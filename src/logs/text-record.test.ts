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

  it('reads glog/klog lines: the level from the first letter, the message after the thread id and `file:line]`', () => {
    const klog =
      'E0305 10:01:02.123456       1 leaderelection.go:332] error retrieving resource lock kube-system/kcm: timeout';
    expect(read(klog, { zone: 'UTC', date: '2024-03-01' })).toMatchObject({
      ts: '2024-03-05T10:01:02.123Z',
      level: 'error',
      message: 'error retrieving resource lock kube-system/kcm: timeout',
    });
    // The words after the stamp are the message's, not a level: an info line that says "error".
    expect(
      read('I0305 10:00:01.000000 1 sync.go:53] error budget synced', { zone: 'UTC', date: '2024-03-01' }),
    ).toMatchObject({
      level: 'info',
      message: 'error budget synced',
    });
    expect(read('W0305 10:00:01.000000 watch closed', { zone: 'UTC', date: '2024-03-01' })).toMatchObject({
      level: 'warn',
      message: 'watch closed',
    });
    expect(read('F20240305 10:00:01.000000  4711 main.cc:12] Check failed: ok')).toMatchObject({
      ts: '2024-03-05T10:00:01.000Z',
      level: 'fatal',
      message: 'Check failed: ok',
    });
  });

  it('gives a line without a stamp no time and no message', () => {
    expect(read('\tat com.example.Foo(Foo.java:12)')).toMatchObject({ ts: null, message: '' });
  });
});

describe('textRecordReader on syslog lines with a <PRI>', () => {
  it('reads RFC 5424: the level from the PRI severity, the service from APP-NAME, the message from MSG', () => {
    expect(
      read(
        '<132>1 2026-02-10T10:02:00.000Z gw-pool-02 api-gateway 3094 - - Memory pressure increasing; GC frequency up',
      ),
    ).toMatchObject({
      ts: '2026-02-10T10:02:00.000Z',
      level: 'warn',
      service: 'api-gateway',
      message: 'Memory pressure increasing; GC frequency up',
      messageAt: 64,
    });
    expect(
      read(
        '<131>1 2026-02-10T10:03:15.000Z gw-pool-01 api-gateway 2817 - - Upstream timeouts from auth-service',
      ),
    ).toMatchObject({
      ts: '2026-02-10T10:03:15.000Z',
      level: 'error',
      service: 'api-gateway',
      message: 'Upstream timeouts from auth-service',
    });
    // RFC 5424's own examples: an offset, a nil APP-NAME, and every severity's level.
    expect(
      read(
        "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.",
      ),
    ).toMatchObject({
      ts: '2003-08-24T12:14:15.000Z',
      level: 'info',
      service: 'myproc',
      message: "%% It's time to make the do-nuts.",
    });
    expect(
      read('<34>1 2003-10-11T22:14:15.003Z mymachine.example.com - - ID47 - - leading dash kept'),
    ).toMatchObject({ level: 'fatal', service: null, message: '- leading dash kept' });
    expect(
      [0, 1, 2, 3, 4, 5, 6, 7].map((n) => read(`<${8 + n}>1 2026-02-10T10:00:00Z h a - - - x`).level),
    ).toEqual(['fatal', 'fatal', 'fatal', 'error', 'warn', 'info', 'info', 'debug']);
  });

  it('skips structured data, with escapes in its values, and a byte order mark before MSG', () => {
    const header = '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47';
    expect(
      read(
        `${header} [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] An application event log entry...`,
      ),
    ).toMatchObject({
      ts: '2003-10-11T22:14:15.003Z',
      level: 'info',
      service: 'evntslog',
      message: 'An application event log entry...',
    });
    expect(
      read(
        `${header} [exampleSDID@32473 iut="3"][examplePriority@32473 class="h]i\\\\\\"gh\\]"] two elements`,
      ),
    ).toMatchObject({ message: 'two elements' });
    expect(read(`${header} [exampleSDID@32473 iut="3" eventSource="Application"]`)).toMatchObject({
      ts: '2003-10-11T22:14:15.003Z',
      message: '',
    });
    expect(read(`${header} - \uFEFFAn entry after a BOM`)).toMatchObject({ message: 'An entry after a BOM' });
  });

  it('gives a line whose stamp is nil (`-`) no time', () => {
    expect(read('<34>1 - mymachine.example.com su - ID47 - no time of its own')).toMatchObject({
      ts: null,
      message: '',
    });
  });

  it('reads RFC 3164 with a PRI as without one, the level from the PRI', () => {
    const line = "Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8";
    const message = "mymachine su: 'su root' failed for lonvick on /dev/pts/8";
    expect(read(`<34>${line}`)).toMatchObject({
      ts: '2017-10-11T22:14:15.000Z',
      level: 'fatal',
      service: null,
      message,
    });
    expect(read(line)).toMatchObject({ ts: '2017-10-11T22:14:15.000Z', level: 'unknown', message });
    expect(read(`<13>${line}`)).toMatchObject({ level: 'info', message });
  });

  it('reads a PRI before an ISO stamp without VERSION as RFC 3164, and no PRI as before', () => {
    expect(read('<11>2026-02-10T10:00:00Z host app[12]: disk full')).toMatchObject({
      ts: '2026-02-10T10:00:00.000Z',
      level: 'error',
      service: null,
      message: 'host app[12]: disk full',
    });
    expect(read('<html> 2026-02-10T10:00:00Z')).toMatchObject({ ts: null });
    expect(read('<1234>1 2026-02-10T10:00:00Z h a - - - x')).toMatchObject({ ts: null });
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
      '<132>1 2026-02-10T10:02:00.000Z gw-pool-02 api-gateway 3094 - - Memory pressure increasing',
      '<165>1 2003-10-11T22:14:15.003Z host evntslog - ID47 [a@1 b="\\"]"][c@2 d="e"] msg',
      '<165>1 2003-10-11T22:14:15.003Z host evntslog - ID47 [a@1 b="x"',
      '<34>1 2003-10-11T22:14:15.003Z host',
      '<34>1 - host su - ID47 - no time',
      "<34>Oct 11 22:14:15 mymachine su: 'su root' failed",
      '<11>2026-02-10T10:00:00Z host app[12]: ERROR disk full',
      'INFO 2024-05-01 10:00:00 disk full',
      '2024-05-01 10:00:00] [x] odd',
      '2024-05-01T10:00:00.5]',
      'E0305 10:01:02.123456       1 leaderelection.go:332] error retrieving lock',
      'I0305 10:01:02.123456 1 a.go:1]',
      'W0305 10:01:02.123456 1 a.go:1]x',
      'F0305 10:01:02.123456 12 :]',
      'I20240305 10:01:02 main.cc:12] started',
      'E0305 10:01:02.123456     ',
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
