// A story told in prose, read as the timeline it tells: each sentence naming a time of day is an
// entry at that time, dated and zoned as any timeline line is.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWith } from '../../test/support/read-with.js';
import { sentencesOf } from '../text/sentences.js';
import { markdownTimeline } from './markdown-timeline.js';
import {
  clausesOf,
  datedSentence,
  proseAsLines,
  tellsDaysInProse,
  tellsTimesInProse,
  timedSentence,
  withWindowEnds,
} from './prose-timeline.js';

const here = dirname(fileURLToPath(import.meta.url));
const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, number: i + 1 }));
function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hindsight-prose-')), name);
  writeFileSync(path, text);
  return path;
}
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('sentences of a paragraph', () => {
  it('end at a full stop before a capital, not after a single letter, "e.g." or a meridiem before its zone', () => {
    expect(
      sentencesOf(
        'At 9:16 p.m. PDT the API failed. Engineers (e.g. the on-call) were paged by the U.S. team at 9:20 p.m. The next day it was fine! Done.',
      ).map((s) => s.text),
    ).toEqual([
      'At 9:16 p.m. PDT the API failed.',
      'Engineers (e.g. the on-call) were paged by the U.S. team at 9:20 p.m.',
      'The next day it was fine!',
      'Done.',
    ]);
  });
});

describe('the clauses of a sentence', () => {
  it('start at the join before each time it names in turn', () => {
    expect(
      clausesOf('Network capacity began to return at 15:19 UTC, and full service was resumed by 16:10 UTC.'),
    ).toEqual([
      { text: 'Network capacity began to return at 15:19 UTC', at: 0 },
      { text: 'full service was resumed by 16:10 UTC.', at: 51 },
    ]);
  });
  it('keep a range, or a time with no join before it, in one clause', () => {
    const range = 'The API was down from 9:16 PM to 11:16 PM PDT, and nobody was paged.';
    expect(clausesOf(range)).toEqual([{ text: range, at: 0 }]);
    const after = 'Errors began at 10:55 a.m. PST after a deploy at 10:50 a.m. PST.';
    expect(clausesOf(after)).toEqual([{ text: after, at: 0 }]);
    const between =
      'Between 23:19 UTC on 07 February 2024 and 04:10 UTC on 08 February 2024, customers saw failures.';
    expect(clausesOf(between)).toEqual([{ text: between, at: 0 }]);
  });
  it('start at an "and" with no comma before a clause of its own', () => {
    expect(
      clausesOf('Our monitoring detected the failures at 23:24 UTC and engineers were engaged at 23:35 UTC.'),
    ).toEqual([
      { text: 'Our monitoring detected the failures at 23:24 UTC', at: 0 },
      { text: 'engineers were engaged at 23:35 UTC.', at: 54 },
    ]);
  });
  it('start after the subordinate clause a sentence opens with, at its comma', () => {
    expect(
      clausesOf(
        'While a scheduled deploy began at 9:09 AM PDT, the errors in checkout started at 2:45 PM PDT.',
      ),
    ).toEqual([
      { text: 'While a scheduled deploy began at 9:09 AM PDT', at: 0 },
      { text: 'the errors in checkout started at 2:45 PM PDT.', at: 47 },
    ]);
    // A main clause first keeps the sentence whole where nothing joins its times.
    const main = 'The errors started at 2:45 PM PDT, hours after a deploy at 9:09 AM PDT.';
    expect(clausesOf(main)).toEqual([{ text: main, at: 0 }]);
  });
  it('start at ", with" and ", which" when a time follows in the clause they open', () => {
    expect(
      clausesOf('The main impact was resolved by 14:30 UTC, with all services fully restored by 17:06 UTC.'),
    ).toEqual([
      { text: 'The main impact was resolved by 14:30 UTC', at: 0 },
      { text: 'all services fully restored by 17:06 UTC.', at: 48 },
    ]);
    const once = 'The provider raised the capacity, which resolved the network issue by 10:40 AM PST.';
    expect(clausesOf(once)).toEqual([{ text: once, at: 0 }]);
    expect(
      clausesOf(
        'The provider raised the capacity at 10:20 AM PST, which resolved the network issue by 10:40 AM PST.',
      ).map((c) => c.text),
    ).toEqual([
      'The provider raised the capacity at 10:20 AM PST',
      'resolved the network issue by 10:40 AM PST.',
    ]);
  });
});

