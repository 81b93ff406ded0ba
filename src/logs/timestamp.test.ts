import { describe, expect, it } from 'vitest';
import { timestampReader } from './timestamp.js';

const utc = (iso: string) => Date.parse(iso);

describe('timestampReader', () => {
  const read = (line: string, options = {}) => timestampReader(options).read(line);

  it('reads ISO 8601 with an offset, Z, or none (then the zone given)', () => {
    expect(read('2026-02-10T14:04:05.123+01:00 boom')).toBe(utc('2026-02-10T13:04:05.123Z'));
    expect(read('2026-02-10T14:04:05Z boom')).toBe(utc('2026-02-10T14:04:05Z'));
    expect(read('2026-02-10T14:04:05-0800 boom')).toBe(utc('2026-02-10T22:04:05Z'));
    expect(read('2026-02-10 14:04:05 boom', { zone: 'America/Los_Angeles' })).toBe(
      utc('2026-02-10T22:04:05Z'),
    );
  });

  it('reads Java and Python logging defaults with a comma before the milliseconds', () => {
    expect(read('2024-05-01 00:00:00,003 INFO up')).toBe(utc('2024-05-01T00:00:00.003Z'));
    expect(read('2025-01-24T07:00:30,139 INFO [main] x')).toBe(utc('2025-01-24T07:00:30.139Z'));
  });

  it('honours summer time in the zone for naive stamps', () => {
    expect(read('2026-07-10 14:04:05 x', { zone: 'America/Los_Angeles' })).toBe(utc('2026-07-10T21:04:05Z'));
  });

  it('reads syslog stamps, taking the year from the manifest date', () => {
    expect(read('Mar  4 14:04:05 host app[1]: x', { date: '2025-03-04' })).toBe(utc('2025-03-04T14:04:05Z'));
    expect(read('Nov 13 09:23:38 veridian x', { date: '2025-03-04' })).toBe(utc('2025-11-13T09:23:38Z'));
  });

  it('reads Apache/nginx access stamps after the client address, and nginx error dates with slashes', () => {
    const reader = timestampReader();
    expect(reader.read('192.168.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326')).toBe(
      utc('2000-10-10T20:55:36Z'),
    );
    expect(reader.end).toBe(43);
    expect(read('2016/10/25 14:49:34 [error] 54053#0: x')).toBe(utc('2016-10-25T14:49:34Z'));
  });

  it('reads ctime stamps of Apache error logs, fraction or not, leaving end after the year', () => {
    const reader = timestampReader({ zone: 'UTC' });
    expect(reader.read('[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok')).toBe(
      utc('2005-12-04T04:47:44Z'),
    );
    expect(reader.end).toBe(25);
    expect(read('[Wed Oct 11 14:32:52.123456 2000] [core:error] x')).toBe(utc('2000-10-11T14:32:52.123Z'));
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(read('1428634687123 Hello')).toBe(1428634687123);
    expect(read('1428634687.5 Hello')).toBe(1428634687500);
  });

  it('gives NaN for lines without a leading stamp and for impossible dates', () => {
    expect(read('at com.example.Foo(Foo.java:12)')).toBeNaN();
    expect(read('2026-13-10 14:04:05 x')).toBeNaN();
    expect(read('12:04 deploy started')).toBeNaN();
    expect(read('081109 203615 148 INFO x')).toBeNaN();
  });

  it('leaves end just after the stamp', () => {
    const reader = timestampReader();
    reader.read('2024-05-01 00:00:00,003 INFO up');
    expect(reader.end).toBe(23);
  });
});
