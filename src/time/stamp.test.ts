import { describe, expect, it } from 'vitest';
import { readStamp } from './stamp.js';

const read = (text: string) => readStamp(text);

describe('readStamp', () => {
  it('reads "At around 09:11 UTC", "At about 07:45" as an approximate time, as "At approximately" is', () => {
    // apache/infrastructure-website (Apache-2.0)
    expect(read('At around 09:11 UTC the primary mailing list server broke')).toMatchObject({
      clock: { hour: 9, minute: 11 },
      approximate: true,
      rest: 'the primary mailing list server broke',
    });
    expect(read('At about 07:45 UTC we noticed rogue processes')).toMatchObject({
      clock: { hour: 7, minute: 45 },
      approximate: true,
    });
    expect(read('At the 07:45 standup')).toBeNull();
  });

  it('reads a day told after the time and closed by a comma', () => {
    expect(read('09:11 UTC on Tuesday, July 12th 2022, the primary server broke.')).toMatchObject({
      day: { year: 2022, month: 7, day: 12 },
      clock: { hour: 9, minute: 11 },
      rest: 'the primary server broke.',
    });
  });

  it('reads a time written with a dot before a colon or AM/PM, not a version', () => {
    // govau/cloud.gov.au (MIT): "10.42: the … application became unavailable".
    expect(read('10.42: the application became unavailable')).toMatchObject({
      clock: { hour: 10, minute: 42 },
      rest: 'the application became unavailable',
    });
    expect(read('10.42am the platform auto-healed')).toMatchObject({ clock: { hour: 10, minute: 42 } });
    expect(read('3.05 pm: paged')).toMatchObject({ clock: { hour: 15, minute: 5 } });
    expect(read('1.12 release shipped')).toBeNull();
    // A two-digit hour before a dash between spaces, as a list of "HH.MM – …" items writes it.
    expect(read('23.27 – Engineer starts removing the data directory')).toMatchObject({
      clock: { hour: 23, minute: 27 },
      rest: 'Engineer starts removing the data directory',
    });
    expect(read('1.12 – release notes')).toBeNull();
    expect(read('23.27-rc1 tagged')).toBeNull();
    expect(read('2.5: a section number')).toBeNull();
    expect(read('10.75: no such minute')).toBeNull();
  });

  it('reads a time written with an "h" between hour and minutes, not a duration', () => {
    // eqlabs/pathfinder (MIT OR Apache-2.0): "17 June 2023, 18h05 UTC"; the French and Portuguese way.
    expect(read('14h05 alert fires')).toMatchObject({ clock: { hour: 14, minute: 5 }, rest: 'alert fires' });
    expect(read('2023-06-17 18h05 UTC nodes stop syncing')).toMatchObject({
      day: { year: 2023, month: 6, day: 17 },
      clock: { hour: 18, minute: 5 },
      zone: { abbreviation: 'UTC' },
    });
    expect(read('2h later the alert fired')).toBeNull();
    expect(read('24h05 is no time')).toBeNull();
    expect(read('14h05m of downtime')).toBeNull();
  });

  it('reads a time marked as on the next day', () => {
    expect(read('10:14 a.m. (next day) Database restored')).toMatchObject({
      clock: { hour: 10, minute: 14 },
      nextDay: true,
      rest: 'Database restored',
    });
    expect(read('02:10 UTC (+1 day) - backups verified')).toMatchObject({
      nextDay: true,
      rest: 'backups verified',
    });
    expect(read('02:10 +1d backups verified')).toMatchObject({ nextDay: true });
    expect(read('02:10 (next deploy) x')).not.toHaveProperty('nextDay');
    expect(read('2017-02-01 02:10 (next day) x')).not.toHaveProperty('nextDay');
  });

  it('reads a dotted two-digit time right after a day, not a version there', () => {
    // ministryofjustice/cloud-platform (MIT): one line of a "2023-09-18 HH:MM" list written with a dot.
    expect(read('2023-09-18 15.26 Compared the disk size allocated in old node and new node')).toMatchObject({
      day: { year: 2023, month: 9, day: 18 },
      clock: { hour: 15, minute: 26 },
      rest: 'Compared the disk size allocated in old node and new node',
    });
    expect(read('2023-09-18 1.12 release shipped')).toMatchObject({
      clock: null,
      rest: '1.12 release shipped',
    });
    expect(read('2023-09-18 15.26.1 released')).toMatchObject({ clock: null, rest: '15.26.1 released' });
  });

  it('reads the times real timelines start with', () => {
    expect(read('14:05')).toMatchObject({ clock: { hour: 14, minute: 5 }, day: null, rest: '' });
    expect(read('09:15:04 UTC an edit')).toMatchObject({
      clock: { hour: 9, minute: 15, second: 4 },
      zone: { abbreviation: 'UTC' },
      rest: 'an edit',
    });
    expect(read('7:32 PM - The chain')).toMatchObject({ clock: { hour: 19, minute: 32 }, rest: 'The chain' });
    expect(read('12:15 AM — x')).toMatchObject({ clock: { hour: 0, minute: 15 }, rest: 'x' });
    expect(read('13:06 PM: The impersonator')).toMatchObject({ clock: { hour: 13, minute: 6 } });
  });

  it('reads days before or after the time', () => {
    expect(read('June 14th, 2022, 10:00 AM: As part')).toMatchObject({
      day: { year: 2022, month: 6, day: 14 },
      clock: { hour: 10, minute: 0 },
      rest: 'As part',
    });
    expect(read('Jan 14, 10:18 AM')).toMatchObject({ day: { year: null, month: 1, day: 14 } });
    expect(read('02-13-2025 11:00 pm - Mempool')).toMatchObject({
      day: { year: 2025, month: 2, day: 13 },
      clock: { hour: 23 },
    });
    expect(read('12:45 PM PST Saturday Oct 30th: First wave')).toMatchObject({
      day: { month: 10, day: 30 },
      zone: { abbreviation: 'PST' },
      rest: 'First wave',
    });
    expect(read('22:30 UTC (Oct 29) - Incident reported')).toMatchObject({
      day: { month: 10, day: 29 },
      rest: 'Incident reported',
    });
    // A month and day of digits in brackets of their own after the time; bare, they may be a ratio.
    expect(read('00:20 (08-04) tailscaled dies')).toMatchObject({
      day: { year: null, month: 8, day: 4 },
      clock: { hour: 0, minute: 20 },
      rest: 'tailscaled dies',
    });
    expect(read('00:20 08-04 tailscaled dies')).toMatchObject({ day: null });
    // A day of the month alone before a time, where the section states its month (`all 2026-09`).
    const september = { month: { year: 2026, month: 9 } };
    expect(readStamp('21 22:40:33', september)).toMatchObject({
      day: { year: 2026, month: 9, day: 21 },
      clock: { hour: 22, minute: 40, second: 33 },
    });
    expect(readStamp('22 00:40:13 – 00:41:32', september)).toMatchObject({
      day: { day: 22 },
      approximate: true,
    });
    expect(readStamp('31 10:00', september)).toBeNull(); // no 31 September
    expect(readStamp('21 22:36')).toBeNull(); // no month stated: not a day
    expect(readStamp('21 errors at 22:36', september)).toBeNull();
    expect(read('00:20 (08-04 build) tailscaled dies')).toMatchObject({ day: null });
  });

  it('reads a four-digit time only right after a day or before its zone, and a yearless month-day only before a time', () => {
    expect(read('2022-02-02 1625: smartcontracts receives an e-mail')).toMatchObject({
      day: { year: 2022, month: 2, day: 2 },
      clock: { hour: 16, minute: 25 },
      separated: true,
      rest: 'smartcontracts receives an e-mail',
    });
    expect(read('2022-02-02 2561: x')).toMatchObject({ clock: null });
    expect(read('1625: x')).toBeNull();
    expect(read('2019: the year we moved')).toBeNull();
    // A document that writes its times so (Financial-Times/origami-image-service, MIT): `1738: …`.
    expect(readStamp('~1940: a plan was agreed', { fourDigit: true })).toMatchObject({
      clock: { hour: 19, minute: 40 },
      approximate: true,
      rest: 'a plan was agreed',
    });
    expect(readStamp('1500 requests failed', { fourDigit: true })).toBeNull();
    expect(read('1625 UTC - smartcontracts receives an e-mail')).toMatchObject({
      clock: { hour: 16, minute: 25 },
      zone: { abbreviation: 'UTC' },
      rest: 'smartcontracts receives an e-mail',
    });
    expect(read('0930Z pager fired')).toMatchObject({ clock: { hour: 9, minute: 30 }, rest: 'pager fired' });
    expect(read('2022-02-02 1500 requests failed')).toMatchObject({ clock: null });
    expect(read('2022-02-02 0457 UTC - Alchemy upgrades')).toMatchObject({ clock: { hour: 4, minute: 57 } });
    expect(read('12-05 16:21 Crashloop bug is introduced')).toMatchObject({
      day: { year: null, month: 12, day: 5 },
      clock: { hour: 16, minute: 21 },
      rest: 'Crashloop bug is introduced',
    });
    expect(read('12-05 of the runs failed')).toBeNull();
  });

  it('reads an IANA name after a time, the old links named by a country\'s letters too ("US/Pacific")', () => {
    expect(read('11:45 US/Pacific - x')).toMatchObject({ zone: { iana: 'US/Pacific' }, rest: 'x' });
    expect(read('11:45 America/Los_Angeles - x')).toMatchObject({ zone: { iana: 'America/Los_Angeles' } });
    // Letters around a slash that name no zone are the text.
    expect(read('11:45 CI/CD pipeline ran')).toMatchObject({ zone: {}, rest: 'CI/CD pipeline ran' });
  });
  it('reads the times of a table kept with their skew ("±5m", "±?"), tens of minutes ("~16:0xz"), a lower-case z and an arrow range', () => {
    // chezmoidotsh/arcane 2026-05-25; chipi/podcast_scraper INCIDENT-2026-08-05
    expect(read('±5m 2026-05-25T18:37')).toMatchObject({
      day: { year: 2026, month: 5, day: 25 },
      clock: { hour: 18, minute: 37 },
      approximate: true,
    });
    expect(read('±? 2026-05-25T18:30')).toMatchObject({ clock: { hour: 18, minute: 30 }, approximate: true });
    expect(read('~16:0xz')).toMatchObject({
      clock: { hour: 16, minute: 0 },
      approximate: true,
      zone: { abbreviation: 'UTC' },
    });
    expect(read('~16:2xz')).toMatchObject({ clock: { hour: 16, minute: 20 } });
    expect(read('~16:00z')).toMatchObject({ clock: { hour: 16, minute: 0 }, zone: { abbreviation: 'UTC' } });
    expect(read('16:27→16:30z')).toMatchObject({
      clock: { hour: 16, minute: 27 },
      approximate: true,
      zone: { abbreviation: 'UTC' },
    });
    // A word after the time, a tens digit that cannot be one, are not read as these.
    expect(read('16:00 zone B failed')).toMatchObject({ zone: {}, rest: 'zone B failed' });
    expect(read('16:7x')).toBeNull();
  });
  it('reads a span of days as its first day, approximate ("2026-06-10 → 06-12", letsrevel/revel-backend)', () => {
    expect(read('2026-06-10 → 06-12 — Zero successful logins')).toMatchObject({
      day: { year: 2026, month: 6, day: 10 },
      clock: null,
      approximate: true,
      rest: 'Zero successful logins',
    });
    expect(read('2026-06-10 to 2026-06-12: rollout')).toMatchObject({ day: { day: 10 }, approximate: true });
    // A day and a time stay as they were; a count after the day is no span.
    expect(read('2026-06-10 14:00 - x')).toMatchObject({ clock: { hour: 14 }, approximate: false });
  });
  it('reads a city after a time as its zone ("16:37 Denver - …", jenkins-infra/documentation), not a word or a speaker', () => {
    expect(read('16:37 Denver - Mark Waite updated plugins')).toMatchObject({
      zone: { iana: 'America/Denver' },
      rest: 'Mark Waite updated plugins',
    });
    expect(read('09:10 New York – markets open')).toMatchObject({ zone: { iana: 'America/New_York' } });
    // A name that is no zone's city, a speaker before a colon, a city that goes on as a sentence.
    expect(read('16:37 Deploy - started')).toMatchObject({ zone: {} });
    expect(read('10:02 Casey: looking at it')).toMatchObject({ zone: {} });
    expect(read('10:02 London office reports errors')).toMatchObject({ zone: {} });
  });
  it('reads the short 12-hour form, one letter after the minutes ("11:21a", "12:28p")', () => {
    expect(read('2019-02-25 11:21a')).toMatchObject({ day: { day: 25 }, clock: { hour: 11, minute: 21 } });
    expect(read('12:28p')).toMatchObject({ clock: { hour: 12, minute: 28 } });
    expect(read('1:05p the hub is back')).toMatchObject({
      clock: { hour: 13, minute: 5 },
      rest: 'the hub is back',
    });
    expect(read('12:05a')).toMatchObject({ clock: { hour: 0, minute: 5 } });
    // A word that starts with the letter is no meridiem, nor is a letter after an hour alone.
    expect(read('10:00 a deploy')).toMatchObject({ clock: { hour: 10 }, rest: 'a deploy' });
    expect(read('10:00 pods restart')).toMatchObject({ clock: { hour: 10 } });
    expect(read('5a is the rack')).toBeNull();
  });

  it('marks approximate times and ranges, keeping the start', () => {
    expect(read('~13:30-13:45 UTC – errors rise')).toMatchObject({
      clock: { hour: 13, minute: 30 },
      approximate: true,
      zone: { abbreviation: 'UTC' },
      rest: 'errors rise',
    });
    expect(read('ca. 11:20 deploy')).toMatchObject({ approximate: true, clock: { hour: 11, minute: 20 } });
    expect(read('around 9pm the thing')).toMatchObject({ approximate: true, clock: { hour: 21 } });
    expect(read('2024-03-13 14:?? scaled down')).toMatchObject({
      approximate: true,
      clock: { hour: 14, minute: 0 },
    });
    // proompteng/lab's saigak report: `| ~2026-02-17 06:xxZ | … |`, the zone written right after.
    expect(read('~2026-02-17 06:xxZ restarted')).toMatchObject({
      approximate: true,
      clock: { hour: 6, minute: 0 },
      zone: { abbreviation: 'UTC' },
      rest: 'restarted',
    });
    expect(read('2026-02-17 06:xxZone moved')).not.toMatchObject({ clock: { hour: 6 } });
    // The span the written time covers: the hour, or ten minutes when their tens are written.
    expect(read('2023-04-04 09:XX UTC: the migration is killed')).toMatchObject({ spanMinutes: 60 });
    expect(read('16:1x pods restarted')).toMatchObject({ spanMinutes: 10 });
    expect(read('16:12 pods restarted')).not.toHaveProperty('spanMinutes');
  });

  it('reads a zone written as an offset after the time', () => {
    expect(read('14:00 PST (UTC-7) x')).toMatchObject({ zone: { abbreviation: 'PST', offset: -420 } });
    expect(read('2026-02-10T09:58:00+01:00')).toMatchObject({ zone: { offset: 60 } });
    // After a space, as `date` and `git log` print it; with a colon only after a day.
    expect(read('2017-01-31 23:00 +0100 Replication lag alert')).toMatchObject({
      clock: { hour: 23, minute: 0 },
      zone: { offset: 60 },
      rest: 'Replication lag alert',
    });
    expect(read('23:00:00 -0700 deploy starts')).toMatchObject({ zone: { offset: -420 } });
    expect(read('2017-01-31 23:00 +01:00 x')).toMatchObject({ zone: { offset: 60 } });
    expect(read('23:00 -01:00 x')).not.toMatchObject({ zone: { offset: -60 } });
    expect(read('23:00 +15 requests')).toMatchObject({ zone: {}, rest: '+15 requests' });
    expect(read('14:05Z deploy')).toMatchObject({ zone: { abbreviation: 'UTC' }, rest: 'deploy' });
  });

  it('reads the same time restated in brackets in another zone, and a region named after the time', () => {
    expect(read('13:14 EDT (17:14 UTC): A user emails')).toMatchObject({
      clock: { hour: 13, minute: 14 },
      zone: { abbreviation: 'EDT' },
      restated: { clock: { hour: 17, minute: 14 }, zone: { abbreviation: 'UTC' } },
      rest: 'A user emails',
    });
    expect(read('13:14 (see below) x')).toMatchObject({ rest: '(see below) x' });
    expect(read('13:14 (17:14) x')).toMatchObject({ rest: '(17:14) x' });
    expect(read('2024-06-28 7:09 AM Eastern: x')).toMatchObject({ zone: { abbreviation: 'ET' }, rest: 'x' });
    expect(read('9:00 Central European Summer Time x')).toMatchObject({ zone: { abbreviation: 'CEST' } });
    expect(read('9:00 Pacific Standard Time x')).toMatchObject({ zone: { abbreviation: 'PST' } });
  });

  it('lets a comma end a time only when the caller reads a list item', () => {
    expect(readStamp('14:33, admin@pypi.org receives', { comma: true })).toMatchObject({
      clock: { hour: 14, minute: 33 },
      rest: 'admin@pypi.org receives',
    });
    expect(readStamp('14:33,admin', { comma: true })).toBeNull();
    expect(read('14:33, admin@pypi.org receives')).toBeNull();
  });

  it('says a stamp it cannot read is broken instead of guessing, and a day with an unfilled time is only a day', () => {
    expect(read('20202-01-16 12:00 | x')).toEqual({ broken: '20202-01-16 12:00' });
    expect(read('2019-12-03 --:--')).toMatchObject({ clock: null, timeUnknown: '--:--', approximate: true });
    expect(read('2022-05-?? HH:mm')).toEqual({ broken: '2022-05-?? HH:mm' });
    expect(read('HH:mm something')).toEqual({ broken: 'HH:mm' });
    expect(read('2023-MM-DD[^1]: x')).toEqual({ broken: '2023-MM-DD' });
    expect(read('2023-XX-XX: x')).toEqual({ broken: '2023-XX-XX' });
    // jupyterhub/mybinder.org-deploy 2018-02-20: "### 2X:XX (not sure exact time)": no hour to read.
    expect(read('2X:XX (not sure exact time)')).toEqual({ broken: '2X:XX' });
    expect(read('XX:XX x')).toEqual({ broken: 'XX:XX' });
    // optimism 2022-02-02: "2022-02-02 X: saurik messaged smartcontracts on Discord".
    expect(read('2022-02-02 X: saurik messaged smartcontracts')).toEqual({ broken: '2022-02-02 X' });
    expect(read('2022-02-02 X-ray scans resumed')).toMatchObject({
      clock: null,
      rest: 'X-ray scans resumed',
    });
  });

  it('leaves prose and CSV-like text alone', () => {
    expect(read('12:04, foo')).toBeNull();
    expect(read('1.5 million users')).toBeNull();
    expect(read('Thursday was calm')).toBeNull();
  });

  it('reads long hostile lines in linear time', () => {
    const hostile = [
      '1'.repeat(50_000),
      `${'1:'.repeat(25_000)}x`,
      `~${' '.repeat(50_000)}1`,
      `Jan ${'1 '.repeat(25_000)}`,
      `2022-02-02 ${'1'.repeat(50_000)}`,
      `2022-02-02 X${' '.repeat(50_000)}`,
      `${'1625 '.repeat(10_000)}UTC`,
      `${'12-05 '.repeat(10_000)}1`,
      `12:00 ${'( '.repeat(25_000)}`,
      `12:00 Eastern${' '.repeat(50_000)}x`,
      `12:00 Denver${' Denver'.repeat(10_000)}x`,
      `2026-06-10${' →'.repeat(20_000)} 06-12`,
      `12:00 (12:00 ${' '.repeat(50_000)}`,
    ];
    const started = performance.now();
    for (const text of hostile) read(text);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('a part of the day before the day', () => {
  it('reads "Early morning July 12th, 2018:" as the day, approximate, with no time of day', () => {
    expect(read('Early morning July 12th, 2018: The attacker generated a token')).toMatchObject({
      day: { year: 2018, month: 7, day: 12 },
      clock: null,
      approximate: true,
      separated: true,
      rest: 'The attacker generated a token',
    });
    expect(read('Evening of 2019-03-05 - the queue grew')).toMatchObject({
      day: { year: 2019, month: 3, day: 5 },
      approximate: true,
    });
  });

  it('reads no stamp where no day follows the part of the day', () => {
    expect(read('Early morning the attacker generated a token')).toBeNull();
    expect(read('Morning standup: the team met')).toBeNull();
  });
});

describe('a whole cell of a time column', () => {
  it("reads a month and day alone as the row's day, and a span of days as its first, approximate", () => {
    expect(readStamp('06-06', { cell: true })).toMatchObject({ day: { month: 6, day: 6 }, clock: null });
    expect(readStamp('05-12 → 13', { cell: true })).toMatchObject({
      day: { month: 5, day: 12 },
      approximate: true,
    });
    expect(readStamp('06-24 → 06-25 ', { cell: true })).toMatchObject({ day: { month: 6, day: 24 } });
  });

  it('does not read a month and day alone outside a cell, or with more text in the cell', () => {
    expect(readStamp('06-06')).toBeNull();
    expect(readStamp('05-12 replicas of 3', { cell: true })).toBeNull();
  });
});