describe('a sentence that names a time', () => {
  it('is led by its time, with the day and zone it gives, approximate where it says so', () => {
    expect(timedSentence('At 12:47 AM PDT on April 21st, a network change was performed.')).toBe(
      'April 21st 12:47 AM PDT - At 12:47 AM PDT on April 21st, a network change was performed.',
    );
    expect(timedSentence('The disruption began around 10:55 a.m. PST, with users seeing errors.')).toBe(
      '~10:55 a.m. PST - The disruption began around 10:55 a.m. PST, with users seeing errors.',
    );
    // A range writes its zone once, at its end.
    expect(timedSentence('The service was unavailable from 9:16 PM to 11:16 PM PDT for all calls.')).toBe(
      '9:16 PM PDT - The service was unavailable from 9:16 PM to 11:16 PM PDT for all calls.',
    );
    // An hour with its meridiem, and the four-digit clock of operations before UTC.
    expect(timedSentence('Around 9pm the first customers wrote to support about errors.')).toBe(
      '~9 pm - Around 9pm the first customers wrote to support about errors.',
    );
    expect(timedSentence('Maintenance between 1100 UTC and 1200 UTC led to a split cluster.')).toBe(
      '1100 UTC - Maintenance between 1100 UTC and 1200 UTC led to a split cluster.',
    );
    // An IANA name or a region after the time.
    expect(timedSentence('The incident began at 11:45 US/Pacific and impacted several services.')).toBe(
      '11:45 US/Pacific - The incident began at 11:45 US/Pacific and impacted several services.',
    );
    expect(timedSentence('Errors started at 9:02 Pacific Time for most users.')).toBe(
      '9:02 Pacific Time - Errors started at 9:02 Pacific Time for most users.',
    );
    // Capitals after a time that are no zone stay in the text only.
    expect(timedSentence('At 14:05 API errors rose on every region.')).toBe(
      '14:05 - At 14:05 API errors rose on every region.',
    );
  });
  it('is no entry when it names no time, or is a label rather than a sentence', () => {
    expect(timedSentence('The service was restored after the rollback.')).toBeNull();
    expect(timedSentence('Start: 14:05 UTC')).toBeNull();
    expect(timedSentence('Version 10.5.1 shipped with 3:1 odds.')).toBeNull();
  });
});

