import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readWith } from '../../test/support/read-with.js';
import { markdownTimeline } from './markdown-timeline.js';

const here = dirname(fileURLToPath(import.meta.url));
const collection = (...parts: string[]) => join(here, '../../test/fixtures/postmortem-collections', ...parts);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const at = (events: { ts: number; source: { line: number | null } }[], line: number) => {
  const e = events.find((x) => x.source.line === line);
  return e ? iso(e.ts) : null;
};
/** A faithful excerpt of a real document, written to a file of the given name. */
function excerpt(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hindsight-')), name);
  writeFileSync(path, text);
  return path;
}

describe('finding the timeline in real postmortems', () => {
  it('reads a table under "## Timeline" whose "All times in CET" means Copenhagen summer time in June (dfds PM2020-005)', async () => {
    const { events, problems } = await readWith(
      markdownTimeline,
      collection('dfds__postmortems', 'PM2020-005 - ALB instance attachment.md'),
    );
    expect(problems).toEqual([]);
    expect(events).toHaveLength(6);
    expect(at(events, 15)).toBe('2020-06-09T09:00:00Z');
    expect(at(events, 20)).toBe('2020-06-09T11:13:00Z');
  });

  it('reads the zone from the time column\'s header ("Date and Time in CET", winter) and places a day without its time at the start of its day (dfds PM2019-009)', async () => {
    const { events, problems, skipped } = await readWith(
      markdownTimeline,
      collection('dfds__postmortems', 'PM2019-009 - Kubernetes network infrastructure IP starvation.md'),
    );
    expect(skipped).toEqual([]); // a note on a line that was read, not a skipped line
    expect(at(events, 29)).toBe('2019-11-29T11:00:00Z');
    // "2019-12-03 --:--": known to the day only.
    expect(at(events, 34)).toBe('2019-12-02T23:00:00Z');
    expect(problems.map((p) => p.line)).toEqual([34]);
    expect(problems[0].message).toContain("no time of day ('--:--')");
  });

  it('reads separate Day, Date and Time columns, the year taken from the file name (Chia 2022-01-27)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('Chia-Network__post-mortem', '2022-01', '2022-01-27-Ramp-Card.md'),
    );
    expect(at(events, 21)).toBe('2022-01-28T02:34:00Z');
    expect(events[0].summary).toMatch(/^Affected employee provided a screenshot/);
  });

  it('keeps lines out of order where written, with a note naming the line (Chia 2022-01-20)', async () => {
    const { events, problems, skipped } = await readWith(
      markdownTimeline,
      collection('Chia-Network__post-mortem', '2022-01', '2022-01-20-EmployeeCompromise.md'),
    );
    expect(skipped.map((p) => p.line)).not.toContain(25);
    expect(events.map((e) => e.source.line).slice(0, 2)).toEqual([24, 25]);
    expect(at(events, 25)).toBe('2022-01-20T22:06:00Z');
    expect(problems.find((p) => p.line === 25)?.message).toContain('listed after a later entry (line 24)');
  });

  it('reads "Jan 14, 10:18 AM" cells in a "Time (UTC)" column, the year from the file name (PostHog 2026-01-17)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('PostHog__post-mortems', '2026-01-17-replay-sdk-fetch-wrapper-incident.md'),
    );
    expect(at(events, 33)).toBe('2026-01-14T10:18:00Z');
    expect(at(events, 34)).toBe('2026-01-15T17:33:00Z');
  });

  it('reads "- **16:58 UTC** - …" bullets on the day the file name gives (PostHog 2025-09-29)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('PostHog__post-mortems', '2025-09-29-flags-is-down.md'),
    );
    expect(at(events, 13)).toBe('2025-09-29T16:58:00Z');
    expect(events.find((e) => e.source.line === 13)?.summary).toMatch(/^Writer database begins/);
  });

  it('reads US dates with 12-hour clocks ("02-13-2025 11:00 pm - …") under "Timeline (all times PST)", approximate as stated (Chia 2025-02-25)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection(
        'Chia-Network__post-mortem',
        '2025-02',
        '2025-02-25-block_production_impact_due_FastForward_mempool_issues.md',
      ),
    );
    // PST in February is standard time, UTC-8.
    expect(at(events, 34)).toBe('2025-02-14T07:00:00Z');
    expect(events.every((e) => e.attrs?.approximate === true)).toBe(true);
  });

  it('reads "**June 14th, 2022, 10:00 AM:** …" lines in Pacific summer time (Chia CATbleed)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('Chia-Network__post-mortem', '2022-08', '2022-08-19-CATbleed.md'),
    );
    expect(at(events, 9)).toBe('2022-06-14T17:00:00Z');
    expect(at(events, 13)).toBe('2022-06-14T20:00:00Z');
  });

  it('reads "H:MM AM" lines under day lines (_4/21/23_), a ~ marking one approximate (Chia 04-25)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('Chia-Network__post-mortem', '2023-04', '04-25-User_Account_Compromise.md'),
    );
    expect(at(events, 7)).toBe('2023-04-21T18:12:00Z');
    const erased = events.find((e) => e.summary.startsWith("The user's MacBook was erased"));
    expect(erased && iso(erased.ts)).toBe('2023-04-24T16:00:00Z');
    expect(erased?.attrs?.approximate).toBe(true);
  });

  it('reads a plain "7:32 PM - …" line as an entry (Chia 2024-06-25)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('Chia-Network__post-mortem', '2024-06', '2024-06-25-blockchain_mainnet-stall.md'),
    );
    expect(events.find((e) => e.source.line === 17)?.summary).toBe('The chain stalled at height 4779033.');
  });

  it('lists a line whose year is written 20202 as a problem and never guesses it (dfds PM2020-003)', async () => {
    const { events, problems } = await readWith(
      markdownTimeline,
      collection('dfds__postmortems', 'PM2020-003 - Postmortem for ADSync migration.md'),
    );
    expect(events.filter((e) => e.source.line === 14)).toEqual([]);
    expect(problems.find((p) => p.line === 14)?.message).toContain('20202-01-16');
  });

  it('reads a heading that gives a new day with a period after it ("### 19. April, 11:00"), in CEST (mybinder.org 2018-04-18)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('jupyterhub__mybinder.org-deploy', '2018-04-18-cull-flood.md'),
    );
    expect(at(events, 82)).toBe('2018-04-18T17:47:00Z');
    expect(at(events, 88)).toBe('2018-04-19T09:00:00Z');
    expect(at(events, 106)).toBe('2018-04-19T09:47:00Z');
  });

  it('reads a zone named like an IANA zone that is none ("All times in UC/Pacific") by its region (mybinder.org 2020-07-09)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('jupyterhub__mybinder.org-deploy', '2020-07-09-simultaneous-launches-scipy.md'),
    );
    expect(at(events, 18)).toBe('2020-07-09T14:30:00Z');
    expect(at(events, 53)).toBe('2020-07-09T14:42:00Z');
  });

  it("keeps a pasted log in a fenced block as its entry's material, not entries of its own (mybinder.org 2018-07-08)", async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('jupyterhub__mybinder.org-deploy', '2018-07-08-podsnips-aplenty.md'),
    );
    // The "### 10:00" entry's text, then log lines dated the day before inside ``` fences.
    expect(at(events, 42)).toBe('2018-07-09T08:00:00Z');
    for (const line of [47, 48, 49, 55, 56]) expect(at(events, line), `line ${line}`).toBeNull();
  });

  it("keeps a log fenced under a list item, past a blank line too, as that item's material (hachyderm 2025-01-24)", async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('hachyderm__community', '2025-01-24-elevated-500-errors.md'),
    );
    // "- **17:18** … a database connection error:", then "    ```" with "Jan 20 17:18:41 franz …"
    // log lines, a paragraph, and a second indented fence.
    expect(at(events, 36)).toBe('2025-01-20T17:18:00Z');
    for (const line of [38, 39, 40, 44, 49, 50, 83, 95]) expect(at(events, line), `line ${line}`).toBeNull();
    // The log's "Jan 20" sets no day: the entries after the next day's heading stay on it.
    expect(at(events, 120)).toBe('2025-01-21T17:50:00Z');
  });

  it("reads a table cell's <br> breaks as the lines they render, not as text (rust-lang infra-team 2026-07-02)", async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('rust-lang__infra-team', '20260702-rust-outage.md'),
    );
    const row = events.find((e) => e.source.line === 82);
    expect(row?.summary).toBe('RUST-MAIN — Recovery: tree was re-opened.');
    expect(events.some((e) => /<br/i.test(e.summary))).toBe(false);
  });

  it('reads a timeline pasted as one fenced block that no entry holds', async () => {
    const path = excerpt(
      '2025-03-02-queue.md',
      [
        '# Queue backlog',
        '',
        '## Timeline',
        '',
        '```',
        '14:05 consumer lag alert fires',
        '14:20 consumers restarted',
        '```',
        '',
      ].join('\n'),
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts)])).toEqual([
      [6, '2025-03-02T14:05:00Z'],
      [7, '2025-03-02T14:20:00Z'],
    ]);
  });

  it('ends a window a sentence outside any timeline states, on the day it gives its end (hexpm 2025-07-30)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('hexpm__hexpm', '018-2025-07-30-hex-outage.md'),
    );
    expect(
      events.filter((e) => e.source.line === 5).map((e) => [iso(e.ts), e.attrs?.rangeEnd ?? false]),
    ).toEqual([
      ['2025-07-30T21:27:00Z', false],
      ['2025-07-31T07:27:00Z', true],
    ]);
  });

  it('reads milestone fields, each an entry with the meaning its label names, dated as the timeline is', async () => {
    const path = excerpt(
      '2022-01-22-dns-records.md',
      [
        '# Some DNS records deleted',
        '',
        'All times are in GMT+1.',
        '',
        '## Key events',
        '',
        '- **First detected**: 2022-06-22 11:57',
        '- **Incident declared**: 2022-06-22 14:41',
        '- **Repaired**: 2022-06-22 13:59',
        '- **Resolved**: 2022-06-22 14:38',
        '- **Time to repair**: 2h 2m',
        '- **Date**: 2022-06-22',
      ].join('\n'),
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts), e.kind, e.signals])).toEqual([
      [7, '2022-06-22T10:57:00Z', 'note', ['detect']],
      [8, '2022-06-22T13:41:00Z', 'action', ['declare']],
      [9, '2022-06-22T12:59:00Z', 'note', ['recovery']],
      [10, '2022-06-22T13:38:00Z', 'action', ['close']],
    ]);
    expect(events[2].attrs?.impactBound).toBe('end');
  });

  it('reads milestone fields as entries of their own, with a colon or none, beside the timeline (ministryofjustice/cloud-platform)', async () => {
    const moj = (file: string) => collection('ministryofjustice__cloud-platform', file);
    // "- First detected: 2023-06-06 10:26" … "- Resolved 2023-06-06 11:21", then a timeline.
    const { events } = await readWith(markdownTimeline, moj('2023-06-06-user-services-down.html.md.erb'));
    const field = (line: number) => events.find((e) => e.source.line === line);
    expect([9, 10, 11, 12].map((line) => [at(events, line), field(line)?.signals])).toEqual([
      ['2023-06-06T10:26:00Z', ['detect']],
      ['2023-06-06T11:00:00Z', ['declare']],
      ['2023-06-06T11:21:00Z', ['recovery']],
      // "Repaired" names the recovery, so "Resolved" only closes the incident.
      ['2023-06-06T11:21:00Z', ['close']],
    ]);
    expect(at(events, 27)).toBe('2023-06-06T11:00:00Z'); // the timeline's own "Incident declared"
    // A report of milestone fields alone, written with no colon, is recognised and read.
    const alone = await readWith(
      markdownTimeline,
      moj('2020-08-14-ingress-controllers-crashlooping.html.md.erb'),
    );
    expect(alone.events.map((e) => [e.source.line, iso(e.ts), e.signals])).toEqual([
      [9, '2020-08-14T10:43:00Z', ['detect']],
      [10, '2020-08-14T11:01:00Z', ['declare']],
      // No field names the recovery: "Resolved" is the recovery too.
      [11, '2020-08-14T11:38:00Z', ['recovery', 'close']],
    ]);
  });

  it('reads the start an Impacts section states, where no entry stands at its time, as an entry of its own (jenkins-infra/documentation)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('jenkins-infra__documentation', '20210525-window-outage.md'),
    );
    const stated = events.filter((e) => e.attrs?.statedStart);
    expect(stated.map((e) => [e.source.line, iso(e.ts), e.signals])).toEqual([
      [25, '2021-05-25T11:30:00Z', ['symptom']],
    ]);
    // Its end stands at the timeline's last entry (07:51), so no second entry is made for it.
    expect(events.filter((e) => e.source.line === 25)).toHaveLength(1);
  });

  it('dates the windows a header and an Impact section state in the zone the timeline states (mastra-ai/mastra)', async () => {
    const { events } = await readWith(markdownTimeline, collection('mastra-ai__mastra', '2025-06-23.md'));
    // "**Date:** 2025-06-23" and "**Duration:** 2025-06-19 12:24 to …" are fields, one line each, and
    // "All times in Pacific Time" under the Timeline holds for them: their start is the first entry's.
    expect(events.filter((e) => e.attrs?.statedStart)).toEqual([]);
    expect(events.map((e) => [e.source.line, iso(e.ts)])[0]).toEqual([17, '2025-06-19T19:24:00Z']);
  });

  it('reads a timeline under a setext heading, in the zone a bracketed line states, a day alone as an entry (opencollective)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('opencollective__opencollective', '2019-03-06-contributeAs-bogus-createCollective-query.md'),
    );
    // "Timeline" over "--------", then "(UTC+1)": "- **2019-03-04**:" with its text below is that day's entry.
    expect(events.slice(0, 3).map((e) => [e.source.line, iso(e.ts)])).toEqual([
      [21, '2019-03-03T23:00:00Z'],
      [24, '2019-03-05T10:00:00Z'],
      [26, '2019-03-05T18:45:00Z'],
    ]);
    expect(events).toHaveLength(8);
  });

  it('reads headings that carry a time, with the paragraphs below as the entry', async () => {
    const path = excerpt(
      '2025-10-03-outage.md',
      [
        '# Outage',
        '',
        '## Timeline',
        '',
        '### 14:05',
        '',
        'Error rates rise on the ingestion API.',
        'Dashboards show 5xx on every pod.',
        '',
        '### 2025-10-03 9:30',
        '',
        'Rollback of the ingestion release starts.',
        '',
        '### 11:15 PM',
        'Service is fully operational again.',
      ].join('\n'),
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts), e.summary])).toEqual([
      // Two lines with no blank between are one paragraph, as Markdown renders them.
      [5, '2025-10-03T14:05:00Z', 'Error rates rise on the ingestion API. Dashboards show 5xx on every pod.'],
      [10, '2025-10-03T09:30:00Z', 'Rollback of the ingestion release starts.'],
      [14, '2025-10-03T23:15:00Z', 'Service is fully operational again.'],
    ]);
    expect(events[0].details).toEqual([]);
  });

  it('reads numbered lists, times without a separator, day headings, and times passing midnight', async () => {
    const path = excerpt(
      'notes.md',
      [
        '## Incident log',
        '',
        '### Tuesday, 3 June 2025',
        '1. 23:50 deploy of billing v7 starts',
        '2. 00:10 – checkout errors reported by support',
        '   - support ticket 4411',
        '3. 00:25: rollback complete',
      ].join('\n'),
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts)])).toEqual([
      [4, '2025-06-03T23:50:00Z'],
      [5, '2025-06-04T00:10:00Z'],
      [7, '2025-06-04T00:25:00Z'],
    ]);
    expect(events[1].details).toEqual(['support ticket 4411']);
  });

  it('marks approximate times and ranges, giving the start: ~13:30-13:45, ca. 11:20, around 9pm', async () => {
    const path = excerpt(
      'approx.md',
      '## Timeline\n\n- ca. 11:20 first report\n- ~13:30-13:45 UTC errors peak\n- around 9pm traffic normal\n- 22:00 closed\n',
    );
    const { events } = await readWith(markdownTimeline, path, { date: '2024-02-01' });
    expect(events.map((e) => [iso(e.ts), e.attrs?.approximate ?? false])).toEqual([
      ['2024-02-01T11:20:00Z', true],
      ['2024-02-01T13:30:00Z', true],
      ['2024-02-01T21:00:00Z', true],
      ['2024-02-01T22:00:00Z', false],
    ]);
  });

  it("lets the manifest's date win over the date the document states, with a note", async () => {
    const path = excerpt('2024-03-01-db.md', '# DB outage 2024-03-01\n\n## Timeline\n\n- 10:00 failover\n');
    const { events, problems } = await readWith(markdownTimeline, path, { date: '2024-03-02' });
    expect(iso(events[0].ts)).toBe('2024-03-02T10:00:00Z');
    expect(problems[0].message).toContain("differs from the manifest's 2024-03-02");
  });

  it('finds the time column by its content whatever its header, and keeps a status column without its emoji', async () => {
    const path = excerpt(
      'status.md',
      [
        '| What | When | Status |',
        '|---|---|---|',
        '| Errors on checkout | 2024-05-01 10:02 | 🔴 DETECTED |',
        '| Traffic moved to eu-west | 2024-05-01 10:20 | ✓ RECOVERED |',
      ].join('\n'),
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [iso(e.ts), e.summary, e.attrs?.status])).toEqual([
      ['2024-05-01T10:02:00Z', 'Errors on checkout', 'DETECTED'],
      ['2024-05-01T10:20:00Z', 'Traffic moved to eu-west', 'RECOVERED'],
    ]);
  });

  it('reads a run of timestamped lines when the document names no timeline section', async () => {
    const path = excerpt('log.md', 'We saw this:\n\n14:00 - deploy\n14:07 - errors\n');
    const { events, detected } = await readWith(markdownTimeline, path, { date: '2024-01-02' });
    expect(detected).toBe(true);
    expect(events.map((e) => e.source.line)).toEqual([3, 4]);
  });

  it('reads times set in code marks, and a day alone in them as an entry at its start (optimism 2022-05-31)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('ethereum-optimism__optimism', '2022-05-31-drop-1.md'),
    );
    expect(events).toHaveLength(48);
    expect(at(events, 17)).toBe('2022-05-31T07:00:00Z'); // `May 31`, PST read as Pacific local time (PDT)
    expect(at(events, 18)).toBe('2022-05-31T14:35:00Z');
    expect(events.find((e) => e.source.line === 18)?.summary).toBe('Team partially funds airdrop contract');
  });

  it('reads four-digit times after a day, "2022-02-02 1625:" (optimism 2022-02-02)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('ethereum-optimism__optimism', '2022-02-02-inflation-vuln.md'),
    );
    expect(at(events, 60)).toBe('2022-02-02T16:25:00Z');
    expect(at(events, 83)).toBe('2022-02-06T02:50:00Z');
    expect(events.find((e) => e.source.line === 60)?.summary).toMatch(/^smartcontracts receives an e-mail/);
  });

  it('reports a line whose time is written as a lone X, never guessing it (optimism 2022-02-02)', async () => {
    const { events, skipped } = await readWith(
      markdownTimeline,
      collection('ethereum-optimism__optimism', '2022-02-02-inflation-vuln.md'),
    );
    expect(skipped).toEqual([
      expect.objectContaining({ line: 62, message: "cannot read time '2022-02-02 X'" }),
    ]);
    expect(events.some((e) => e.source.line === 62)).toBe(false);
  });

  it('reads "[MM-DD HH:MM]" scribe bullets, a December day before a March incident in the year before (test-infra 2019-03-26)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('kubernetes__test-infra', '2019-03-26.md'),
    );
    expect(at(events, 74)).toMatch(/^2018-12-0[56]T/); // December of the year before (its offset aside)
    expect(at(events, 75)).toBe('2019-03-20T23:46:00Z');
    expect(at(events, 83)).toBe('2019-03-26T15:10:00Z');
    // The chat log quoted in the appendix is not the timeline.
    expect(events.every((e) => (e.source.line ?? 0) <= 83)).toBe(true);
  });

  it('reads the zone of an italic statement, "_All times in EEST_" (2i2c 2025-05-12)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('2i2c-org__incident-reports', '2025-05-12-earthscope-resource-provisioning-issue.md'),
    );
    expect(at(events, 20)).toBe('2025-05-12T17:15:00Z');
  });
});

