import { DateTime } from 'luxon';
import type { Problem, RawEvent } from '../../model/index.js';
import { UNTIMED_ITEM } from '../../sources/markdown-timeline.js';
import { normaliseZone } from '../../time/index.js';
import { datedEntries, daysOutOfOrder } from '../dated-entries.js';
import { isOnlyLink, linkedTimelineLine } from '../linked-timeline.js';
import type { PostmortemDocument } from '../parse.js';
import { placeholdersIn } from '../placeholder.js';
import { quotedLines } from '../prose.js';
import type { LintFinding, LintRule } from '../rule.js';
import { statedZone } from '../stated-zone.js';
import { timelineForm } from '../timeline-form.js';

const show = (ts: number, zone: string | null) =>
  DateTime.fromMillis(ts, { zone: normaliseZone(zone ?? 'UTC') }).toFormat(
    ts < 86400_000 * 2 ? 'HH:mm' : 'yyyy-LL-dd HH:mm',
  );

/** A clock time as authors write one: "12:04", "[03-26 02:50]", "2022-02-02 1625" (a date, then hours and minutes). */
const CLOCK = /\b(?:[01]?\d|2[0-3]):[0-5]\d\b|\b\d{4}-\d{2}-\d{2}[ T](?:[01]\d|2[0-3])[0-5]\d\b/;
const DAY_MS = 86_400_000;
/** A readable year and month: "2022-05", "2022/5". */
const YEAR_MONTH = /\b(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])\b/;
/** A date with its year written and its day (or month and day) left as letters or question marks. */
const DAY_UNKNOWN = /^(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2]|MM|\?\?)[-/.](?:DD|\?\?)$/i;
/** "2X:XX", "22:XX": a time the author marks unknown in its own digits, on purpose. */
const TIME_UNKNOWN = /^(?:\d[Xx]|[Xx]{2}|\d{1,2}):(?:[Xx]{2}|\d[Xx])$/;
/** A line short enough to be only a note of the zone ("All times in UTC+1"), not an entry. */
const ZONE_NOTE_LENGTH = 60;

/** A link in a section's lines ("[status page](https://…)"), with its 1-based line in the section. */
function linkIn(lines: string[]): { url: string; line: number } | null {
  for (const [i, text] of lines.entries()) {
    const url = text.match(/https?:\/\/[^\s)>\]]{1,300}/)?.[0];
    if (url) return { url, line: i + 1 };
  }
  return null;
}

const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\b/i;
/** Words that place a time by another event: "~7 days prior", "post-reboot", "2 h later". */
const RELATIVE = /\b(?:prior|ago|before|after|later|earlier|post|pre)\b/i;
/** A day with no year and no time ("05-12"), or a span of days ("06-24 → 06-25", "05-12 → 13"). */
const DAYS_ONLY =
  /^(?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?:\s{0,3}(?:→|->|–|—|-|to)\s{0,3}(?:(?:0?[1-9]|1[0-2])[-/.])?(?:0?[1-9]|[12]\d|3[01]))?$/;

/**
 * A time the author gave only roughly, on purpose, with no clock time: a dash for one still to come,
 * a time placed by another event, a month with no day ("early March"), days with no time. A date
 * that is malformed ("11/03/202", "20202-01-16") is none of these.
 */
export function givenRoughly(text: string): boolean {
  if (CLOCK.test(text)) return false;
  if (/^[\s\p{P}\p{S}]*$/u.test(text)) return true;
  if (RELATIVE.test(text) || DAYS_ONLY.test(text)) return true;
  return MONTH.test(text) && !/\d{3}|\?/.test(text);
}

/** A time written as approximate: "~18:20", "≈ 07:05", "approx. 14:00", "around 9:30". */
const APPROXIMATE = /(?:~|≈|\b(?:approx(?:\.|imately)?|about|around|circa|ca\.))\s{0,2}\d/i;
/** How far an approximate time may be off: a later-listed entry earlier by less is not out of order. */
const SLACK_MS = 10 * 60_000;

/**
 * Timed lines that could not be read, one finding per reason ("cannot read time" on five lines is
 * one year typo); a time that is a template placeholder is left to no-placeholders.
 */