describe('the ends of the windows prose states', () => {
  const at = (summary: string, ts = Date.UTC(2022, 10, 18, 15, 40)) => ({
    ts,
    summary,
    source: { file: 'a.md', line: 1 },
  });
  it('gives a range its end as an entry of its own, and takes a time a state lasted until for an end', () => {
    const [start, end] = withWindowEnds([at('We had 13 minutes of downtime, from 15:40 to 16:12 GMT.')]);
    expect(start.attrs?.rangeEnd).toBeUndefined();
    expect(iso(end.ts)).toBe('2022-11-18T16:12:00Z');
    expect(end.attrs?.rangeEnd).toBe(true);
    // The meridiem written once, at the end; a range that passes midnight.
    const pm = withWindowEnds([
      at('The API was down from 9:16 to 11:16 PM PDT.', Date.UTC(2022, 0, 1, 21, 16)),
    ]);
    expect(iso(pm[1].ts)).toBe('2022-01-01T23:16:00Z');
    const ops = withWindowEnds([
      at('Maintenance between 1100 UTC and 1200 UTC split the cluster.', Date.UTC(2014, 6, 29, 11)),
    ]);
    expect(iso(ops[1].ts)).toBe('2014-07-29T12:00:00Z');
    // A range written with a dash and no spaces (zzstoatzz/plyr.fm 2026-04-02).
    const dashed = withWindowEnds([
      at('API outage for ~6 minutes (02:34-02:40 UTC).', Date.UTC(2026, 3, 2, 2, 34)),
    ]);
    expect(iso(dashed[1].ts)).toBe('2026-04-02T02:40:00Z');
    const late = withWindowEnds([at('Errors ran from 23:50 to 00:10 UTC.', Date.UTC(2022, 0, 1, 23, 50))]);
    expect(iso(late[1].ts)).toBe('2022-01-02T00:10:00Z');
    const [until] = withWindowEnds([at('Elevated error rates persisted until 1:30 AM PDT.')]);
    expect(until.attrs?.rangeEnd).toBe(true);
  });
  it('counts the days of a range that writes its end on another day', () => {
    const iso2 = withWindowEnds([
      at(
        'Between about 2025-03-10 22:15 UTC and 2025-03-11 06:45 UTC the registry served an expired certificate.',
        Date.UTC(2025, 2, 10, 22, 15),
      ),
    ]);
    expect(iso(iso2[1].ts)).toBe('2025-03-11T06:45:00Z');
    const words = withWindowEnds([
      at(
        'Mail delivery was degraded from March 3, 04:10 UTC, to March 5, 19:40 UTC.',
        Date.UTC(2021, 2, 3, 4, 10),
      ),
    ]);
    expect(iso(words[1].ts)).toBe('2021-03-05T19:40:00Z');
    // An end written on the same day as its start is only its time apart.
    const same = withWindowEnds([
      at('From June 2, 09:00 to June 2, 09:30 UTC checkout failed.', Date.UTC(2021, 5, 2, 9)),
    ]);
    expect(iso(same[1].ts)).toBe('2021-06-02T09:30:00Z');
  });
  it('ends every window a sentence states, each counted from its first time', () => {
    const told = withWindowEnds([
      at(
        'The transcriber could not join calls from 07:34 to 10:07 UTC and again from 12:40 to 17:37 UTC. The provider recovered.',
        Date.UTC(2025, 9, 20, 7, 34),
      ),
    ]);
    expect(told.map((e) => [iso(e.ts), e.attrs?.rangeEnd])).toEqual([
      ['2025-10-20T07:34:00Z', undefined],
      ['2025-10-20T10:07:00Z', true],
      ['2025-10-20T17:37:00Z', true],
    ]);
  });
  it('reads a window restated right after in another zone as the same window', () => {
    const told = withWindowEnds([
      at(
        'From 03:26 to 06:19 UTC (05:26–08:19 CEST) the whole API returned 503.',
        Date.UTC(2026, 8, 16, 3, 26),
      ),
    ]);
    expect(told.map((e) => [iso(e.ts), e.attrs?.rangeEnd])).toEqual([
      ['2026-09-16T03:26:00Z', undefined],
      ['2026-09-16T06:19:00Z', true],
    ]);
    // A second window of the same length hours later is a window of its own.
    const again = withWindowEnds([
      at(
        'Checkout failed from 07:00 to 08:00 UTC and again from 12:00 to 13:00 UTC.',
        Date.UTC(2026, 0, 5, 7),
      ),
    ]);
    expect(again.map((e) => iso(e.ts))).toEqual([
      '2026-01-05T07:00:00Z',
      '2026-01-05T08:00:00Z',
      '2026-01-05T13:00:00Z',
    ]);
  });
  it('ends a window told by its start and its length, in digits or in words', () => {
    const start = Date.UTC(2016, 0, 28, 0, 23);
    const told = withWindowEnds([
      at(
        'Our API had an outage lasting two hours and six minutes, beginning at 00:23 UTC. Redis failed.',
        start,
      ),
    ]);
    expect(told.map((e) => [iso(e.ts), e.attrs?.rangeEnd])).toEqual([
      ['2016-01-28T00:23:00Z', undefined],
      ['2016-01-28T02:29:00Z', true],
    ]);
    const digits = withWindowEnds([
      at('Starting at 21:30 UTC, the API was degraded for 2 hours and 32 minutes.', start),
    ]);
    expect(iso(digits[1].ts)).toBe('2016-01-28T02:55:00Z');
  });
  it('ends a window at a later time the state lasted until, on the day the sentence gives it', () => {
    const region = withWindowEnds([
      at(
        'On September 24, 2020, at 14:27 UTC, our US region was degraded in a period that lasted until September 25, 2020, at 03:00 UTC.',
        Date.UTC(2020, 8, 24, 14, 27),
      ),
    ]);
    expect(region.map((e) => [iso(e.ts), e.attrs?.rangeEnd])).toEqual([
      ['2020-09-24T14:27:00Z', undefined],
      ['2020-09-25T03:00:00Z', true],
    ]);
    const leases = withWindowEnds([
      at(
        'The compute API saw more errors from 11:48 PM PDT on October 19 until 1:50 PM PDT on October 20, due to leases.',
        Date.UTC(2025, 9, 20, 6, 48),
      ),
    ]);
    expect(iso(leases[1].ts)).toBe('2025-10-20T20:50:00Z');
    // No day named: the end is the next such time of day.
    const night = withWindowEnds([at('At 23:10 UTC the queue backed up, and it stayed so until 01:05 UTC.')]);
    expect(night.map((e) => e.ts - night[0].ts)).toEqual([0, 115 * 60_000]);
    // A later time not led by "until" is no end.
    expect(withWindowEnds([at('At 10:00 the deploy began; the alert at 10:20 paged us.')])).toHaveLength(1);
  });
  it('takes no length from a time that ends the window, a figure, or a length told in another sentence', () => {
    for (const text of [
      'Service was largely restored by 11:30 a.m. PST, resulting in approximately 25 minutes of downtime.',
      'At 10:14 the alert fired; time to detection was 8 minutes.',
      'At 10:14 the pods crashed. The outage lasted 2 hours.',
    ])
      expect(withWindowEnds([at(text)]), text).toHaveLength(1);
  });
  it('leaves a sentence with one time, or none, as it is', () => {
    expect(withWindowEnds([at('At 15:40 GMT the pods crashed.')])).toHaveLength(1);
    expect(withWindowEnds([at('The pods crashed.')])).toEqual([at('The pods crashed.')]);
  });
});