it('reads the text as Markdown renders it: a backslash escape is the character, a code span keeps its backslashes (flutter)', async () => {
  const { events } = await readWith(
    markdownTimeline,
    collection('flutter__flutter', 'Postmortem-Widespread-Gradle-failures-on-Flutter-v1.12.13-hotfix.5.md'),
  );
  const start = events.find((e) => e.summary.includes('START OF OUTAGE'));
  expect(start?.summary).toBe('V1.12.13+hotfix.6 is released to stable <START OF OUTAGE>');
  const { events: coded } = await readWith(
    markdownTimeline,
    excerpt(
      'escapes.md',
      '## Timeline\n\n- 14:05 Deleted the `C:\\cache\\*` folder on the \\_build\\_ host\n- 14:10 Build green again\n',
    ),
    { date: '2024-03-01' },
  );
  expect(coded[0].summary).toBe('Deleted the C:\\cache\\* folder on the _build_ host');
});

it('reads a postmortem saved as an HTML page: head, script and navigation are no entries (dfds PM2021-005, PostHog 2025-09-29, as a blog renders them)', async () => {
  const page = (body: string) =>
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Postmortem</title>\n<script>window.analytics = { ts: "12:00" };</script>\n<style>body { font: 14px/1.4 sans-serif }</style>\n</head>\n<body>\n<nav><a href="/">Home</a> · <a href="/blog">Blog</a></nav>\n<article>\n${body}\n</article>\n<footer>© 2021 · 10:00 builds</footer>\n</body>\n</html>\n`;
  const table = excerpt(
    'pm2021-005.html',
    page(
      '<h1>All services returning 503 in Kubernetes</h1>\n<h2>Timeline</h2>\n<p>All times in UTC.</p>\n<table>\n<thead>\n<tr>\n<th align="left">Time</th>\n<th>Event</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">2021-06-22 08:21</td>\n<td>VPC CNI replaced by the pipeline</td>\n</tr>\n<tr>\n<td align="left">2021-06-22 08:29</td>\n<td>Issue detected as a result of alerts</td>\n</tr>\n<tr>\n<td align="left">2021-06-22 08:46</td>\n<td>Target groups reattached to the ALB by the pipeline (resolved)</td>\n</tr>\n</tbody>\n</table>\n',
    ),
  );
  const read = await readWith(markdownTimeline, table);
  expect(read.detected).toBe(true);
  expect(read.events.map((e) => [iso(e.ts), e.summary])).toEqual([
    ['2021-06-22T08:21:00Z', 'VPC CNI replaced by the pipeline'],
    ['2021-06-22T08:29:00Z', 'Issue detected as a result of alerts'],
    ['2021-06-22T08:46:00Z', 'Target groups reattached to the ALB by the pipeline (resolved)'],
  ]);
  const list = excerpt(
    'flags-is-down.html',
    page(
      '<h1>PostHog Feature Flags Service Outage - September 29, 2025</h1>\n<h2>Timeline</h2>\n<ul>\n<li>\n<p><strong>16:58 UTC</strong> - Writer database begins experiencing connection saturation</p>\n</li>\n<li>\n<p><strong>17:02 UTC</strong> - <a href="https://github.com/PostHog/posthog/pull/38686">Unrelated deployment</a> reduces database connection timeout from 1s to 300ms</p>\n</li>\n<li>\n<p><strong>18:46 UTC</strong> - Service fully restored</p>\n</li>\n</ul>\n',
    ),
  );
  const bullets = await readWith(markdownTimeline, list);
  expect(bullets.events.map((e) => [iso(e.ts), e.summary])).toEqual([
    ['2025-09-29T16:58:00Z', 'Writer database begins experiencing connection saturation'],
    // The link kept as Markdown writes it, as the Markdown source of the same post reads.
    [
      '2025-09-29T17:02:00Z',
      '[Unrelated deployment](https://github.com/PostHog/posthog/pull/38686) reduces database connection timeout from 1s to 300ms',
    ],
    ['2025-09-29T18:46:00Z', 'Service fully restored'],
  ]);
  // Served minified, the whole page on one line (a bracket or a backtick in it no matter), and with
  // the time in a table of three columns.
  const minified = excerpt(
    'flags-is-down.min.html',
    page(
      '<h1>Feature Flags Outage - September 29, 2025</h1>\n<h2>Summary</h2>\n<p>From 16:58 to 18:46 UTC, <code>flags</code> failed [78%].</p>\n<h2>Timeline</h2>\n<table>\n<tr><th>Time</th><th>Status</th><th>Event</th></tr>\n<tr><td>16:58 UTC</td><td>🔴 DETECTED</td><td>Writer database begins experiencing connection saturation</td></tr>\n<tr><td>18:46 UTC</td><td>✓ RECOVERED</td><td>Service fully restored</td></tr>\n</table>\n',
    ).replace(/\n/g, ''),
  );
  const oneLine = await readWith(markdownTimeline, minified);
  // A page whose inline styles fill the first 64 KiB the formats are told by is still read.
  const styled = excerpt(
    'flags-is-down.styled.html',
    page('')
      .replace('</style>', `${'.c1 { color: #000; }\n'.repeat(8_000)}</style>`)
      .replace(
        '<article>\n\n</article>',
        `<article>${'<h1>Feature Flags Outage - September 29, 2025</h1>\n<ul>\n<li>16:58 UTC - Writer database saturated</li>\n<li>18:46 UTC - Service fully restored</li>\n</ul>'}</article>`,
      ),
  );
  const styledRead = await readWith(markdownTimeline, styled);
  expect(styledRead.detected).toBe(true);
  expect(styledRead.events.map((e) => iso(e.ts))).toEqual(['2025-09-29T16:58:00Z', '2025-09-29T18:46:00Z']);
  expect(oneLine.events.map((e) => [iso(e.ts), e.summary, String(e.attrs?.status)])).toEqual([
    ['2025-09-29T16:58:00Z', 'Writer database begins experiencing connection saturation', 'DETECTED'],
    ['2025-09-29T18:46:00Z', 'Service fully restored', 'RECOVERED'],
  ]);
});

it("dates a blog page's times by the publication day its head states, as a post's front matter does; a lead naming the incident's day wins", async () => {
  const page = (meta: string, lead: string) =>
    `<!DOCTYPE html>\n<html>\n<head>\n<title>API outage</title>\n${meta}\n</head>\n<body>\n<h1>API outage</h1>\n<p>${lead}</p>\n<h2>Timeline</h2>\n<p>All times UTC.</p>\n<ul>\n<li>14:05 - Deploy of api v2.3 begins</li>\n<li>14:30 - Rolled back to v2.2; errors stop</li>\n</ul>\n</body>\n</html>\n`;
  const meta = '<meta property="article:published_time" content="2023-06-14T09:00:00+00:00">';
  const read = await readWith(markdownTimeline, excerpt('outage.html', page(meta, 'The API failed.')));
  expect(read.problems).toEqual([]);
  expect(read.events.map((e) => [iso(e.ts), e.source.line])).toEqual([
    ['2023-06-14T14:05:00Z', 13],
    ['2023-06-14T14:30:00Z', 14],
  ]);
  const lead = await readWith(
    markdownTimeline,
    excerpt('outage.html', page(meta, 'On Monday, June 12, 2023, the API failed.')),
  );
  expect(lead.events.map((e) => iso(e.ts))).toEqual(['2023-06-12T14:05:00Z', '2023-06-12T14:30:00Z']);
  // Without it, the times are undated and said so, each with its line.
  const bare = await readWith(markdownTimeline, excerpt('outage.html', page('', 'The API failed.')));
  expect(bare.events).toEqual([]);
  expect(bare.problems.map((p) => p.line)).toEqual([13, 14]);
});

describe('the day of the times', () => {
  it('dates a blog post by the date in its front matter title, not the later publication day in its file name (Rust 2018-10-19)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('rust-lang__blog.rust-lang.org', '2018-10-19-Update-on-crates.io-incident.md'),
    );
    expect(at(events, 41)).toBe('2018-10-15T20:09:00Z');
  });

  it('places the lines on the day the prose states for all events; a line with its own day is that line’s exception (Rust docs.rs 2019-10-24)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('rust-lang__blog.rust-lang.org', '2019-10-24-docsrs-outage-postmortem.md'),
    );
    expect(at(events, 52)).toBe('2019-10-20T00:55:00Z');
    expect(at(events, 53)).toBe('2019-10-21T01:38:00Z');
    expect(at(events, 68)).toBe('2019-10-21T19:27:00Z');
    // A bullet wrapped onto the next line, its bold closing there, is one sentence.
    expect(events.find((e) => e.source.line === 53)?.summary).toBe(
      'alerts fired for the docs.rs website being down, [ashleygwilliams] (backup contact) got paged',
    );
  });

  it('unwraps an italic line whose time is bold inside it (polarsource/polar 2026-06-12)', async () => {
    const { events } = await readWith(markdownTimeline, collection('polarsource__polar', '2026-06-12.mdx'));
    expect(at(events, 32)).toBe('2026-06-12T13:16:59Z');
    expect(events.find((e) => e.source.line === 32)?.summary).toBe(
      'Point in Time database backup (automatically run)',
    );
  });

  it('takes a title naming the incident’s day over the front matter’s later publication date (langfuse 2025-11-20)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('langfuse__langfuse-docs', '2025-11-20-incident-report.mdx'),
    );
    expect(at(events, 54)).toBe('2025-11-18T11:33:00Z');
  });

  it('carries a line’s own day to the lines below when no sentence states one day for all', async () => {
    const path = excerpt(
      'incident.md',
      '## Timeline\n\n- 2022-06-02 23:50 UTC: deploy started\n- 00:10 UTC: errors rose\n- 2022-06-04 09:00 UTC: closed\n- 09:30 UTC: review\n',
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(at(events, 4)).toBe('2022-06-03T00:10:00Z');
    expect(at(events, 6)).toBe('2022-06-04T09:30:00Z');
  });
});

describe('days written on their own (pypi incident reports)', () => {
  const pypi = (name: string) => readWith(markdownTimeline, collection('pypi__warehouse', name));

  it('takes the day of a bold "**Date: 2023-11-22**" line for the times below it, and a list item\'s time ending at a comma', async () => {
    const { events } = await pypi('2023-12-04-account-takeover.md');
    expect(at(events, 43)).toBe('2023-11-22T08:42:33Z');
    expect(at(events, 57)).toBe('2023-11-22T14:33:00Z');
    expect(events.find((e) => e.source.line === 57)?.summary).toMatch(
      /^admin@pypi\.org receives an email from/,
    );
    expect(at(events, 78)).toBe('2023-11-22T15:53:00Z');
  });

  it('makes each "### August 15" heading of a timeline section, its paragraphs below, an entry at that day\'s start, the year from the front matter', async () => {
    const { events } = await pypi('2026-09-08-file-hosting-errors.md');
    expect(events.map((e) => [e.source.line, iso(e.ts)])).toEqual([
      [85, '2026-08-15T00:00:00Z'],
      [91, '2026-08-17T00:00:00Z'],
      [96, '2026-08-18T00:00:00Z'],
      [111, '2026-08-19T00:00:00Z'],
      [124, '2026-08-20T00:00:00Z'],
      [129, '2026-08-21T00:00:00Z'],
      [135, '2026-08-24T00:00:00Z'],
      [140, '2026-08-28T00:00:00Z'],
    ]);
    expect(events[0].summary).toMatch(
      /^Fastly's report places the start of the problem on this Saturday, at a single/,
    );
    expect(events[0].attrs).toMatchObject({ dayOnly: true });
  });

  it('makes a "- 2024-06-21:" item whose text is on the lines below an entry, and reads "7:09 AM Eastern" as New York summer time, for the lines naming no zone too', async () => {
    const { events } = await pypi('2024-07-08-incident-report-leaked-admin-personal-access-token.md');
    // A day alone is in the zone the document's timed lines all name: midnight in New York.
    expect(at(events, 33)).toBe('2024-06-21T04:00:00Z');
    expect(events.find((e) => e.source.line === 33)?.summary).toMatch(
      /^cabotage\/cabotage-app:v3\.0\.0b35 and/,
    );
    expect(at(events, 36)).toBe('2024-06-28T11:09:00Z');
    expect(at(events, 40)).toBe('2024-06-28T11:26:00Z');
  });

  it('reports a day written as "2023-MM-DD[^1]:" as a line it cannot date, never guessing it (pypi 2024-07-08)', async () => {
    const { skipped } = await pypi('2024-07-08-incident-report-leaked-admin-personal-access-token.md');
    expect(skipped.map((p) => [p.line, p.message])).toEqual([
      [23, "cannot read time '2023-MM-DD'"],
      [27, "cannot read time '2023-MM-DD'"],
      [30, "cannot read time '2023-MM-DD'"],
    ]);
  });

  it("never puts a day written without a year after the front matter's publication date", async () => {
    const read = async (text: string) =>
      (await readWith(markdownTimeline, excerpt('post.md', text))).events.map((e) => iso(e.ts));
    const days = (date: string, headings: string[]) =>
      `---\ndate: ${date}\n---\n\n## Timeline\n\n${headings.map((h) => `### ${h}\n\nSomething happened.\n`).join('\n')}`;
    expect(await read(days('2026-09-08', ['September 20']))).toEqual(['2025-09-20T00:00:00Z']);
    expect(await read(days('2026-01-05', ['December 28', 'January 2']))).toEqual([
      '2025-12-28T00:00:00Z',
      '2026-01-02T00:00:00Z',
    ]);
  });

  it('reads a timeline section told in prose, each paragraph opening with its day, when it has no timed line (pypi 2025-09-16)', async () => {
    const { events } = await pypi('2025-09-16-github-actions-token-exfiltration.md');
    expect(events.map((e) => [e.source.line, iso(e.ts)])).toEqual([
      [31, '2025-09-05T00:00:00Z'],
      [37, '2025-09-05T00:00:00Z'],
      // A new day told inside a paragraph begins its entry on the line that tells it.
      [40, '2025-09-10T00:00:00Z'],
      [53, '2025-09-15T00:00:00Z'],
    ]);
    expect(events[1].summary).toMatch(/^another researcher from GitGuardian emailed PyPI Security directly/);
    expect(events[2].summary).toMatch(
      /^delaying response until September 10th when I became aware .* Spam folder\.$/,
    );
    // Beside a timed table, a narrative "On Thursday 05 December 2019, we started …" is not an entry.
    const table = await readWith(
      markdownTimeline,
      collection('dfds__postmortems', 'PM2019-009 - Kubernetes network infrastructure IP starvation.md'),
    );
    expect(at(table.events, 17)).toBeNull();
    expect(at(table.events, 22)).toBeNull();
  });

  it('keeps a day heading or a day line followed by timed lines as the day only, not an entry of its own', async () => {
    const { events } = await pypi('2025-07-31-incident-report-phishing-attack.md');
    expect(at(events, 115)).toBeNull();
    expect(at(events, 116)).toBe('2025-07-26T17:14:00Z');
    const path = excerpt(
      't.md',
      '## Timeline\n\n- **2022-06-13**\n  - 10:00 deploy\n\n### October 21, 2025 - Redis Overload\n\n**Duration:** 21:45 to 23:28 UTC\n',
    );
    const { events: lines } = await readWith(markdownTimeline, path);
    expect(lines.map((e) => [e.source.line, iso(e.ts)])).toEqual([[4, '2022-06-13T10:00:00Z']]);
  });
});

