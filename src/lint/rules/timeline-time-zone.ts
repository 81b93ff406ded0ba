import { milestoneTimes } from '../milestone-times.js';
import type { LintRule } from '../rule.js';
import { statedZone, zoneAfterTime, zoneOfStamp } from '../stated-zone.js';

/** Timed entries that make a chronology, as required-sections counts them. */
const TIMED_ENTRIES = 3;
const OFFSET_IN_TIME = /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/;
export const timelineTimeZone: LintRule = {
  id: 'timeline-time-zone',
  description: 'The timeline states its time zone, once for all entries or on each time.',
  cost: { each: 5, max: 5 },
  check({ doc, timeline }) {
    // Only a time of day has a zone: entries given by their day alone ("2024-06-21:") need none.
    const timed = timeline.entries.filter((e) => e.attrs?.dayOnly !== true);
    // A block of milestone times ("- First detected 2022-01-22 11:57") are times a reader places too.
    const milestones = milestoneTimes(doc.lines);
    if ((!timed.length && !milestones.length) || timeline.statedZone) return [];
    // A couple of times in the account, with no Timeline section, milestones or chronology of its
    // own, are no timeline: required-sections says it is missing, and there is none to zone.
    const hasSection = doc.sections.some((s) => s.kind === 'timeline');
    if (!hasSection && !milestones.length && timed.length < TIMED_ENTRIES) return [];
    const lineText = (n: number | null) => (n ? (doc.lines[n - 1] ?? '') : '');
    const zoned = timed.every((e) => {
      const text = lineText(e.source.line);
      return (
        // An opening notice dated by its front matter carries the zone written there.
        e.attrs?.zoned === true ||
        OFFSET_IN_TIME.test(text) ||
        statedZone(text.slice(0, 40)) !== null ||
        zoneAfterTime(text.slice(0, 60)) !== null ||
        zoneOfStamp(text) !== null
      );
    });
    if (zoned && milestones.every((m) => m.zoned)) return [];
    // One problem per timeline, cited at its first timed line (where a reader meets a time without a zone).
    const first = [...timed.map((e) => e.source.line), ...milestones.map((m) => m.line)]
      .filter((n): n is number => n !== null)
      .sort((a, b) => a - b)[0];
    const section = doc.sections.find((s) => s.kind === 'timeline');
    return [
      {
        rule: 'timeline-time-zone',
        line: first ?? section?.line ?? null,
        message:
          "the timeline does not state its time zone; write 'All times in UTC' (or the zone used) under its heading",
      },
    ];
  },
  examples: {
    ok: [
      '## Timeline\n\nAll times in UTC.\n\n- 12:04 alert fired\n',
      // A story told in prose is no timeline to hold to a timeline's form; nor are two numbered
      // ranges in a summary with no Timeline section (guardian/frontend, Apache-2.0).
      '# Outage\n\n## Summary\n\n1. 11:30 -> 15:30\nThe code assumed markup.\n\n2. 17:30 -> 20:40\nSafari threw.\n',
      '# Outage\n\nAt 12:04 the checkout API began to fail for every customer. By 12:40 it was back.\n',
      '## Timeline\n\n- **12:04 PST:** alert fired\n- **12:06 PST:** rollback\n',
      // A zone stated once in prose, away from the timeline, covers it.
      '# Outage\n\nAll times in CEST.\n\n## Summary\n\nThe API was down.\n\n## Timeline\n\n- 12:04 alert fired\n',
      '## Summary\n\nThe API was down; times are in UTC.\n\n## Timeline\n\n- 12:04 alert fired\n',
      // Days alone have no zone to state; a region named after the time, an old IANA link.
      '## Timeline\n\n- 2024-06-21: image removed\n- 2024-06-28: report received\n',
      '## Timeline\n\n- 2024-06-21: image removed\n- 2024-06-28 7:09 AM Eastern: report received\n',
      '## Timeline\n\nAll times US/Pacific\n\n- 2019-07-25 11:20 AM v1.11.2 pushed\n',
      // A zone misspelt in the note is still a zone stated (read by its region, as the reader reads it).
      '## Timeline\n\nAll times in UC/Pacific\n\n- 11:20 v1.11.2 pushed\n- 11:40 rollback\n',
      // Milestone times with their zone, or under a note of it; one labelled time is no block.
      '# Incident\n\n- **Key events**\n  - First detected 2022-01-22 11:57 UTC\n  - Resolved 2022-01-22 14:38 UTC\n',
      '# Incident\n\nAll times in UTC.\n\n- **Key events**\n  - First detected 2022-01-22 11:57\n  - Resolved 2022-01-22 14:38\n',
      '# Incident\n\n- Deployed 2022-01-22 11:57\n- and nothing else timed\n',
      // Each time carries its city, which names the zone (jenkins-infra/documentation, MIT).
      '## Timeline - May 29, 2021\n\n* 16:37 Denver - Mark Waite updated plugins on ci.jenkins.io\n* 16:55 Denver - Updated JDK 8 tool definition\n',
      // The column names state the zone, below a note long enough to push them past the first lines (rust-lang/infra-team).
      "## Timeline\n\n> [!NOTE]\n>\n> The outage time is the status page's first post,\n> though it began earlier.\n\n| Datetime (UTC) | Description |\n| --- | --- |\n| 2026-07-02 07:48 | CI outage reported |\n| 2026-07-02 08:53 | Mirroring attempted |\n",
      // A status post: its opening notice dated by a front matter that writes the offset, updates in UTC (packit/status, MIT).
      '---\ndate: "2022-10-11T13:57+02:00"\n---\n\nWe are experiencing issues with the execution of the tasks.\n\nUpdates:\n\n- Tue Oct 11 12:24:02 UTC: We are slowly going through the queue.\n- Tue Oct 11 13:12:36 UTC: We have gone through the queue.\n',
    ],
    notOk: [
      // Below the same note, column names with no zone state none.
      {
        markdown:
          "## Timeline\n\n> [!NOTE]\n>\n> The outage time is the status page's first post,\n> though it began earlier.\n\n| Datetime | Description |\n| --- | --- |\n| 2026-07-02 07:48 | CI outage reported |\n| 2026-07-02 08:53 | Mirroring attempted |\n",
        lines: [10],
      },
      // Three timed entries with no Timeline heading are a chronology: their zone is asked for.
      {
        markdown:
          '# Outage\n\n## Summary\n\n1. 11:30 -> 15:30\nThe code assumed markup.\n\n2. 17:30 -> 20:40\nSafari threw.\n\n3. 20:41 -> 20:43\nThe switch was off.\n',
        lines: [5],
      },
      // A block of milestone times with no zone, the timeline itself only linked (ministryofjustice/cloud-platform, MIT).
      {
        markdown:
          '# Incident\n\n- **Key events**\n  - First detected 2020-08-14 10:43\n  - Incident declared 2020-08-14 11:01\n  - Resolved 2020-08-14 11:38\n\n- **Context**:\n  - Timeline : [https://docs.google.com/d/1](https://docs.google.com/d/1)\n',
        lines: [4],
      },
      { markdown: '## Timeline\n\n- **12:04:** alert fired\n- **12:06:** rollback\n', lines: [3] },
      // A zone named in passing is not a statement of how the times are given.
      {
        markdown: '## Summary\n\nThe UTC cron job failed.\n\n## Timeline\n\n- 12:04 alert fired\n',
        lines: [7],
      },
      // A timeline of days with one time of day: that time needs its zone, cited where it is.
      {
        markdown: '## Timeline\n\n- 2024-06-21: image removed\n- 2024-06-28 7:09 AM: report received\n',
        lines: [4],
      },
      // "All times approximate", "All times local" say nothing of the zone.
      {
        markdown: '## Timeline\n\nAll times approximate.\n\nAll times local.\n\n- 11:20 v1.11.2 pushed\n',
        lines: [7],
      },
      // A name after a time that is no city, or a city the sentence goes on from, names no zone.
      {
        markdown: '## Timeline\n\n* 16:37 Deploy - started\n* 10:02 London office reports errors\n',
        lines: [3],
      },
      // A region word that is not after a time names no zone.
      {
        markdown: '## Timeline\n\n- 12:04 the Pacific cluster failed\n- 12:06 rollback\n',
        lines: [3],
      },
    ],
  },
};