describe('a story told by days', () => {
  it('leads a sentence that names a day and no time with that day', () => {
    expect(datedSentence('The registry team was told on 2024-09-12 of a leaked upload token.')).toBe(
      '2024-09-12 - The registry team was told on 2024-09-12 of a leaked upload token.',
    );
    expect(datedSentence('On March 4th the package was removed from the index.')).toBe(
      'March 4th - On March 4th the package was removed from the index.',
    );
    // A time makes it a timed sentence; a month written small may be a verb; too short to tell of an event.
    expect(datedSentence('On March 4th at 10:20 UTC the package was removed.')).toBeNull();
    expect(datedSentence('The job may 3 times retry the upload before failing.')).toBeNull();
    expect(datedSentence('Updated 2024-09-12.')).toBeNull();
  });

  it('is read only when no sentence names a time of day, and found in a file that dates two sentences or more', () => {
    const story =
      'We learned on 2024-09-12 that an upload token had leaked.\n\nThe token was revoked on 2024-09-13 and every release since 2024-08-30 was checked.\n';
    expect(
      proseAsLines(lines(story))
        ?.filter((l) => / - /.test(l.text))
        .map((l) => l.text.slice(0, 12)),
    ).toEqual(['2024-09-12 -', '2024-09-13 -']);
    expect(tellsDaysInProse(story)).toBe(true);
    expect(tellsDaysInProse('Our handbook was last revised on 2024-09-12 by the platform team.\n')).toBe(
      false,
    );
    // With a time named anywhere, only the timed sentences are entries.
    const mixed = `${story}\nAt 14:05 UTC on 2024-09-13 the new token was issued.\n`;
    expect(
      proseAsLines(lines(mixed))
        ?.filter((l) => / - /.test(l.text))
        .map((l) => l.text.slice(0, 10)),
    ).toEqual(['2024-09-13']);
  });

  it('reads an advisory that dates its story by days alone (Rust blog 2022-05-10)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      join(
        here,
        '../../test/fixtures/postmortem-collections/rust-lang__blog.rust-lang.org/2022-05-10-malicious-crate-rustdecimal.md',
      ),
    );
    const notified = events.find((e) => e.source.line === 12);
    expect(notified && iso(notified.ts)).toBe('2022-05-02T00:00:00Z');
    expect(events.every((e) => e.attrs?.prose === true)).toBe(true);
  });
});