describe('day lines over untimed items, inline breaks, and a lead that tells the day', () => {
  it('reads each untimed item under a day line as an entry at the start of that day, in the stated IANA zone (Envoy CVE-2019-9900)', async () => {
    const { events } = await readWith(markdownTimeline, collection('envoyproxy__envoy', 'cve-2019-9900.md'));
    // "All times US/Pacific": before daylight saving began on 10 March, after it, and a timed item.
    expect(at(events, 233)).toBe('2019-02-18T08:00:00Z');
    expect(at(events, 271)).toBe('2019-03-20T07:00:00Z');
    expect(at(events, 272)).toBe('2019-03-20T07:00:00Z');
    expect(at(events, 277)).toBe('2019-03-22T18:20:00Z');
    // The day line itself is no entry once its items are.
    expect(at(events, 232)).toBeNull();
    expect(at(events, 270)).toBeNull();
  });

  it('keeps items nested under an untimed item as its text, and the day line with a paragraph below as one entry', async () => {
    const path = excerpt(
      't.md',
      '## Timeline\n\n2024-03-01:\n* Fix drafted.\n  * reviewed by two\n* Fix shipped.\n\n2024-03-02:\n\nThe release went out.\n',
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts), e.summary, e.details])).toEqual([
      [4, '2024-03-01T00:00:00Z', 'Fix drafted.', ['reviewed by two']],
      [6, '2024-03-01T00:00:00Z', 'Fix shipped.', []],
      [8, '2024-03-02T00:00:00Z', 'The release went out.', []],
    ]);
  });

  it('keeps a list below text written under the day as that text (Flutter Gradle failures, 2019-09-18)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('flutter__flutter', 'Postmortem-Widespread-Gradle-failures-on-Flutter-v1.12.13-hotfix.5.md'),
    );
    // "The change lands with a test that:" over "1. Creates a new ios-only flutter plugin …".
    for (const line of [38, 39, 40, 41]) expect(at(events, line)).toBeNull();
    expect(at(events, 29)).toBe('2019-09-18T07:00:00Z');
  });

  it('reads entries separated by HTML line breaks in one wrapped paragraph, each at the line its time is on (Flutter 2023-08-26)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('flutter__flutter', 'Postmortem-flutter.dev-outage-on-August-26-2023.md'),
    );
    const onLine = (line: number) => events.filter((e) => e.source.line === line).map((e) => iso(e.ts));
    // "(Internal ID 560528920.)<br> 21:14 - DNS configuration changes take effect. 80%"
    expect(onLine(25)).toEqual(['2023-08-26T04:14:00Z']);
    expect(events.find((e) => e.source.line === 25)?.summary).toMatch(
      /^DNS configuration changes take effect\. 80% of IPs/,
    );
    expect(onLine(37)).toEqual(['2023-08-26T11:27:00Z', '2023-08-26T12:07:00Z']);
    expect(onLine(43)).toEqual(['2023-08-26T19:55:00Z']);
  });

  it('reads character references as the rendered text (Flutter 2016-11-08: "&lt;START OF OUTAGE&gt;")', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('flutter__flutter', 'Postmortem-Build-Breakage-on-2016-11-08.md'),
    );
    expect(events.find((e) => e.source.line === 26)?.summary).toMatch(/pushed to pub <START OF OUTAGE>$/);
    expect(events.find((e) => e.source.line === 32)?.summary).toContain('he’s facing');
  });

  it('keeps the indent of a nested item whose text goes on after an HTML break', async () => {
    const path = excerpt(
      't.md',
      '## Timeline\n\n- 10:00 deploy starts\n  - canary fails<br>rollback begins\n- 10:20 all clear\n',
    );
    const { events } = await readWith(markdownTimeline, path, { date: '2024-01-01' });
    expect(events.map((e) => [e.source.line, e.summary, e.details])).toEqual([
      [3, 'deploy starts', ['canary fails rollback begins']],
      [5, 'all clear', []],
    ]);
  });

  it('keeps an HTML break inside a table cell as part of the row', async () => {
    const path = excerpt(
      't.md',
      '## Timeline\n\n| Time | Event |\n| --- | --- |\n| 10:00 | Deploy<br>12:00 rollback |\n',
    );
    const { events } = await readWith(markdownTimeline, path, { date: '2024-01-01' });
    expect(events.map((e) => [e.source.line, iso(e.ts)])).toEqual([[5, '2024-01-01T10:00:00Z']]);
  });

  it('dates the times by the day the lead tells of, not the later day in the file name (datahub 2017-02-24)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('berkeley-dsep-infra__datahub', '2017-02-24-proxy-death-incident.md'),
    );
    // "On the evening of Feb 23, …"; "All times in PST".
    expect(at(events, 11)).toBe('2017-02-24T05:10:57Z');
  });
  it('keeps the times below a row known only to an earlier day on the day the title gives (chipi 2026-08-05)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('chipi__podcast_scraper', 'INCIDENT-2026-08-05-prod-disk-image-pileup.md'),
    );
    // "| 2026-08-04 | Tailscale OAuth rotation performed; …", then "| ~16:00z | Agent flags …".
    expect(at(events, 45)).toBe('2026-08-04T00:00:00Z');
    expect(at(events, 47)).toBe('2026-08-05T16:00:00Z');
    expect(at(events, 58)).toBe('2026-08-05T16:32:00Z');
  });

  it('still carries such a day to the times below it where front matter gives only the publication day', async () => {
    const path = excerpt(
      'post.md',
      '---\ndate: 2024-03-09\n---\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2024-03-07 | Release 4.2 shipped |\n| 10:15 | Errors rise |\n',
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(at(events, 9)).toBe('2024-03-07T10:15:00Z');
  });
});

