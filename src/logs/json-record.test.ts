import { describe, expect, it } from 'vitest';
import { epochFromDigits, jsonRecordReader, readParsed } from './json-record.js';
import { emptyRecord } from './log-record.js';
import { logfmtRecordReader } from './logfmt-record.js';
import { timestampReader } from './timestamp.js';

/** What the reader makes of a line, through the byte scan and through JSON.parse. */
function read(line: string) {
  const fast = emptyRecord();
  const slow = emptyRecord();
  const answer = jsonRecordReader({ zone: 'UTC' })(line, fast);
  expect(readParsed(line, slow, timestampReader({ zone: 'UTC' })), line).toBe(answer);
  if (answer === null) expect(fast, line).toEqual(slow);
  return { answer, ...fast };
}

/** A journald record as `journalctl -o json` writes it, with the fields given. */
const journald = (fields: Record<string, unknown>) =>
  JSON.stringify({
    __CURSOR: 's=e991dd5775894620914f2f7126aae6c1;i=372a',
    __REALTIME_TIMESTAMP: '1534860261221373',
    __MONOTONIC_TIMESTAMP: '38708007',
    PRIORITY: '6',
    _HOSTNAME: 'imx6ul-medusa',
    SYSLOG_FACILITY: '3',
    _PID: '184',
    MESSAGE: 'GPS Reference latitude: 46.908706667',
    ...fields,
  });

describe('epochFromDigits', () => {
  it('reads 10, 13, 16 and 19 digits as epoch s, ms, µs and ns, cut to the millisecond', () => {
    expect(epochFromDigits('1534860261')).toBe(1534860261000);
    expect(epochFromDigits('1534860261221')).toBe(1534860261221);
    expect(epochFromDigits('1534860261221373')).toBe(1534860261221);
    expect(epochFromDigits('1534860261221999999')).toBe(1534860261221);
  });

  it('takes no 14-digit stamp, 8-digit date or other length for an epoch', () => {
    expect(epochFromDigits('20240501123000')).toBeNaN();
    expect(epochFromDigits('20240501')).toBeNaN();
    expect(epochFromDigits('2024')).toBeNaN();
    expect(epochFromDigits('153486026122')).toBeNaN();
  });

  it('leaves anything but digits alone to be read another way', () => {
    expect(epochFromDigits('1534860261.5')).toBeUndefined();
    expect(epochFromDigits('2024-05-01T00:00:00Z')).toBeUndefined();
    expect(epochFromDigits('')).toBeUndefined();
  });
});

describe('jsonRecordReader on journald records', () => {
  it('reads __REALTIME_TIMESTAMP in microseconds, MESSAGE, and SYSLOG_IDENTIFIER as the service', () => {
    const line = journald({
      SYSLOG_IDENTIFIER: 'python',
      _SYSTEMD_UNIT: 'medusa-GpsLocator.service',
      _COMM: 'python2.7',
    });
    expect(read(line)).toMatchObject({
      answer: null,
      ts: Date.parse('2018-08-21T14:04:21.221Z'),
      level: 'info',
      message: 'GPS Reference latitude: 46.908706667',
      service: 'python',
    });
  });

  it('names the unit without `.service` when no SYSLOG_IDENTIFIER is given, else the command', () => {
    expect(read(journald({ _SYSTEMD_UNIT: 'medusa-GpsLocator.service', _COMM: 'python' })).service).toBe(
      'medusa-GpsLocator',
    );
    expect(read(journald({ _SYSTEMD_UNIT: 'user@1000.slice' })).service).toBe('user@1000.slice');
    expect(read(journald({ _COMM: 'sshd' })).service).toBe('sshd');
    expect(read(journald({})).service).toBeNull();
  });

  it('reads PRIORITY as the syslog severity: 0–2 fatal, 3 error, 4 warn, 5–6 info, 7 debug', () => {
    const levels = ['0', '1', '2', '3', '4', '5', '6', '7'].map((p) => read(journald({ PRIORITY: p })).level);
    expect(levels).toEqual(['fatal', 'fatal', 'fatal', 'error', 'warn', 'info', 'info', 'debug']);
    expect(read(journald({ PRIORITY: undefined })).level).toBe('unknown');
  });

  it('decodes a MESSAGE written as bytes as UTF-8, a bad byte as a replacement character', () => {
    const bytes = [...Buffer.from('caf\u00e9 '), 0xff, ...Buffer.from(' done')];
    expect(read(journald({ MESSAGE: bytes }))).toMatchObject({
      answer: null,
      message: 'caf\u00e9 \ufffd done',
    });
    // An array of anything but bytes is no message.
    expect(read(journald({ MESSAGE: [1, 'x', 300] }))).toMatchObject({ answer: null, message: '' });
  });

  it('skips a record whose time is a 14-digit stamp or an 8-digit date rather than read it as an epoch', () => {
    expect(read(journald({ __REALTIME_TIMESTAMP: '20240501123000' })).answer).toBe('no readable time');
    expect(read(journald({ __REALTIME_TIMESTAMP: '20240501' })).answer).toBe('no readable time');
    expect(read('{"time":"20240501123000","level":"info","msg":"x"}').answer).toBe('no readable time');
    expect(read('{"time":"1714521600123","level":"info","msg":"x"}').ts).toBe(1714521600123);
  });
});

describe('logfmtRecordReader on digit strings', () => {
  const logfmt = (line: string) => {
    const record = emptyRecord();
    return { answer: logfmtRecordReader({ zone: 'UTC' })(line, record), ts: record.ts };
  };

  it('reads epochs by their length and no 14-digit stamp or 8-digit date as one', () => {
    expect(logfmt('ts=1534860261221373 level=info msg=up').ts).toBe(1534860261221);
    expect(logfmt('ts=1534860261.5 level=info msg=up').ts).toBe(1534860261500);
    expect(logfmt('ts=20240501123000 level=info msg=up').answer).toBe("cannot read time '20240501123000'");
    expect(logfmt('ts=20240501 level=info msg=up').answer).toBe("cannot read time '20240501'");
  });
});
