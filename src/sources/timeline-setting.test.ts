import { describe, expect, it } from 'vitest';
import { dayStatement, documentBaseDate, zoneStatement } from './timeline-setting.js';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, number: i + 1 }));

describe('the day a document is about', () => {
  it('reads a metadata header written without fences (Pelican, MultiMarkdown) as front matter', () => {
    // apache/infrastructure-website (Apache-2.0)
    const doc = lines(
      "\nlayout: post\ntitle: Mail outage\ndate: '2014-05-07T14:48:16+00:00'\npermalink: mail_outage\n\n<p>During the afternoon …</p>",
    );
    expect(documentBaseDate('mail_outage.md', doc)).toEqual({
      date: '2014-05-07',
      from: 'front matter',
      line: 4,
    });
    // Two "key: value" lines naming no title, date or layout are text, not a header.
    const fields = lines('Severity: high\nOwner: ops\n\nOn 2021-03-02 the API failed.');
    expect(documentBaseDate('x.md', fields)).toEqual({ date: '2021-03-02', from: 'text', line: 4 });
  });

  it('takes the date in a front matter title before the file name’s publication day', () => {
    const doc = lines('---\nlayout: post\ntitle: "Update on the October 15, 2018 incident"\n---\n\nText.');
    expect(documentBaseDate('2018-10-19-update.md', doc)).toEqual({
      date: '2018-10-15',
      from: 'title',
      line: 3,
    });
  });

  it('takes a sentence stating the day of all the times before the title and the file name', () => {
    const doc = lines(
      '# Outage of 2019-10-24\n\nUnless otherwise noted all events happened on 2019-10-21, in UTC.',
    );
    expect(documentBaseDate('2019-10-24-outage.md', doc)).toEqual({
      date: '2019-10-21',
      from: 'statement',
      line: 3,
    });
  });

  it('takes a title or lead naming a day in the fortnight before the front matter’s publication date', () => {
    const titled = lines(
      '---\ndate: 2025/11/20\ntitle: "Incident Report for Nov 18, 2025"\n---\n\n- **11:33** — alerts',
    );
    expect(documentBaseDate('x.md', titled)).toEqual({ date: '2025-11-18', from: 'title', line: 3 });
    const led = lines(
      '---\ndate: 2025-11-20\ntitle: Outage report\n---\n\nOn November 18th the API was down.\n\n- 11:33 alerts',
    );
    expect(documentBaseDate('x.md', led)).toEqual({ date: '2025-11-18', from: 'text', line: 6 });
  });

  it('keeps the front matter date when the title’s day is not in the fortnight before it', () => {
    const after = lines('---\ndate: 2021-03-02\ntitle: Maintenance of 9 March 2021\n---');
    expect(documentBaseDate('x.md', after)?.from).toBe('front matter');
    const long = lines('---\ndate: 2021-03-02\ntitle: Follow-up to the 1 January 2021 outage\n---');
    expect(documentBaseDate('x.md', long)).toEqual({ date: '2021-03-02', from: 'front matter', line: 2 });
    // A day named only after the first timed line is not the lead's.
    const later = lines('---\ndate: 2021-03-02\n---\n\n- 10:00 deploy\n- 10:05 as on March 1st, errors');
    expect(documentBaseDate('x.md', later)?.from).toBe('front matter');
  });

  it('takes the first full date of the story, not a front matter key about the file', () => {
    const doc = lines(
      '---\ntitle: Storage outage\nsource_fetched_at: 2026-05-04T19:51:05Z\n---\n\nOn 14 June 2012 the storage nodes lost power.',
    );
    expect(documentBaseDate('x.md', doc)).toEqual({ date: '2012-06-14', from: 'text', line: 6 });
    expect(documentBaseDate('x.md', lines('---\nfetched: 2026-05-04\n---\n\nNo day here.'))).toBeNull();
    // However long the front matter is.
    const keys = Array.from({ length: 70 }, (_, i) => `key${i}: 2026-05-04`).join('\n');
    expect(documentBaseDate('x.md', lines(`---\n${keys}\n---\n\nOn 14 June 2012 it failed.`))).toEqual({
      date: '2012-06-14',
      from: 'text',
      line: 74,
    });
  });
});

describe('the day a lead tells of', () => {
  it('takes a day the lead writes with its month, in the fortnight before the file name’s day', () => {
    const doc = lines(
      '# Proxy death\n\nOn the evening of Feb 23, students saw errors.\n\n### 21:10\nThe pod died.',
    );
    expect(documentBaseDate('2017-02-24-proxy-death.md', doc)).toEqual({
      date: '2017-02-23',
      from: 'text',
      line: 3,
    });
  });

  it('keeps the file name’s day when the lead’s day is after it, long before it, or written after a timed line', () => {
    const after = lines('On March 3 we will review this.');
    expect(documentBaseDate('2017-02-24-x.md', after)?.from).toBe('file name');
    const long = lines('A bug shipped on Jan 2, 2017.');
    expect(documentBaseDate('2017-02-24-x.md', long)?.from).toBe('file name');
    const late = lines('- 10:00 deploy\n- On Feb 20 the fix was planned');
    expect(documentBaseDate('2017-02-24-x.md', late)?.from).toBe('file name');
  });
});

describe('a sentence stating the day of the times', () => {
  it('is a sentence about events or times that carries a full date', () => {
    expect(dayStatement({ text: 'All times below are from 3 May 2022, CEST.', number: 1 })).toBe(
      '2022-05-03',
    );
    expect(dayStatement({ text: 'The events took place on September 29, 2025.', number: 1 })).toBe(
      '2025-09-29',
    );
  });

  it('is not a timeline entry, a sentence without a date, nor a date without times or events', () => {
    expect(dayStatement({ text: '- 2019-10-20 00:55: events on the queue piled up', number: 1 })).toBeNull();
    expect(dayStatement({ text: 'All times are in UTC.', number: 1 })).toBeNull();
    expect(dayStatement({ text: 'On 2021-06-09 the CNI was replaced.', number: 1 })).toBeNull();
  });
});

describe('a zone stated for the times', () => {
  const zoneOf = (text: string) => {
    const s = zoneStatement({ text, number: 1 });
    return s ? (s.words.iana ?? s.words.abbreviation) : null;
  };

  it('is read from a column name in a table header', () => {
    expect(zoneOf('| When (JST) | Event |')).toBe('JST');
    expect(zoneOf('| Step | Hora (UTC) | What |')).toBe('UTC');
    expect(zoneOf('All times in CEST')).toBe('CEST');
  });

  it('is read from a line that is only a zone in brackets, under the timeline heading', () => {
    expect(zoneStatement({ text: '(UTC+1)', number: 1 })?.words.offset).toBe(60);
    expect(zoneStatement({ text: '(Paris, UTC+1)', number: 1 })?.words.offset).toBe(60);
    expect(zoneOf('_(all times PST)_')).toBe('PST');
    expect(zoneOf('(see the notes below)')).toBeNull();
    expect(zoneOf(`(${'UTC '.repeat(30_000)})`)).toBeNull();
  });

  it('is not read from a row that is an entry or a cell that says more than a name', () => {
    expect(zoneOf('| 06-24 11:13 (JST) | Journal cuts off |')).toBeNull();
    expect(zoneOf('| Impact | Users on the east coast were logged out (EST mornings) |')).toBeNull();
    expect(zoneOf('| When | Event |')).toBeNull();
  });
});