describe('hostile documents', () => {
  it('reads long lines of spaces, marks and digits in linear time', async () => {
    const n = 100_000;
    const text = [
      `## a${' '.repeat(n)}b`,
      `**${'1:'.repeat(n / 2)}`,
      `- ~${' '.repeat(n)}x`,
      `${'12:00 '.repeat(n / 6)}`,
      `All times ${'IST '.repeat(n / 4)}`,
      `- ${'`'.repeat(n)}`,
      `* ${'[12-05 '.repeat(n / 7)}`,
      `- 2022-02-02 ${'1625'.repeat(n / 4)}`,
      `_All times in ${'EEST_'.repeat(n / 5)}`,
    ].join('\n');
    const started = performance.now();
    await readWith(markdownTimeline, excerpt('hostile.md', text), { date: '2024-01-01' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reads prose timelines, part-of-day leads and tables of days in linear time', async () => {
    const n = 100_000;
    const text = [
      '## Timeline',
      '',
      `On January 2nd, ${'on on until by '.repeat(n / 15)}`,
      `${'since 2024-01-0 '.repeat(n / 16)}`,
      `${'Early morning '.repeat(n / 14)}`,
    ].join('\n');
    const table = [
      '## Timeline',
      '',
      '| Date | Event |',
      '| --- | --- |',
      ...Array.from({ length: 5000 }, () => '| 2024-01-03 | a row |'),
    ].join('\n');
    const started = performance.now();
    const prose = await readWith(markdownTimeline, excerpt('hostile-prose.md', text), { date: '2024-01-01' });
    const rows = await readWith(markdownTimeline, excerpt('hostile-table.md', table), { date: '2024-01-01' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(prose.events.length).toBeGreaterThan(0);
    expect(rows.events).toHaveLength(5000);
  });

  it('reads a line of thousands of HTML breaks in linear time', async () => {
    const n = 100_000;
    const text = [`2024-01-01:${'<br> 10:00 x'.repeat(n / 12)}`, `* ${'<br'.repeat(n / 3)}`].join('\n');
    const started = performance.now();
    const { events } = await readWith(markdownTimeline, excerpt('breaks.md', text), { date: '2024-01-01' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(events).toHaveLength(Math.floor(n / 12));
  });

  it('reads a paragraph wrapped over twenty thousand lines in linear time, as one text', async () => {
    const n = 20_000;
    const text = ['## Timeline', '', '### 14:05', '', ...Array.from({ length: n }, () => 'word **x')].join(
      '\n',
    );
    const started = performance.now();
    const { events } = await readWith(markdownTimeline, excerpt('wrapped.md', text), { date: '2024-01-01' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(events).toHaveLength(1);
    expect(events[0].summary.length).toBeGreaterThan(n * 4);
  });
});

describe('zones stated in words', () => {
  const read = (text: string, manifest = {}) => readWith(markdownTimeline, excerpt('t.md', text), manifest);

  it('reads "times are PST (UTC-7)" in June as UTC-7', async () => {
    const { events, problems } = await read('## Timeline\nAll times are PST (UTC-7).\n- 10:00 alert\n', {
      date: '2024-06-03',
    });
    expect(iso(events[0].ts)).toBe('2024-06-03T17:00:00Z');
    expect(problems).toEqual([]);
  });

  it('holds an offset stated with the zone, "All times in PDT (UTC-7)", as written for a day in winter too (test-infra 2019-03-26)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('kubernetes__test-infra', '2019-03-26.md'),
    );
    expect(at(events, 74)).toBe('2018-12-05T23:21:00Z');
    expect(at(events, 75)).toBe('2019-03-20T23:46:00Z');
  });

  it('lets a stated offset that disagrees with its abbreviation win, with a note', async () => {
    const { events, problems } = await read('## Timeline\nAll times are PST (UTC-7).\n- 10:00 alert\n', {
      date: '2024-01-15',
    });
    expect(iso(events[0].ts)).toBe('2024-01-15T17:00:00Z');
    expect(problems[0].message).toMatch(/PST is UTC-8 .* UTC-7 is stated/);
  });

  it('reads GMT+2, IANA names and CEST as stated', async () => {
    const day = { date: '2024-07-01' };
    expect(iso((await read('Times in GMT+2\n\n- 10:00 a\n- 10:05 b\n', day)).events[0].ts)).toBe(
      '2024-07-01T08:00:00Z',
    );
    expect(iso((await read('All times Asia/Kolkata\n\n- 10:00 a\n- 10:05 b\n', day)).events[0].ts)).toBe(
      '2024-07-01T04:30:00Z',
    );
    expect(iso((await read('All times in CEST\n\n- 10:00 a\n- 10:05 b\n', day)).events[0].ts)).toBe(
      '2024-07-01T08:00:00Z',
    );
  });

  it('uses the manifest timezone when the document states none', async () => {
    const { events } = await read('- 10:00 a\n- 10:05 b\n', {
      date: '2024-07-01',
      timezone: 'America/New_York',
    });
    expect(iso(events[0].ts)).toBe('2024-07-01T14:00:00Z');
  });

  it('settles IST by a stated offset or the manifest, and otherwise reads its most common place and reports it', async () => {
    const offset = await read('All times IST (UTC+5:30)\n\n- 10:00 a\n- 10:05 b\n', { date: '2024-07-01' });
    expect(iso(offset.events[0].ts)).toBe('2024-07-01T04:30:00Z');
    const manifest = await read('All times IST\n\n- 10:00 a\n- 10:05 b\n', {
      date: '2024-07-01',
      timezone: 'Europe/Dublin',
    });
    expect(iso(manifest.events[0].ts)).toBe('2024-07-01T09:00:00Z');
    const unsettled = await read('All times IST\n\n- 10:00 a\n- 10:05 b\n', { date: '2024-07-01' });
    expect(iso(unsettled.events[0].ts)).toBe('2024-07-01T04:30:00Z');
    expect(unsettled.problems[0]).toMatchObject({ line: 1 });
    expect(unsettled.problems[0].message).toMatch(/IST names several zones .*read as Asia\/Kolkata/);
  });

  it('reads "Timeline (times in BST)" as British Summer Time when nothing else settles it (2i2c 2025-08-12)', async () => {
    const { events, problems } = await readWith(
      markdownTimeline,
      collection('2i2c-org__incident-reports', '2025-08-12-leap-outage.md'),
    );
    expect(at(events, 25)).toBe('2025-08-12T16:00:00Z');
    expect(problems.some((p) => /BST names several zones/.test(p.message))).toBe(true);
  });

  it('reads a time restated in brackets in another zone, "13:14 EDT (17:14 UTC)", and lets the UTC one win when they disagree (pypi 2025-07-31)', async () => {
    const { events, problems } = await readWith(
      markdownTimeline,
      collection('pypi__warehouse', '2025-07-31-incident-report-phishing-attack.md'),
    );
    expect(events).toHaveLength(20);
    expect(at(events, 123)).toBe('2025-07-27T00:07:00Z');
    expect(at(events, 126)).toBe('2025-07-27T10:34:00Z');
    expect(problems).toEqual([]);
    const disagreeing = await read('## Timeline\n\n- 13:14 EDT (17:20 UTC): a user emails\n', {
      date: '2025-07-26',
    });
    expect(iso(disagreeing.events[0].ts)).toBe('2025-07-26T17:20:00Z');
    expect(disagreeing.problems[0].message).toBe(
      "'13:14 EDT' and '17:20 UTC' name different moments; read as 17:20 UTC",
    );
  });

  it('reads the lines that name no zone in the zone all the others name, unless the manifest gives one', async () => {
    const text = '## Timeline\n\n- 2024-01-10 09:00 PST: deploy\n- 2024-01-10 09:30: errors\n';
    expect((await read(text)).events.map((e) => iso(e.ts))).toEqual([
      '2024-01-10T17:00:00Z',
      '2024-01-10T17:30:00Z',
    ]);
    const manifest = await read(text, { timezone: 'UTC' });
    expect(manifest.events.map((e) => iso(e.ts))).toEqual(['2024-01-10T17:00:00Z', '2024-01-10T09:30:00Z']);
    const mixed = await read(
      '## Timeline\n\n- 2024-01-10 09:00 PST: deploy\n- 2024-01-10 09:30 UTC: errors\n- 2024-01-10 09:40: paged\n',
    );
    expect(iso(mixed.events[2].ts)).toBe('2024-01-10T09:40:00Z');
  });

  it('reads a region named after the time ("Eastern", "Pacific Time") as its local time, daylight saving honoured', async () => {
    const { events } = await read(
      '## Timeline\n\n- 2024-01-10 7:09 AM Eastern: winter\n- 2024-06-28 7:09 AM Eastern: summer\n- 2024-06-28 9:00 AM Pacific Time: west\n',
    );
    expect(events.map((e) => iso(e.ts))).toEqual([
      '2024-01-10T12:09:00Z',
      '2024-06-28T11:09:00Z',
      '2024-06-28T16:00:00Z',
    ]);
  });

  it('settles CST by the other zones the document names', async () => {
    const { events } = await read('All times CST\n\n- 10:00 a (09:00 MDT in Denver)\n- 10:05 b\n', {
      date: '2024-07-01',
    });
    expect(iso(events[0].ts)).toBe('2024-07-01T15:00:00Z');
  });
});

describe('days written as a table column, a part of the day, a zone note, a template year', () => {
  it('reads a timeline table dated by days alone, each row at the start of its day (etcd v3.5 data inconsistency)', async () => {
    const path = excerpt(
      'v3.5-data-inconsistency.md',
      [
        '# v3.5 data inconsistency postmortem',
        '',
        '## Timeline',
        '',
        '| Date       | Event                                                              |',
        '| ---------- | ------------------------------------------------------------------ |',
        '| 2021-05-08 | Pull request that caused data corruption was merged - https://x/1 |',
        '| 2021-06-16 | Release v3.5.0 with data corruption was published - https://x/2   |',
        '',
        '## Action items',
        '',
        '| Due        | Action                       |',
        '| ---------- | ---------------------------- |',
        '| 2022-05-01 | Add corruption checks        |',
      ].join('\n'),
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts), e.attrs?.dayOnly])).toEqual([
      [7, '2021-05-08T00:00:00Z', true],
      [8, '2021-06-16T00:00:00Z', true],
    ]);
    expect(events[0].summary).toMatch(/^Pull request that caused data corruption was merged/);
  });

  it('reads "Early morning July 12th, 2018" as that day, approximate (ESLint 2018-07-12)', async () => {
    const path = excerpt(
      '2018-07-12-postmortem-for-malicious-package-publishes.md',
      [
        '## Timeline',
        '',
        "* **Before the incident**: The attacker presumably found the maintainer's reused email and password.",
        "* **Early morning July 12th, 2018**: The attacker generated an authentication token in the maintainer's npm account.",
        '* **2018-07-12 9:49 UTC**: The attacker used the generated authentication token to publish a package.',
      ].join('\n'),
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts)])).toEqual([
      [4, '2018-07-12T00:00:00Z'],
      [5, '2018-07-12T09:49:00Z'],
    ]);
    expect(events[0].attrs?.approximate).toBe(true);
    expect(events[0].summary).toMatch(/^The attacker generated/);
  });

  it('reads a day line that also states the zone, "2019-09-23 **(all times in UTC-5)**", as the day of the items below (Carbon 2019-10-07)', async () => {
    const path = excerpt(
      '2019-10-07-content-switcher-breaking-change.md',
      [
        '## Timeline',
        '',
        '2019-09-23 **(all times in UTC-5)**',
        '',
        '- 09:00 @justindm234 reported the breaking change as an issue on the Carbon',
        '  monorepo',
        '',
        '2019-10-04',
        '',
        '- 06:27 A community on #carbon-react reached out',
      ].join('\n'),
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts)])).toEqual([
      [5, '2019-09-23T14:00:00Z'],
      [10, '2019-10-04T11:27:00Z'],
    ]);
  });

  it('keeps a day line whose text only mentions a zone as an entry of that day', async () => {
    const path = excerpt(
      't.md',
      '## Timeline\n\n2019-09-23 - Moved the cluster to the Europe/Paris time zone after a long review\n\n- 09:00 deploy\n',
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => e.source.line)).toEqual([3, 5]);
  });

  it("reads a day line's year left from a template (2015-08-15 in a report dated 2019-08-15) as the report's year, with a note (Carbon 2019-08-15)", async () => {
    const path = excerpt(
      '2019-08-15-icons-angular.md',
      [
        '---',
        'date: 2019-08-15',
        '---',
        '',
        '## Timeline',
        '',
        '2015-08-15 **(all times in UTC)**',
        '',
        '- 17:50: @cal-smith initially reached out on Slack reporting the broken icon build',
      ].join('\n'),
    );
    const { events, problems } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts)])).toEqual([[9, '2019-08-15T17:50:00Z']]);
    expect(problems.find((p) => p.line === 7)?.message).toContain('read as 2019-08-15');
    // Another day in another year is the day written.
    const other = excerpt(
      '2019-08-15-x.md',
      '---\ndate: 2019-08-15\n---\n\n## Timeline\n\n2018-08-14\n\n- 17:50: a deploy\n',
    );
    const read = await readWith(markdownTimeline, other);
    expect(read.events.map((e) => iso(e.ts))).toEqual(['2018-08-14T17:50:00Z']);
  });
});