function unreadable(doc: PostmortemDocument, problems: Problem[], entries: RawEvent[]): LintFinding[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const line = p.line !== null ? (doc.lines[p.line - 1] ?? '') : '';
    // Beside a placeholder time, only a date with no readable year and month ('2021/22-??') is a problem
    // of its own; '2022-05-?? HH:mm' is the author's unknown day and the template's time.
    const unread = p.message.match(/'([^'\n]{1,80})'/)?.[1] ?? line;
    if (placeholdersIn(line).length && (placeholdersIn(unread).length || YEAR_MONTH.test(unread))) continue;
    // "2023-MM-DD", "2022-05-??": the year written, the rest left in the date's own letters: a day the
    // author does not know, as "--:--" is a time.
    if (DAY_UNKNOWN.test(unread.trim()) || TIME_UNKNOWN.test(unread.trim())) continue;
    // "—", "~7 days prior", "early March", "06-24 → 06-25": a time given only roughly on purpose.
    if (givenRoughly(unread.trim())) continue;
    // An item with no time at all among timed ones ("- Review dependencies of those plugins") is a
    // step the author did not time, no time miswritten; one that opens with figures ("~14.35 …") is.
    if (p.message.startsWith(UNTIMED_ITEM) && !/^\W{0,2}\d/.test(unread)) continue;
    // The reason is the message without the time it quotes first: "'15:24' runs back …" and
    // "'16:00' runs back …" below the same entry are one reason, one finding.
    const reason = p.message.replace(/^'[^'\n]{0,80}'/, "'…'").split(/\s'|:/)[0];
    groups.set(reason, [...(groups.get(reason) ?? []), p]);
  }
  return [...groups.values()].map((group) => ({
    rule: 'timeline-order',
    line: breakLine(group, entries),
    message:
      (breakLine(group, entries) !== group[0].line ? `line ${group[0].line}: ` : '') +
      (group.length === 1
        ? group[0].message
        : `${group[0].message}, and ${group.length - 1} more ${group.length === 2 ? 'line' : 'lines'} like it (${group
            .slice(1)
            .map((p) => p.line)
            .join(', ')})`),
  }));
}

/**
 * Where a reviewer cites the step back: the mistyped line itself, or, where the few times above a
 * longer run were the mistyped ones ("'21:00' runs more than an hour above the 4 times written
 * after it"), the first line of that run, listed out of order after them.
 */
function breakLine(group: Problem[], entries: RawEvent[]): number | null {
  const first = group[0].line;
  if (first === null || !/runs more than an hour above/.test(group[0].message)) return first;
  const last = group.reduce((top, p) => Math.max(top, p.line ?? first), first);
  const after = entries.reduce(
    (low, e) => (e.source.line !== null && e.source.line > last ? Math.min(low, e.source.line) : low),
    Number.POSITIVE_INFINITY,
  );
  return Number.isFinite(after) ? after : first;
}