describe('a document told in prose', () => {
  it('splits each paragraph naming a time into its sentences and clauses, on the lines they start on, and keeps the rest', () => {
    const doc = lines(
      '---\ntitle: Outage at 12:00\n---\n# Outage\n\nWe saw errors. At 12:04 UTC the API failed,\nand at 12:20 UTC it was restored.\n\n| a | b |\n',
    );
    expect(proseAsLines(doc)).toEqual([
      { text: '---', number: 1 },
      { text: 'title: Outage at 12:00', number: 2 },
      { text: '---', number: 3 },
      { text: '# Outage', number: 4 },
      { text: '', number: 5 },
      { text: 'We saw errors.', number: 6 },
      { text: '12:04 UTC - At 12:04 UTC the API failed', number: 6 },
      { text: '12:20 UTC - at 12:20 UTC it was restored.', number: 7 },
      { text: '', number: 7 },
      { text: '', number: 8 },
      { text: '| a | b |', number: 9 },
      { text: '', number: 10 },
    ]);
    expect(proseAsLines(lines('# Outage\n\nWe saw errors and fixed them.\n'))).toBeNull();
  });

  it('splits a later sentence into its clauses however far into the paragraph an earlier time was named', () => {
    const doc = lines(
      'On November 18, 2025, the edge network began failing at 11:20 UTC, leading to many HTTP 5xx errors. The worst of the impact was over by 14:30 UTC, with every service back in full by 17:06 UTC.',
    );
    expect(proseAsLines(doc)?.map((l) => l.text.slice(0, 20))).toEqual([
      'November 18, 2025 11',
      '14:30 UTC - The wors',
      '17:06 UTC - every se',
      '',
    ]);
  });

  it('is told apart by a sentence that names a time', () => {
    expect(
      tellsTimesInProse('On October 9, starting at 21:30 UTC, the site served errors to everyone.'),
    ).toBe(true);
    expect(tellsTimesInProse('The site served errors to everyone for an hour.')).toBe(false);
    expect(tellsTimesInProse('Start: 21:30 UTC')).toBe(false);
  });

  it('reads the times a real post tells in prose, each in the zone and on the day it gives (PostHog, Shai-Hulud)', async () => {
    const path = join(
      here,
      '../../test/fixtures/postmortem-collections/PostHog__post-mortems/2025-11-26-shai-hulud-attack.md',
    );
    const { events, detected } = await readWith(markdownTimeline, path);
    expect(detected).toBe(true);
    const byLine = new Map(events.map((e) => [e.source.line, iso(e.ts)]));
    // "At 4:11 AM UTC on November 24th, a number of our SDKs … were compromised"
    expect(byLine.get(3)).toBe('2025-11-24T04:11:00Z');
    // "By 9:30 AM UTC, we had identified the malicious packages, deleted them, and revoked the tokens"
    expect(byLine.get(11)).toBe('2025-11-24T09:30:00Z');
    // "At 3:28 PM UTC on November 23rd, the attacker used these credentials to delete a workflow run."
    expect(byLine.get(70)).toBe('2025-11-23T15:28:00Z');
  });

  it('places a time "on the 16th" in the month the story last named (nodejs.org, March 2023, MIT)', async () => {
    const story = [
      '---',
      "date: '2023-03-23T20:10:01.466Z'",
      '---',
      '# Node.js March 17th Infrastructure Incident Post-mortem',
      '',
      'Starting on March 15th and going through to March 17th, users were receiving intermittent 404 responses.',
      '',
      'A large team came together to investigate this issue, with the full fix being put in place at approximately 8 PM UTC on the 16th.',
      '',
      'On the 17th at 09:30 UTC the team confirmed the last cached 404s had expired.',
      '',
      'The 404s stopped at 10:00 UTC on the 16th floor of the data centre.',
    ].join('\n');
    const { events } = await readWith(markdownTimeline, file('story.md', story));
    expect(events.map((e) => [iso(e.ts), e.source.line, e.attrs?.approximate === true])).toEqual([
      ['2023-03-16T20:00:00Z', 8, true],
      ['2023-03-17T09:30:00Z', 10, false],
      // "the 16th floor" names no day: the time stays on the title's day.
      ['2023-03-17T10:00:00Z', 12, false],
    ]);
    // With no month named before it, an ordinal alone says nothing.
    expect(timedSentence('The fix was in place at 8 PM UTC on the 16th everywhere.')).toBe(
      '8 PM UTC - The fix was in place at 8 PM UTC on the 16th everywhere.',
    );
  });

  it('reads a story told in prose only when nothing else in the document is timed, and never a log', async () => {
    const story =
      'We are sorry for the outage.\n\nAt 09:12 UTC a deploy changed the pool size. By 09:40 UTC the checkout errors had stopped.\n';
    const { events, problems } = await readWith(markdownTimeline, file('story.md', story), {
      date: '2024-03-01',
    });
    // The report says where its entries came from.
    expect(problems.map((p) => p.message)).toEqual([
      'no timeline: 2 entries read from the sentences that name a time',
    ]);
    expect(events.map((e) => [iso(e.ts), e.source.line])).toEqual([
      ['2024-03-01T09:12:00Z', 3],
      ['2024-03-01T09:40:00Z', 3],
    ]);
    const timeline = `## Timeline\n\n- 09:00 UTC pool size changed\n- 09:50 UTC errors stop\n\n${story}`;
    const read = await readWith(markdownTimeline, file('pm.md', timeline), { date: '2024-03-01' });
    expect(read.events.map((e) => e.source.line)).toEqual([3, 4]);
    const { detected } = await readWith(markdownTimeline, file('app.log', story), { date: '2024-03-01' });
    expect(detected).toBe(false);
  });

  it('keeps a time a story tells after a later one, for prose names its times in any order', async () => {
    const story = [
      'By 7:00 AM PST, the chat service became unavailable due to network saturation.',
      '',
      "The provider's engineers increased the capacity, which resolved the network issue by 10:40 AM PST. By 9:15 AM PST, the chat service was degraded but working.",
    ].join('\n');
    const { events, problems } = await readWith(markdownTimeline, file('story.md', story), {
      date: '2021-01-04',
    });
    expect(events.map((e) => iso(e.ts))).toEqual([
      '2021-01-04T15:00:00Z',
      '2021-01-04T18:40:00Z',
      '2021-01-04T17:15:00Z',
    ]);
    expect(problems.some((p) => /mistyped|listed after/.test(p.message))).toBe(false);
  });

  it('places a time a story tells after a later one on the day nearest its start, not the next day', async () => {
    const story = [
      'On February 4, 2019, at about 02:50 UTC, customers saw degraded access.',
      'Dashboard access was disrupted until 09:28 UTC, with some users seeing slow access until 18:44 UTC.',
      'The admin console was degraded from 02:50 to 07:17 UTC.',
    ].join('\n');
    const { events } = await readWith(markdownTimeline, file('story.md', story), { date: '2019-02-04' });
    const times = events.map((e) => iso(e.ts));
    expect(times).toContain('2019-02-04T07:17:00Z');
    expect(times).not.toContain('2019-02-05T07:17:00Z');
    // A story that runs past midnight from its start still goes on to the next day.
    const night = await readWith(
      markdownTimeline,
      file('night.md', 'The disruption began at 23:10 UTC. At 01:40 UTC the queue was drained.'),
      { date: '2019-02-04' },
    );
    expect(night.events.map((e) => iso(e.ts))).toEqual(['2019-02-04T23:10:00Z', '2019-02-05T01:40:00Z']);
  });

  it('reads hostile prose in linear time', () => {
    const n = 100_000;
    const hostile = [
      `At ${'1:'.repeat(n / 2)}00`,
      `${'. A'.repeat(n / 3)}`,
      `12:00 ${'to 12:00 '.repeat(n / 9)}`,
      `12:00${' - '.repeat(n / 3)}x`,
      `${'around '.repeat(n / 7)}12:00 x`,
      `${'e.g. '.repeat(n / 5)}`,
      `At ${'12:00, and 12:01; '.repeat(n / 20)}it ended.`,
      // Field labels that never close, and fields one after another.
      `**${'a:'.repeat(n / 2)}`,
      Array.from({ length: 2_000 }, (_, i) => `**Field ${i}:** 12:${String(i % 60).padStart(2, '0')} x`).join(
        '\n',
      ),
    ].join('\n\n');
    // A paragraph wrapped over twenty thousand lines, a time and a sentence on each.
    const wrapped = Array.from(
      { length: 20_000 },
      (_, i) => `At 12:${String(i % 60).padStart(2, '0')} it failed again.`,
    );
    const started = performance.now();
    proseAsLines(lines(hostile));
    // One sentence of many times, none of them an end, nor a length.
    withWindowEnds([
      {
        ts: 0,
        summary: `At 10:00 ${'then until September 25 at, 10:01 '.repeat(n / 35)} lasted 2 hours.`,
        source: { file: 'a.md', line: 1 },
      },
      {
        ts: 0,
        summary: `From 10:00 to 11:00 ${'and from 10:01 '.repeat(n / 15)}to 12:00.`,
        source: { file: 'a.md', line: 1 },
      },
    ]);
    expect(proseAsLines(lines(wrapped.join('\n')))?.filter((l) => l.text).length).toBe(20_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('prose read from any text', () => {
  // Words and times that the prose reader looks for, mixed at random with any text.
  const piece = fc.oneof(
    fc.constantFrom(
      'At 12:47 AM PDT',
      ' until ',
      ' from 9:16 to 11:16 PM',
      ' lasting two hours and six minutes',
      ', beginning at 00:23 UTC',
      ' on October 20, ',
      '. ',
      ', and ',
      ' 1100 UTC',
      '\n\n',
      '- ',
    ),
    fc.string({ maxLength: 12 }),
  );
  it('never throws, and every end it adds lies after its entry', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const read = proseAsLines(lines(text));
        const events = (read ?? [])
          .filter((l) => l.text)
          .map((l, i) => ({ ts: i * 60_000, summary: l.text, source: { file: 'a.md', line: l.number } }));
        const ended = withWindowEnds(events);
        expect(ended.length).toBeGreaterThanOrEqual(events.length);
        for (const e of ended) expect(Number.isFinite(e.ts)).toBe(true);
        for (const e of ended.filter((x) => x.attrs?.rangeEnd))
          expect(e.ts).toBeGreaterThanOrEqual(
            Math.min(...events.filter((x) => x.summary === e.summary).map((x) => x.ts)),
          );
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});