describe('a time that runs back with no new day', () => {
  it('leaves undated, and reports, times that run back more than an hour below the latest of their day when the day never returns to it (Carbon 2019-10-07)', async () => {
    const path = excerpt(
      '2019-10-07-content-switcher-breaking-change.md',
      [
        '## Timeline',
        '',
        '2019-10-04',
        '',
        '- 06:27 A community on #carbon-react reached out about a breaking change',
        '- 13:06 @joshblack shared an internal poll on whether to revert the breaking change',
        '- 05:00 @joshblack opened a PR to revert the breaking change identified in the',
        '  issue thread. It was not merged as we wanted to verify the fix',
        '',
        '2019-10-07',
        '',
        '- 08:16 A community member on #carbon-react reached out about a focus-related bug',
        '- 04:00 @joshblack confirmed the bug and decided to open a PR that reverted it',
      ].join('\n'),
    );
    const { events, skipped } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts)])).toEqual([
      [5, '2019-10-04T06:27:00Z'],
      [6, '2019-10-04T13:06:00Z'],
      [12, '2019-10-07T08:16:00Z'],
    ]);
    expect(skipped.map((p) => p.line)).toEqual([7, 13]);
    expect(skipped[0].message).toContain("'05:00' runs back more than an hour below 13:06 (line 6)");
  });

  it('reads the same under time headings (datahub 2018-01-26: 15:00, 15:15, 15:33, then 13:40 and 13:50)', async () => {
    const path = excerpt(
      '2018-01-26-hub-slow-startup.md',
      '## Timeline\n\n### 15:00\n\nThe chart is upgraded.\n\n### 15:15\n\nhelm times out.\n\n### 15:33\n\nThe hub is slow.\n\n### 13:40\n\nIt is decided to delete users.\n\n### 13:50\n\nA command is run.\n',
    );
    const { events, skipped } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts)])).toEqual([
      [3, '2018-01-26T15:00:00Z'],
      [7, '2018-01-26T15:15:00Z'],
      [11, '2018-01-26T15:33:00Z'],
    ]);
    expect(skipped.map((p) => p.line)).toEqual([15, 19]);
  });

  it('leaves undated the few times above the run written after them, when those keep their order (volume 2026-01-16)', async () => {
    const path = excerpt(
      '2026-01-16-stripe-env-vars.md',
      [
        '**Date:** 2026-01-16',
        '',
        '## Timeline',
        '',
        '| Time (CST) | Event |',
        '|------------|-------|',
        '| ~14:53 | Stripe subscription feature merged |',
        '| ~21:00 | User reports "subscribe button" errors in production |',
        '| ~21:07 | Vercel logs show a Stripe API error |',
        '| 15:24 | `customer_creation` fix committed |',
        '| 15:54 | Race condition fix committed |',
        '| ~16:00 | Env vars set on production |',
      ].join('\n'),
    );
    const { events, skipped } = await readWith(markdownTimeline, path);
    expect(events.map((e) => e.source.line)).toEqual([7, 10, 11, 12]);
    expect(skipped.map((p) => p.line)).toEqual([8, 9]);
    expect(skipped[0].message).toContain("'21:00' runs more than an hour above the 3 times written after it");
  });

  it('keeps a time out of order as written when a later time returns to the latest, or when it runs back by minutes', async () => {
    const path = excerpt(
      '2022-01-20-x.md',
      [
        '## Timeline',
        '',
        '- 22:40 The employee logged out',
        '- 21:06 The team observed the suspension',
        '- 22:50 The team called the admin',
        '- 10:20 An admin responds',
        '',
        '### Later',
        '',
        '- 14:46 An admin responds',
        '- 14:44 Admins discuss options',
      ].join('\n'),
    );
    const { events, skipped, problems } = await readWith(markdownTimeline, path);
    expect(skipped).toEqual([]);
    expect(events.map((e) => e.source.line)).toEqual([3, 4, 5, 6, 10, 11]);
    expect(problems.find((p) => p.line === 4)?.message).toContain('listed after a later entry (line 3)');
    // 10:20 after 22:50 runs back more than twelve hours: past midnight, the next day.
    expect(iso(events[3].ts)).toBe('2022-01-21T10:20:00Z');
    expect(problems.find((p) => p.line === 11)?.message).toContain('listed after a later entry');
  });
});