export const timelineOrder: LintRule = {
  id: 'timeline-order',
  description: 'Timeline entries are in time order, and every timed line can be read.',
  cost: { each: 5, max: 20 },
  check({ doc, timeline }) {
    const findings: LintFinding[] = unreadable(doc, timeline.problems, timeline.entries);
    const groups = new Map<string, RawEvent[]>();
    // Times in a quoted log (a code block) are the log's, not entries the author listed.
    const quoted = quotedLines(doc);
    for (const entry of timeline.entries.filter((e) => e.source.line === null || !quoted.has(e.source.line)))
      groups.set(entry.group ?? '', [...(groups.get(entry.group ?? '') ?? []), entry]);
    for (const entries of groups.values()) {
      for (let i = 1; i < entries.length; i++) {
        const [before, entry] = [entries[i - 1], entries[i]];
        if (entry.ts >= before.ts) continue;
        // A day with no time of day ("2022-02-03 ??:??") sits at its day's start: only an earlier day is out of order.
        if (entry.attrs?.dayOnly === true && before.ts < entry.ts + DAY_MS) continue;
        // "09:XX" spans its hour: an entry listed after "09:20" is out of order only before 09:00.
        const span = Number(entry.attrs?.spanMinutes ?? 0) * 60_000;
        if (span && before.ts < entry.ts + span) continue;
        // "~18:20" then "18:17→19:23": within the approximation's slack, the order is the author's.
        const approximate = [before, entry].some(
          (e) => e.source.line !== null && APPROXIMATE.test(doc.lines[e.source.line - 1] ?? ''),
        );
        if (approximate && before.ts - entry.ts < SLACK_MS) continue;
        // "22:40, 22:06, 22:07, …": a first entry later than the ordered ones after it is the one out
        // of place (a typo for 22:04), not the next. Further in, the entry listed after is cited: the
        // ones before it set the order it breaks.
        const misplaced =
          i === 1 && i + 1 < entries.length && entries[i + 1].ts >= entry.ts && entries[i + 1].ts < before.ts;
        findings.push(
          misplaced
            ? {
                rule: 'timeline-order',
                line: before.source.line,
                message: `entry at ${show(before.ts, timeline.statedZone)} is listed before ones at ${show(entry.ts, timeline.statedZone)} and ${show(entries[i + 1].ts, timeline.statedZone)} (lines ${entry.source.line}, ${entries[i + 1].source.line}); list entries in time order, or check its time`,
              }
            : {
                rule: 'timeline-order',
                line: entry.source.line,
                message: `entry at ${show(entry.ts, timeline.statedZone)} is listed after one at ${show(before.ts, timeline.statedZone)} (line ${before.source.line}); list entries in time order`,
              },
        );
      }
    }
    const section = doc.sections.find((s) => s.kind === 'timeline');
    if (!section) {
      // No Timeline section, no entries, and a labelled line giving the timeline as a link
      // ("Timeline: [Google doc](…)"): the timeline is kept elsewhere.
      const linked = timeline.entries.length ? null : linkedTimelineLine(doc.lines);
      if (linked)
        findings.push({
          rule: 'timeline-order',
          line: linked.line,
          message: `the timeline is only linked: ${linked.url}; copy its entries here, each with its time`,
        });
      return findings;
    }
    const body = doc.lines.slice(section.line, section.endLine).filter((text) => text.trim());
    // Times the author wrote that the reader could not place are the reader's limit, not a timeline without times.
    const timed = body.filter((text) => CLOCK.test(text)).length;
    // What the section tells besides a note of its zone ("All times in UTC+1").
    const told = body.filter((text) => !(text.length <= ZONE_NOTE_LENGTH && statedZone(text)));
    const link = linkIn(doc.lines.slice(section.line, section.endLine));
    const onlyLink = link !== null && told.length <= 1 && timed === 0 && told.every(isOnlyLink);
    // A timeline of days with no times ("| 2021-12-01 | Report … |") is in order when its days go forward.
    if (!timeline.entries.length && timed === 0)
      for (const { entry, before } of daysOutOfOrder(datedEntries(section)))
        findings.push({
          rule: 'timeline-order',
          line: entry.line,
          message: `entry dated ${entry.day} is listed after one dated ${before.day} (line ${before.line}); list entries in time order`,
        });
    // A timeline of dated entries with no times (day headings, dated items) is still in order; one
    // told in prose with no times is no timeline at all, which required-sections reports.
    if ((onlyLink || (!timeline.entries.length && timed < 2 && timelineForm(section) === 'linked')) && link)
      findings.push({
        rule: 'timeline-order',
        line: section.line + link.line,
        message: `the timeline is only linked: ${link.url}; copy its entries here, each with its time`,
      });
    return findings;
  },
  examples: {
    ok: [
      // A step the author did not time, between timed ones, is no time miswritten (jenkins-infra/documentation, MIT).
      '## Timeline\n\n- 19:14 UTC plugins updated\n- Review dependencies of those plugins\n- 20:01 UTC controller restarted\n',
      '## Timeline\n\nAll times UTC.\n\n- 12:04 alert fired\n- 12:06 deploy rolled back\n',
      // Within an approximate time's slack, and times given roughly on purpose (chipi/podcast_scraper,
      // MIT; yu-min3/kensan-lab, Apache-2.0): a dash still to come, relative times, a vague month, days only.
      '## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| 18:14 | Stats read |\n| ~18:20 | Code read |\n| 18:17→19:23 | Attempt 5 |\n',
      '## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| ~7 days prior | Free space declining |\n| ~16:00 | Agent flags the disk |\n| post-reboot | Inbound TCP refused |\n| 16:20 | Rule restored |\n| — | Awaiting power-cycle |\n',
      '## Timeline\n\n| When (JST) | Event |\n| --- | --- |\n| early March | Bootstrap |\n| 06-24 11:13 | Journal cuts off |\n| 06-24 → 06-25 | Unresponsive |\n| 06-25 21:52 | Power cycle |\n| 06-25 | Full RCA |\n',
      // Days of the month before their times, the year and month given in the title (Memphis-Chains/memphis).
      '## Timeline (CEST, all 2026-09 unless noted)\n\n| Time | Event |\n|---|---|\n| **21 22:36** | Mode change |\n| **21 22:40:57 – 22:41:46** | Burst of blocks |\n| **22 09:44 – 11:54** | Boot loop |\n| **22 12:10** | Manual stop |\n',
      // A day heading starts a new day, so the hour going back is not a reversal.
      '## Timeline\n\nAll times UTC.\n\n### 19. April\n\n- 22:00 alert fired\n\n### 20. April\n\n- 01:00 fix deployed\n',
      '## Timeline\n\nAll times UTC.\n\n### 2022-01-28\n\n- 22:00 alert fired\n\n### 2022-01-29\n\n- 01:00 fix deployed\n',
      '## Timeline\n\nAll times UTC.\n\n**Day 1**\n\n- 22:00 alert fired\n\n**Day 2**\n\n- 01:00 fix deployed\n',
      '## Timeline\n\nAll times UTC.\n\n- 23:50 alert fired\n- 00:10 fix deployed\n',
      // A day whose time the author does not know is not before the times listed above it that day.
      '## Timeline\n\nAll times UTC.\n\n- 2022-02-03 10:00 alert fired\n- 2022-02-03 ??:?? pods restarted\n- 2022-02-03 23:00 fix deployed\n',
      // Times the author wrote in a shape the reader does not place are not a timeline without times.
      '## Timeline\n\nAll times listed in PST.\n\n- `07:35` Team funds the contract\n- `07:38` Frontend is tested\n',
      '## Timeline\n\n- 2022-02-02 1625: an e-mail arrives ([report](https://example.com/r))\n- 2022-02-02 1650: huddle begins\n',
      // An unknown day beside a template time: the author's unknown and the template's slot, no unreadable date.
      '## Timeline\n\nAll times in UTC.\n\n| Time | Event |\n| --- | --- |\n| 2022-05-?? HH:mm | Detected in May |\n| 2022-05-25 08:00 | Investigated |\n',
      // A log quoted in a code block keeps its own times: they are not entries out of order.
      '## Timeline\n\nAll times UTC.\n\n### 14:00\n\nThe hub logs show the watcher dropping events:\n\n```\n2017-09-29 00:46:54 WARNING retrying\n```\n\n### 14:10\n\nThe hub is restarted.\n',
      // A line indented under an entry is its text: the log quoted after it keeps its own day (hachyderm/community, Apache-2.0).
      '## Timeline\n\nAll times UTC.\n\n### 2025-01-20\n\n- **17:18** error seen\n\n### 2025-01-21\n\n- **17:45** cause found\n  ```\n  Jan 21 15:51:56 host pgbouncer: error\n  ```\n  This was the cause of the error from the previous day:\n  ```\n  Jan 20 17:18:41 franz bundle: error\n  ```\n- **17:50** resolved\n',
      // Day headings with no times, a link among the entries: dated entries, in order, not a linked timeline.
      '## Timeline\n\n### August 15\n\nThe first report [#11876](https://github.com/o/r/issues/11876) is opened.\n\n### August 17\n\nThe fix merges.\n',
      // Days only, going forward, in a table or a list.
      '## Timeline\n\n| Date | Event |\n| --- | --- |\n| 2021-06-16 | Release published |\n| 2021-12-01 | First report |\n\n- 2022-01-28 - Second report\n- 2022-03-08 - Third report\n',
      // A day the author does not know, the year written: no date that cannot be read.
      '## Timeline\n\n- 2023-MM-DD[^1]: A token was created.\n- 2024-06-21: The token was found.\n\n[^1]: The exact day is not known.\n',
      // Dated narrative with no times is no timeline at all: required-sections says so, not this rule.
      '## Timeline and Response\n\nOn September 5th, a researcher reported a malicious workflow.\n\nLater on September 5th, another researcher emailed us.\n',
      // A labelled link that is not the timeline ("Slack thread: …") says nothing of it.
      '# Incident\n\n- **Context**:\n  - Slack thread: [Slack thread](https://example.slack.com/archives/C5/p16) for the incident.\n',
      // A timeline link beside timed entries of the document's own: the entries are the timeline.
      '# Incident\n\n- **Context**:\n  - Timeline: [Timeline](https://docs.example.com/d/1)\n  - 2023-06-06 10:23 - User reported that their pods were deleted\n  - 2023-06-06 10:30 - Users reported that their services were back\n',
      // Milestone fields keep their template's order (declared after repaired): they are no timeline.
      '## Key events\n\nAll times UTC.\n\n- **First detected**: 2022-01-22 11:57\n- **Incident declared**: 2022-01-22 14:41\n- **Repaired**: 2022-01-22 13:59\n- **Resolved**: 2022-01-22 14:38\n',
      // A timed heading whose hour the author marks unknown ("2X:XX (not sure exact time)") is their
      // unknown on purpose, as "??:??" is (jupyterhub/mybinder.org-deploy, BSD-3-Clause).
      '## Timeline\n\nAll times UTC.\n\n### 19:52\n\nLaunches recover.\n\n### 2X:XX (not sure exact time)\n\nThe pod is restarted.\n\n### 21:57\n\nAll clear.\n',
      // "09:XX" spans its hour: listed after 09:20 it is in order (opencollective/opencollective, MIT).
      '## Timeline\n\n- 2023-04-04 09:13 UTC: the deployment is triggered\n- 2023-04-04 09:20 UTC: degradation is noticed\n- 2023-04-04 09:XX UTC: the migration is killed\n- 2023-04-04 10:00 UTC: we restore the old index\n',
    ],
    notOk: [
      { markdown: '## Timeline\n\nAll times UTC.\n\n- 12:06 deploy\n- 12:04 alert fired\n', lines: [6] },
      // A link named for the timeline, in a sentence of the story (nrwl/nx, MIT): only linked.
      {
        markdown:
          "# s1ngularity\n\n## What happened\n\nHere's our detailed chronological [timeline on our GHSA](https://github.com/nrwl/nx/security/advisories/GHSA-cxm3).\n",
        lines: [5],
      },
      // An item whose time is miswritten beside timed ones cannot be placed.
      { markdown: '## Timeline\n\n- 14:05 UTC alert fires\n- ~14.35 error rate normal\n', lines: [4] },
      // An hour whose minutes are unknown is out of order only before the hour begins.
      { markdown: '## Timeline\n\n- 10:20 UTC: deploy\n- 09:XX UTC: alert fired\n', lines: [4] },
      // A first entry later than the ordered ones after it is the one out of place (Chia-Network/post-mortem, Apache-2.0).
      {
        markdown:
          '## Timeline\n\nAll times UTC.\n\n- 22:40 account disabled\n- 22:06 suspension seen in audit logs\n- 22:07 admin called\n- 22:08 Okta account suspended\n',
        lines: [5],
      },
      // Further in, the entry listed after the one it should precede is cited.
      {
        markdown:
          '## Timeline\n\nAll times UTC.\n\n- 12:00 deploy\n- 12:30 alert\n- 12:02 rollback\n- 12:20 done\n',
        lines: [7],
      },
      // Earlier than an approximate time by more than its slack is still out of order.
      {
        markdown:
          '## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| 18:14 | Stats read |\n| ~18:20 | Code read |\n| 18:02 | Attempt 5 |\n',
        lines: [7],
      },
      // Outside the code block, the entries are still held to their order.
      {
        markdown:
          '## Timeline\n\nAll times UTC.\n\n- 12:06 deploy\n\n```\n12:05:01 INFO ok\n```\n\n- 12:04 alert fired\n',
        lines: [11],
      },
      // Below an entry's indented text and quoted log, the next entries are still held to their order.
      {
        markdown:
          '## Timeline\n\nAll times UTC.\n\n### 2025-01-21\n\n- **17:45** cause found\n  This was the cause of the error from the previous day:\n  ```\n  Jan 20 17:18:41 franz bundle: error\n  ```\n- **17:50** resolved\n- **17:40** call ended\n',
        lines: [13],
      },
      // A timeline of days only: a day listed after a later one is out of order.
      {
        markdown:
          '## Timeline\n\n| Date | Event |\n| --- | --- |\n| 2021-06-16 | Release published |\n| 2021-12-01 | First report |\n| 2021-01-28 | Second report |\n| 2022-03-08 | Third report |\n',
        lines: [7],
      },
      // A day with no time, listed after a later day, is out of order.
      {
        markdown:
          '## Timeline\n\nAll times UTC.\n\n- 2022-02-04 10:00 alert fired\n- 2022-02-03 ??:?? pods restarted\n',
        lines: [6],
      },
      // Within one day heading, the hour going back is a reversal.
      {
        markdown: '## Timeline\n\nAll times UTC.\n\n### 19. April\n\n- 22:00 alert fired\n- 21:00 deploy\n',
        lines: [8],
      },
      // Five lines with one year typo are one finding; a line whose time is 'HH:mm' is a placeholder.
      {
        markdown:
          '## Timeline\n\n- 20202-01-17 12:00 - a\n- 20202-01-18 12:00 - b\n- 20202-01-19 12:00 - c\n- 2022-06-02 HH:mm - d\n',
        lines: [3],
      },
      // A timeline whose every date has a typo has entries: one finding says why they cannot be read.
      {
        markdown: '## Timeline\n\nAll times in CET.\n\n- 20202-01-16 12:00 - a\n- 20202-01-17 12:00 - b\n',
        lines: [5],
      },
      {
        markdown:
          '# Outage\n\n## Timeline\n\nSee [the status page](https://status.example.com/incidents/42).\n',
        lines: [5],
      },
      // No Timeline section: a labelled line giving the timeline as a link, under a Context field
      // (ministryofjustice/cloud-platform, MIT), is the timeline kept elsewhere.
      {
        markdown:
          '# Incident\n\n- **Key events**\n  - First detected 2022-01-22 11:57\n  - Resolved 2022-01-22 14:38\n\n- **Context**:\n  - Timeline: [Timeline](https://docs.google.com/document/d/1TXx/edit#) for the incident\n  - Slack thread: [Slack thread](https://example.slack.com/archives/C5/p16) for the incident.\n',
        lines: [8],
      },
      // One dated entry that is only a link is a timeline kept elsewhere.
      {
        markdown:
          '# Evictions\n\n## Timeline\n\nAll times in UTC+1\n\n- 2023-02-01 - [Summary of issue updated](https://github.com/o/r/issues/1#c)\n',
        lines: [7],
      },
      // Times below an entry written in another zone, at whatever hour, are one finding at the first
      // (misty-step/volume, MIT).
      {
        markdown:
          '## Timeline\n\n| Time (CST) | Event |\n|---|---|\n| ~14:53 | Feature merged |\n| ~21:00 | User reports errors |\n| ~21:07 | Logs show the API error |\n| 15:24 | Fix committed |\n| 15:54 | Second fix committed |\n| ~16:00 | Root cause found |\n| ~16:00 | Env vars set |\n',
        lines: [8],
      },
      // With no year and month in the title, a day of the month before a time cannot be placed.
      {
        markdown:
          '## Timeline (CEST)\n\n| Time | Event |\n|---|---|\n| **21 22:36** | Mode change |\n| **22 12:10** | Manual stop |\n',
        lines: [5],
      },
      // A date with no readable year beside a template time is still a date that cannot be read.
      {
        markdown:
          '## Timeline\n\nAll times in UTC.\n\n| Time | Event |\n| --- | --- |\n| 2021-09-10 08:00 | Went live |\n| 2021/22-??-?? HH:mm | Script run |\n| 2022-05-25 08:00 | Investigated |\n',
        lines: [8],
      },
    ],
  },
};
