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

  it("reads Redis's day-first stamp after its pid and role, leaving end after the level mark", () => {
    const reader = timestampReader({ zone: 'UTC' });
    expect(reader.read('1:M 25 Apr 2024 05:32:35.019 * monotonic clock: POSIX clock_gettime')).toBe(
      utc('2024-04-25T05:32:35.019Z'),
    );
    expect(reader.end).toBe(30);
    expect(reader.read('12345:C 01 Jan 2025 00:00:01.500 # Warning: x')).toBe(
      utc('2025-01-01T00:00:01.500Z'),
    );
    expect(reader.end).toBe(34);
    expect(read('1:signal-handler (1714024483) Received SIGTERM scheduling shutdown...')).toBeNaN();
    expect(read('1:Q 25 Apr 2024 05:32:35.019 * x')).toBeNaN();
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(read('1428634687123 Hello')).toBe(1428634687123);
    expect(read('1428634687.5 Hello')).toBe(1428634687500);
  });

  it('gives NaN for lines without a leading stamp and for impossible dates', () => {
    expect(read('at com.example.Foo(Foo.java:12)')).toBeNaN();
    expect(read('2026-13-10 14:04:05 x')).toBeNaN();
    expect(read('12:04 deploy started')).toBeNaN();
    expect(read('081309 203615 148 INFO x')).toBeNaN();
    expect(read('Caused by: java.io.IOException: 2024-05-01 00:00:00 x')).toBeNaN();
    expect(read('- 2021-06-22 08:21:00 deploy started')).toBeNaN();
    expect(read('- 1117838570 R02-M1-N0 x')).toBeNaN();
    expect(read('42 is the answer')).toBeNaN();
  });

  it('reads HDFS `yyMMdd HHmmss` and Spark `yy/MM/dd HH:mm:ss` in the zone given', () => {
    expect(read('081109 203615 148 INFO dfs.DataNode: x')).toBe(utc('2008-11-09T20:36:15Z'));
    expect(read('17/06/09 20:10:40 INFO spark.SecurityManager: x', { zone: 'Europe/Paris' })).toBe(
      utc('2017-06-09T18:10:40Z'),
    );
  });

  it('reads stamps without a year (Android `MM-dd`, Proxifier `[MM.dd …]`) in the year of the date', () => {
    const reader = timestampReader({ date: '2017-05-01' });
    expect(reader.read('03-17 16:13:38.811  1702  2395 D WindowManager: x')).toBe(
      utc('2017-03-17T16:13:38.811Z'),
    );
    expect(reader.end).toBe(18);
    expect(reader.read('[10.30 16:49:06] chrome.exe - x')).toBe(utc('2017-10-30T16:49:06Z'));
    expect(reader.end).toBe(15);
  });

  it("reads glog/klog headers: the level letter, month and day (or newer glog's year too), then the time", () => {
    const reader = timestampReader({ date: '2024-03-01' });
    expect(reader.read('E0305 10:01:02.123456       1 leaderelection.go:332] error retrieving lock')).toBe(
      utc('2024-03-05T10:01:02.123Z'),
    );
    expect(reader.end).toBe(21);
    expect(reader.read('I20240305 10:01:02.500000  4711 main.cc:12] started')).toBe(
      utc('2024-03-05T10:01:02.5Z'),
    );
    // Not a level letter, or not four or eight digits: not glog.
    expect(reader.read('X0305 10:01:02.123456 1 a.go:1] x')).toBeNaN();
    expect(reader.read('E030 10:01:02.123456 1 a.go:1] x')).toBeNaN();
    expect(reader.read('E1305 10:01:02.123456 1 a.go:1] x')).toBeNaN();
  });

  it('reads `yyyyMMdd-H:m:s:SSS` with unpadded fields, the last one milliseconds', () => {
    expect(read('20171223-22:15:29:606|Step_LSC|30002312|x')).toBe(utc('2017-12-23T22:15:29.606Z'));
    expect(read('20171223-22:53:7:6|Step_LSC|30002312|x')).toBe(utc('2017-12-23T22:53:07.006Z'));
  });

  it('reads a stamp after one leading word (a file name)', () => {
    const reader = timestampReader();
    const line = 'nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute x';
    expect(reader.read(line)).toBe(utc('2017-05-16T00:00:00.008Z'));
    expect(line.slice(reader.end)).toBe(' 25746 INFO nova.osapi_compute x');
  });

  it('reads epoch seconds after a label and before a `yyyy.MM.dd` date, passing over the header', () => {
    const reader = timestampReader();
    const bgl =
      '- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO x';
    expect(reader.read(bgl)).toBe(utc('2005-06-03T22:42:50Z'));
    expect(bgl.slice(reader.end)).toBe(' RAS KERNEL INFO x');
    const thunderbird = '- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond[2916]: x';
    expect(reader.read(thunderbird)).toBe(utc('2005-11-09T20:01:01Z'));
    expect(thunderbird.slice(reader.end)).toBe(' dn228/dn228 crond[2916]: x');
    expect(reader.read('KERNDTLB 1118064296 2005.06.06 R23-M0-NE-C:J05-U01 x')).toBe(
      utc('2005-06-06T13:24:56Z'),
    );
  });

  it('reads epoch seconds after a numeric id and a few fields, and the flag after them', () => {
    const reader = timestampReader();
    const line = '134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change: x';
    expect(reader.read(line)).toBe(utc('2004-02-26T14:12:22Z'));
    expect(line.slice(reader.end)).toBe(' Component State Change: x');
  });

  it("reads the stamp after syslog's <PRI>: RFC 5424 after VERSION, RFC 3164, or ISO alone", () => {
    const reader = timestampReader({ date: '2017-05-01' });
    const rfc5424 = '<132>1 2026-02-10T10:02:00.000Z gw-pool-02 api-gateway 3094 - - Heap usage above 80%';
    expect(reader.read(rfc5424)).toBe(utc('2026-02-10T10:02:00Z'));
    expect(reader.end).toBe(31);
    expect(reader.seconds).toBe(true);
    expect(reader.read('<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - x')).toBe(
      utc('2003-08-24T12:14:15Z'),
    );
    expect(reader.read("<34>Oct 11 22:14:15 mymachine su: 'su root' failed")).toBe(
      utc('2017-10-11T22:14:15Z'),
    );
    expect(reader.end).toBe(19);
    expect(reader.read('<7>2026-02-10T10:02:00Z host app: x')).toBe(utc('2026-02-10T10:02:00Z'));
    expect(reader.read('<34>1 - mymachine su - ID47 - [10/Oct/2000:13:55:36 -0700] x')).toBeNaN();
    expect(reader.read('<html>[10/Oct/2000:13:55:36 -0700] x')).toBe(utc('2000-10-10T20:55:36Z'));
  });

  it('tells whether the stamp had seconds', () => {
    const reader = timestampReader();
    reader.read('2024-05-01 14:04 deploy');
    expect(reader.seconds).toBe(false);
    reader.read('2024-05-01 14:04:05 deploy');
    expect(reader.seconds).toBe(true);
    reader.read('081109 203615 148 INFO x');
    expect(reader.seconds).toBe(true);
  });

  it('leaves end just after the stamp', () => {
    const reader = timestampReader();
    reader.read('2024-05-01 00:00:00,003 INFO up');
    expect(reader.end).toBe(23);
  });
});