describe('untimed items of a day list after a timed one', () => {
  it("reads an untimed item after a timed item under a day line as an entry at the day's start, with no note on its order (Envoy CVE-2019-15225)", async () => {
    const path = excerpt(
      'cve-2019-15225.md',
      [
        '## Timeline',
        '',
        'All times US/Pacific.',
        '',
        '2019-10-08:',
        '* [CVE-2019-15226] Some last minute patch fixup to have staged branches pass on CI. Patches',
        '  scheduled for public release.',
        '* 11:20 AM v1.11.2 pushed',
        '  * built by CI',
        '* [CVE-2019-15226] CVE updated on publication',
      ].join('\n'),
    );
    const { events, problems } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, iso(e.ts)])).toEqual([
      [6, '2019-10-08T07:00:00Z'],
      [8, '2019-10-08T18:20:00Z'],
      [10, '2019-10-08T07:00:00Z'],
    ]);
    // The item nested under the timed one is its text.
    expect(events[1].details).toEqual(['built by CI']);
    expect(problems.filter((p) => p.line === 10)).toEqual([]);
  });

  it('keeps untimed items after a timed item as its text where no day line heads the list', async () => {
    const path = excerpt(
      '2019-10-08-release.md',
      '## Timeline\n\n- 11:20 v1.11.2 pushed\n- verified by CI\n',
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => e.source.line)).toEqual([3]);
  });
});

describe('a day told inside a paragraph of a prose timeline', () => {
  it('begins no entry for the day the paragraph already tells of, nor outside a timeline told in prose', async () => {
    const prose = excerpt(
      '2025-09-16-x.md',
      [
        '## Timeline and Response',
        '',
        'On September 5th, a researcher reported a malicious workflow,',
        'and by September 5th evening the tokens were invalidated.',
        '',
        'We released version 1.2 on the same day.',
      ].join('\n'),
    );
    const { events } = await readWith(markdownTimeline, prose);
    expect(events.map((e) => e.source.line)).toEqual([3]);
    const timed = excerpt(
      '2025-09-16-y.md',
      '## Timeline\n\n- 10:00 A researcher reported a workflow\n\nThe same attack was seen before,\nuntil September 10th nobody noticed.\n',
    );
    const read = await readWith(markdownTimeline, timed);
    expect(read.events.map((e) => e.source.line)).toEqual([3]);
  });

  it('reads rows whose time cell is a day alone (`05-12`, `05-12 → 13`) at the start of that day, beside rows with times (kensan-lab vault-oidc)', async () => {
    const { events, skipped } = await readWith(
      markdownTimeline,
      collection('yu-min3__kensan-lab', '2026-06-06-vault-oidc-credential-drift.md'),
    );
    expect(at(events, 29)).toBe('2026-05-12T00:00:00Z');
    expect(at(events, 30)).toBe('2026-05-12T23:21:00Z');
    expect(at(events, 31)).toBe('2026-05-12T00:00:00Z');
    expect(at(events, 33)).toBe('2026-06-06T00:00:00Z');
    expect(skipped.map((s) => s.line)).not.toContain(33);
  });

  it('reads a status page\'s updates stamped at their end in ISO form ({{< track "2018-08-01T12:08:53.000Z" >}}), each update whole, below TOML front matter (agrc corrupt-raster-mosaics)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('agrc__status-page', 'corrupt-raster-mosaics.md'),
    );
    expect(events.map((e) => e.source.line)).not.toContain(1); // the front matter is no entry
    expect(at(events, 10)).toBe('2018-07-31T14:08:53Z'); // the opening notice, at the post's time
    expect(at(events, 16)).toBe('2018-08-01T12:08:53Z');
    expect(events.find((e) => e.source.line === 16)?.summary).toMatch(
      /^NAIP 2011 is back online\. NAIP 2016 is stopped/,
    );
    expect(at(events, 22)).toBe('2018-08-02T07:55:53Z');
  });

  it("reads an update's day written without a year just past the day the post is dated as the same year ('Wed Oct 12' in a post of October 11, packit)", async () => {
    const { events } = await readWith(markdownTimeline, collection('packit__status', '2022-10-11-outage.md'));
    expect(at(events, 13)).toBe('2022-10-11T11:57:00Z');
    expect(at(events, 21)).toBe('2022-10-11T12:24:02Z');
    expect(at(events, 25)).toBe('2022-10-12T05:27:46Z');
  });
});

describe('a day written after the times pass midnight', () => {
  it('places the times before the first day written on the day before it, when they run past it from the evening (chipi INCIDENT-2026-08-04)', async () => {
    const { events, problems } = await readWith(
      markdownTimeline,
      collection('chipi__podcast_scraper', 'INCIDENT-2026-08-04-dgx-diarization-oom-lock.md'),
    );
    // "| Date | 2026-08-04 (onset 2026-08-03 23:35 UTC) |", then "~23:28–23:32", "23:35 → 23:37" …
    expect(at(events, 34)).toBe('2026-08-03T23:28:00Z');
    expect(at(events, 35)).toBe('2026-08-03T23:35:00Z');
    expect(at(events, 39)).toBe('2026-08-03T23:50:00Z');
    // "**00:20 (08-04)**": the day the document is dated, written after midnight.
    expect(at(events, 40)).toBe('2026-08-04T00:20:00Z');
    expect(at(events, 41)).toBe('2026-08-04T07:05:00Z');
    expect(problems.find((p) => p.line === 40)?.message).toContain('are on the day before');
    expect(problems.filter((p) => p.line === 40).map((p) => p.message)).toHaveLength(1);
  });

  it('keeps the base day when the times before the day written do not pass midnight: a line out of order', async () => {
    const path = excerpt(
      'out-of-order.md',
      [
        '---',
        'date: 2026-08-04',
        '---',
        '## Timeline',
        '',
        '- 01:00 Disk fills',
        '- 02:00 Alert fires',
        '- 00:20 (08-04) Backup job starts',
      ].join('\n'),
    );
    const { events, problems } = await readWith(markdownTimeline, path);
    expect(at(events, 6)).toBe('2026-08-04T01:00:00Z');
    expect(at(events, 8)).toBe('2026-08-04T00:20:00Z');
    expect(problems.find((p) => p.line === 8)?.message).toContain('listed after a later entry');
  });
});

describe('a day of the month alone, where the heading states the month', () => {
  it('reads `21 22:36` under "Timeline (CEST, all 2026-09 unless noted)" as 21 September (memphis 2026-09-22)', async () => {
    const { events, skipped } = await readWith(
      markdownTimeline,
      collection('Memphis-Chains__memphis', '2026-09-22-chains-halt-invalid-block-shape.md'),
    );
    expect(skipped.filter((s) => (s.line ?? 0) >= 34 && (s.line ?? 0) <= 47)).toEqual([]);
    expect(at(events, 34)).toBe('2026-09-21T20:36:00Z'); // "**21 22:36**" in CEST
    expect(at(events, 43)).toBe('2026-09-22T07:44:08Z'); // "**22 09:44:08**"
    expect(at(events, 47)).toBe('2026-09-22T10:11:00Z');
  });

  it('reads no day from a number before a time where no month is stated', async () => {
    const path = excerpt(
      'no-month.md',
      [
        '---',
        'date: 2026-09-21',
        '---',
        '## Timeline',
        '',
        '| Time | Event |',
        '|---|---|',
        '| 21 22:36 | Mode change |',
      ].join('\n'),
    );
    const { events, skipped } = await readWith(markdownTimeline, path);
    expect(events).toEqual([]);
    expect(skipped[0]?.message).toContain("cannot read time '21 22:36'");
  });
});

describe('a day line whose month is misspelt', () => {
  it('reads "Friday 15th Feburary" as the day of the times below it (elife-xpub 2019-02-18)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('elifesciences__elife-xpub', '2019-02-18-file-upload.md'),
    );
    expect(at(events, 18)).toBe('2019-02-15T14:21:00Z'); // "14:21: the original change was merged"
    expect(at(events, 32)).toBe('2019-02-15T15:19:00Z');
    expect(at(events, 41)).toBe('2019-02-18T09:21:00Z'); // under "Monday 18th February"
  });
});

describe('a post written in HTML under a metadata header without fences', () => {
  it('reads the "UPDATE 7 May 19:27 UTC" paragraphs of a live incident log as entries, its header as no entry (apache mail_outage)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('apache__infrastructure-website', 'mail_outage.md'),
    );
    // `layout: post` … `date: '2014-05-07T14:48:16+00:00'` is the post's header, not a line of its story.
    expect(events.some((e) => (e.source.line ?? 0) <= 5)).toBe(false);
    expect(at(events, 11)).toBe('2014-05-07T19:27:00Z');
    expect(at(events, 14)).toBe('2014-05-08T05:00:00Z');
    expect(at(events, 19)).toBe('2014-05-10T21:55:00Z');
    const update = events.find((e) => e.source.line === 19);
    expect(update?.summary).toMatch(/^UPDATE 10 May 21:55 UTC - The floodgates have been opened\./);
    expect(update?.summary).not.toMatch(/<|&nbsp;/);
  });

  it("reads a post told on one HTML line on the day its sentences name, not its heading's (apache email-service 2022)", async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('apache__infrastructure-website', 'email-service-interruption-and-restoration.md'),
    );
    // "<p><b>July 13, 2022</b></p>…At around 09:11 UTC on Tuesday, July 12th 2022, the primary mailing list server …"
    const broke = events.find((e) => e.summary.startsWith('the primary mailing list server'));
    expect(broke && iso(broke.ts)).toBe('2022-07-12T09:11:00Z');
    expect(broke?.source.line).toBe(7);
  });

  it('reads an HTML paragraph the source wraps over several lines as one paragraph', async () => {
    const path = excerpt(
      'report.md',
      [
        '<p>A short overview of what happened on Friday August 28 2009.</p><p> On August 27th, starting at',
        'about 18:00 UTC an account was used to upload files',
        'to the host.</p><p>At about 07:45 UTC on August 28th we noticed rogue processes.</p>',
      ].join('\n'),
    );
    const { events } = await readWith(markdownTimeline, path);
    // The wrapped line "about 18:00 UTC an account …" is no entry of its own: its sentence starts on line 1.
    expect(events.some((e) => e.source.line === 2)).toBe(false);
    expect(events.find((e) => e.source.line === 3)?.summary).toMatch(/we noticed rogue processes/);
  });

  it('reads a timeline whose times are written with a dot ("10.42:") (govau cloud.gov.au 2016-02-11)', async () => {
    const { events } = await readWith(markdownTimeline, collection('govau__cloud.gov.au', '2016-02-11.md'));
    expect(at(events, 15)).toBe('2016-02-11T10:42:00Z');
    expect(at(events, 16)).toBe('2016-02-11T10:46:00Z');
    expect(at(events, 17)).toBe('2016-02-11T10:56:00Z');
  });
});

describe('a review told in sections of prose', () => {
  it('reads the times its sentences name, not only the day a "What happened?" sentence names', async () => {
    // The shape of a cloud provider's post-incident review: questions as headings, answers in prose.
    const path = excerpt(
      'pir.md',
      [
        '# Post Incident Review – Storage – failures in West Europe',
        '',
        '## What happened?',
        '',
        'Between 23:19 UTC on 07 February 2024 and 04:10 UTC on 08 February 2024, a subset of customers saw intermittent failures.',
        '',
        '## How did we respond?',
        '',
        'Our monitoring detected the failures at 23:24 UTC. We began rolling back the change at 01:05 UTC. By 04:10 UTC all services had fully recovered.',
        '',
      ].join('\n'),
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => new Date(e.ts).toISOString().slice(0, 16))).toEqual([
      '2024-02-07T23:19',
      '2024-02-07T23:24',
      '2024-02-08T01:05',
      '2024-02-08T04:10',
    ]);
    expect(events.some((e) => e.attrs?.dayOnly)).toBe(false);
  });
});

describe('timeline items that cannot be dated', () => {
  it('reports each item beside timed ones that carries no time, with its line (milesburton/veta-trading-platform 2026-08-24)', async () => {
    const { events, skipped } = await readWith(
      markdownTimeline,
      collection('milesburton__veta-trading-platform', '2026-08-24-user-service-pool-wedge.md'),
    );
    expect(events.map((e) => e.source.line)).toEqual([7, 8, 14]);
    expect(skipped.map((p) => p.line)).toEqual([9, 10, 11, 12, 13]);
    expect(skipped[0].message).toContain("timeline item has no time of day: 'Investigation ruled out");
  });

  it('reports each paragraph between timed paragraphs that carries no time, with its line (elifesciences/elife-xpub 2019-03-11)', async () => {
    const { events, skipped } = await readWith(
      markdownTimeline,
      collection('elifesciences__elife-xpub', '2019-03-11-login-failure.md'),
    );
    const untimed = skipped.filter((p) => p.message.startsWith('timeline item has no time of day'));
    // "Peter tries to log in into prod, he can't" between "~08:15 …" and "09:01 …"; not the
    // paragraph after the last timed one (line 105), which ends the story.
    expect(untimed.map((p) => p.line)).toEqual([17, 19, 29, 37, 47, 51, 53, 57, 65, 67, 85, 93, 95, 99]);
    expect(untimed[1].message).toContain("'Peter tries to log in into prod, he can't'");
    expect(events.some((e) => untimed.some((p) => p.line === e.source.line))).toBe(false);
  });

  it('reports a timed heading whose time cannot be read, with its line, and keeps its paragraphs from the entry above', async () => {
    const path = excerpt(
      'pm.md',
      '# Outage on 2018-02-20\n\n## Timeline\n\n### 19:52\n\nLaunches recover.\n\n### 2X:XX (not sure exact time)\n\nThe pod is restarted.\n\n### 21:57\n\nAll clear.\n',
    );
    const { events, skipped } = await readWith(markdownTimeline, path);
    expect(events.map((e) => [e.source.line, e.summary, e.details])).toEqual([
      [5, 'Launches recover.', []],
      [13, 'All clear.', []],
    ]);
    expect(skipped).toEqual([{ file: 'pm.md', line: 9, message: "cannot read time '2X:XX'" }]);
  });

  it('does not take a paragraph under a heading of its own, or after the last timed one, for an undated entry', async () => {
    const path = excerpt(
      'pm.md',
      '# Outage on 2026-05-12\n\n## Timeline\n\n14:05 alert fires\n\n14:10 on-call acknowledges\n\nWe then wrote it up.\n\n### Aside\n\nA paragraph of its own.\n\n14:30 rollback done\n',
    );
    const { events, skipped } = await readWith(markdownTimeline, path);
    expect(events.map((e) => e.source.line)).toEqual([5, 7, 15]);
    expect(skipped).toEqual([]);
  });

  it('reports times it cannot read as items without a time, never guessing one', async () => {
    const path = excerpt(
      'pm.md',
      '# Outage on 2026-05-12\n\n## Timeline\n\n- ~14.05 alert fires\n- 14:10 on-call acknowledges\n- T+25m rollback finished\n- **Note:** the status page was not updated\n\nWhat we learnt:\n\n- The pool was too small.\n',
    );
    const { events, skipped } = await readWith(markdownTimeline, path);
    expect(events.map((e) => e.source.line)).toEqual([6]);
    // A remark set apart by its label, and a list after a paragraph, are no entries to date.
    expect(skipped.map((p) => p.line)).toEqual([5, 7]);
  });

  it('reports every item of a timeline in which no time can be read, rather than nothing', async () => {
    const path = excerpt(
      'pm.md',
      '# Outage on 2026-05-12\n\n## Timeline\n\n- 23h00m — replication lag alert fires\n- 23h27m — engineer removes the wrong data directory\n- later — site back online\n\n## Lessons\n\n- Backups were never tested.\n',
    );
    const { events, skipped } = await readWith(markdownTimeline, path);
    expect(events).toEqual([]);
    expect(skipped.map((p) => p.line)).toEqual([5, 6, 7]);
    expect(skipped[0].message).toContain("timeline item has no time of day: '23h00m");
  });

  it('reads a time marked "(next day)" on the day after the entries before it', async () => {
    const path = excerpt(
      'pm.md',
      '# Database outage on 2017-01-31\n\nAll times are PST.\n\n## Timeline\n\n- 3:00pm Replication lag alert fires\n- 4:10 pm Site put into maintenance mode\n- 10:14 a.m. (next day) Database restored; site back online\n- 11:00 a.m. Backups verified\n',
    );
    const { events, skipped } = await readWith(markdownTimeline, path);
    expect(skipped).toEqual([]);
    expect(events.map((e) => new Date(e.ts).toISOString().slice(0, 16))).toEqual([
      '2017-01-31T23:00',
      '2017-02-01T00:10',
      '2017-02-01T18:14',
      '2017-02-01T19:00',
    ]);
  });

  it('reads times written with a dot before a dash between spaces (a list of "HH.MM – …" items)', async () => {
    const path = excerpt(
      'pm.md',
      '# Outage on 2017-01-31\n\n## Timeline\n\n* 23.00 – Replication lag alert fires for db2\n* 23.27 – Engineer starts removing the data directory\n* 00.10 – Site put into maintenance mode\n',
    );
    const { events, skipped } = await readWith(markdownTimeline, path);
    expect(skipped).toEqual([]);
    expect(events.map((e) => new Date(e.ts).toISOString().slice(0, 16))).toEqual([
      '2017-01-31T23:00',
      '2017-01-31T23:27',
      '2017-02-01T00:10',
    ]);
  });

  it('reads times written as four digits ("1738:", "[1758](…slack…):") under a day heading, the link its text (Financial-Times/origami-image-service, MIT)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('Financial-Times__origami-image-service', '2017-02-28--AWS-S3-US-offline.md'),
    );
    expect(at(events, 19)).toBe('2017-02-28T17:38:00Z');
    expect(at(events, 21)).toBe('2017-02-28T17:58:00Z');
    expect(at(events, 29)).toBe('2017-02-28T19:40:00Z');
    expect(at(events, 43)).toBe('2017-02-28T20:58:00Z');
    const linked = events.find((e) => e.source.line === 21);
    expect(linked?.summary).toMatch(/^Jake Champion acknowledged/);
    // A list of years is no timeline of four-digit times.
    const years = excerpt(
      'history.md',
      '# History\n\n## 2019\n\n2019: we moved to Kubernetes\n\n2020: we moved to Go\n\n2021: we moved again\n',
    );
    const { events: none } = await readWith(markdownTimeline, years);
    expect(none.filter((e) => new Date(e.ts).getUTCHours() === 20)).toEqual([]);
  });

  it('dates a timeline by the first day of a range its title gives ("(2024-12-19/20)"), past midnight the next (rotkonetworks/www.rotko.net, MIT)', async () => {
    const { events } = await readWith(
      markdownTimeline,
      collection('rotkonetworks__www.rotko.net', 'network_outage_pm_241219.md'),
    );
    expect(at(events, 37)).toBe('2024-12-19T23:55:00Z');
    expect(at(events, 40)).toBe('2024-12-20T01:30:00Z');
  });
});
