import type { RawEvent } from '../../model/index.js';
import { isNamedFigure } from '../../sources/document-statements/stated-durations.js';
import { labelledDuration, type StatedDuration, statedDurations } from '../../sources/index.js';
import { inDigitsMapped } from '../../text/number-words.js';
import { classifyText } from '../../timeline/classify.js';
import { formatDuration } from '../durations.js';
import { milestoneDurations } from '../milestone-durations.js';
import type { PostmortemDocument } from '../parse.js';
import { quotedLines } from '../prose.js';
import type { LintFinding, LintRule } from '../rule.js';

const MINUTE = 60;

/**
 * Spans a stated duration may honestly describe: from the first entry, or from any entry that
 * shows the problem (a symptom, a detection, the writer's own start-of-outage mark), to any later
 * entry (authors count to recovery, to "verified", or to closing). A timeline that opens with days
 * of background (the change that hid the bug) starts its outage later. The whole span comes first.
 */
export function timelineSpans(entries: RawEvent[]): number[] {
  if (entries.length < 2) return [];
  const sorted = [...entries].sort((a, b) => a.ts - b.ts);
  const first = sorted[0].ts;
  // A start-of-outage mark is read as a symptom too.
  const shows = sorted.filter((e) =>
    classifyText(e.summary).signals.some((s) => s === 'symptom' || s === 'detect' || s === 'change'),
  );
  const starts = [first, ...shows.map((e) => e.ts).filter((ts) => ts !== first)];
  const spans = [(sorted[sorted.length - 1].ts - first) / 1000];
  for (const start of starts) for (const e of sorted) if (e.ts > start) spans.push((e.ts - start) / 1000);
  return spans;
}

/**
 * How far a figure may be from the truth by the rounding it shows: "2 hours" is to the half hour,
 * "40 min" to 5 minutes, "39 min" to the minute (or 1 % of a long figure); "about" doubles it.
 */
export function roundingOf(stated: Pick<StatedDuration, 'seconds' | 'unit' | 'qualifier'>): number {
  const inUnits = stated.seconds / stated.unit;
  let step = stated.unit;
  if (stated.unit >= 3600 && Number.isInteger(inUnits)) step = stated.unit;
  else if (stated.unit >= 3600) step = stated.unit / 2;
  else if (stated.unit === MINUTE && inUnits % 10 === 0) step = 10 * MINUTE;
  else if (stated.unit === MINUTE && inUnits % 5 === 0) step = 5 * MINUTE;
  const tolerance = Math.max(step / 2, MINUTE, 0.01 * stated.seconds);
  return stated.qualifier === 'about' ? 2 * tolerance : tolerance;
}

/** Where the words around a figure end: a sentence, a list item, a table cell, a paragraph. */
const CLAUSE_END = /[.;|](?:\s|$)|\n\s*(?:[-*+]|\d{1,2}\.)\s|\n\s*\n/g;
/** The sentence (or list item, or table cell) that states a figure. */
export function clauseOf(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 400), index);
  const boundary = new RegExp(CLAUSE_END.source, 'g');
  let start = 0;
  for (const m of before.matchAll(boundary)) start = m.index + m[0].length;
  boundary.lastIndex = index;
  const end = boundary.exec(text)?.index ?? text.length;
  return `${before.slice(start)}${text.slice(index, Math.min(end, index + 400))}`;
}

const CLOCK = /(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/g;

/**
 * A figure that writes the times it runs between ("~13.5 hours from the orphan starting (22:41z) to
 * the operator raising it (~12:05z)") spans them, past midnight if the end is the earlier clock.
 */
export function spanWritten(clause: string): number | null {
  const clocks = [...clause.matchAll(CLOCK)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (clocks.length !== 2) return null;
  const minutes = (clocks[1] - clocks[0] + 24 * 60) % (24 * 60);
  return minutes ? minutes * MINUTE : null;
}

/** "#3" in a title or a clause: which of a numbered series of failures it speaks of. */
const OCCURRENCE = /(?<![\w#])#(\d{1,2})\b(?![\w.-])/g;
const occurrences = (text: string) => new Set([...text.matchAll(OCCURRENCE)].map((m) => m[1]));

/**
 * A figure told of another failure of a series than the one the timeline tells ("in #2 … for 8
 * days" under a "Timeline (#3, the instructive one)"): the timeline has no rows to check it by.
 */
export function toldOfAnother(clause: string, timelineTitle: string): boolean {
  const told = occurrences(timelineTitle);
  const named = occurrences(clause);
  return told.size > 0 && named.size > 0 && [...named].every((n) => !told.has(n));
}

/**
 * "Each flap was a 30-second outage", "two restarts of 5 minutes each": a figure told of each of
 * many repeats measures one of them, not the span the timeline covers.
 */
export function ofEachRepeat(clause: string, figure: string): boolean {
  const at = clause.indexOf(figure);
  const before = at >= 0 ? clause.slice(0, at) : clause;
  const after = at >= 0 ? clause.slice(at + figure.length, at + figure.length + 60) : '';
  return (
    /^\W{0,4}(?:each|every)\s/i.test(before.trimStart()) || /^\S{0,3}\s{1,3}(?:each|apiece)\b/i.test(after)
  );
}

function consistent(stated: StatedDuration, span: number): boolean {
  const off = span - stated.seconds;
  const tolerance = roundingOf(stated);
  if (stated.qualifier === 'at least') return off >= -tolerance;
  if (stated.qualifier === 'at most') return off <= tolerance;
  return Math.abs(off) <= tolerance;
}

/**
 * "Time to resolve: 35h 36m" where the milestones run from "First detected 2023-09-18 13:42" to
 * "Resolved 2023-09-20 19:18" (53 h 36 min): a duration field checked against its own milestone,
 * counted from any moment the document dates before it.
 */
function fieldsAgainstMilestones(lines: string[]): LintFinding[] {
  for (const { stated, line, end, starts } of milestoneDurations(lines)) {
    if (starts.some((start) => consistent(stated, (end.minutes - start.minutes) * MINUTE))) continue;
    const first = Math.min(...starts.map((s) => s.minutes));
    return [
      {
        rule: 'duration-consistent',
        line,
        message: `'${stated.text}' (${formatDuration(stated.seconds)}) does not match the milestones it runs between, ${formatDuration((end.minutes - first) * MINUTE)} from the first dated moment to line ${end.line}`,
      },
    ];
  }
  return [];
}

/** A figure that counts to the problem being noticed: "Time to detection", "TTD". */
const TO_DETECTION = /detect|^m?ttd$/i;

/**
 * The first figure listed under its own name outside the summary, the impact and the timeline
 * ("## Stats" over "- Time to recovery: 399 minutes") that fits no span of the timeline, with its
 * line; a name that means a figure of the incident wherever it stands is read, not a "Duration:"
 * field of a header, which may count from moments the timeline leaves out. A time to detection is
 * left alone where the timeline opens with the detection: its start is before the first entry. A
 * figure of zero ("0 minutes") says "at once", no span to check; a field with a milestone of its own
 * is checked against it instead.
 */
export function namedFigureOutOfPlace(
  doc: PostmortemDocument,
  read: { line: number; endLine: number }[],
  entries: RawEvent[],
  spans: number[],
): { stated: StatedDuration; line: number } | null {
  const timeline = doc.sections.find((s) => s.kind === 'timeline');
  const skip = [...read, ...(timeline ? [timeline] : [])];
  const quoted = quotedLines(doc);
  // A field checked against its own milestone ("Time to repair: 11m" beside "Repaired: 11:33") is that check's.
  const byMilestone = new Set(milestoneDurations(doc.lines).map((m) => m.line));
  const first = [...entries].sort((a, b) => a.ts - b.ts)[0];
  const opensWithDetection = !!first && classifyText(first.summary).signals.includes('detect');
  for (const [i, text] of doc.lines.entries()) {
    const line = i + 1;
    if (quoted.has(line) || byMilestone.has(line) || skip.some((s) => s.line <= line && line <= s.endLine))
      continue;
    const stated = labelledDuration(text);
    if (!stated?.name || !isNamedFigure(stated.name) || stated.seconds === 0) continue;
    if (opensWithDetection && TO_DETECTION.test(stated.name)) continue;
    const written = spanWritten(text);
    if (![...spans, ...(written ? [written] : [])].some((span) => consistent(stated, span)))
      return { stated, line };
  }
  return null;
}

export const durationConsistent: LintRule = {
  id: 'duration-consistent',
  description: 'A duration stated in the summary or impact matches what the timeline shows.',
  cost: { each: 10, max: 10 },
  check({ doc, timeline }) {
    const spans = timelineSpans(timeline.entries);
    if (!spans.length) return fieldsAgainstMilestones(doc.lines);
    // A summary or an impact told inside the lessons ("## Lessons Learned" over "### Summary" and
    // "#### Example: modelling impact of …") sums up the lessons, not the incident.
    const lessons = doc.sections.filter((s) => s.kind === 'lessons');
    const inLessons = (s: { line: number; depth: number }) =>
      lessons.some((l) => l.depth < s.depth && l.line < s.line && s.line <= l.endLine);
    const sections = doc.sections.filter(
      (s) => (s.kind === 'summary' || s.kind === 'impact') && !inLessons(s),
    );
    const timelineTitle = doc.sections.find((s) => s.kind === 'timeline')?.title ?? '';
    // The document's title ("# 2019-04-03, 30min outage during node pool upgrade") states a figure
    // as a summary does: its own line is read, not the document under it.
    const title = doc.sections.find((s) => s.depth === 1);
    const read = [...(title ? [{ line: title.line, endLine: title.line }] : []), ...sections];
    for (const section of read) {
      const text = doc.lines.slice(section.line - 1, section.endLine).join('\n');
      // Amounts in words ("for ninety minutes") are read as digits and quoted as written.
      const digits = inDigitsMapped(text);
      for (const found of statedDurations(digits.text)) {
        const index = digits.at(found.index);
        const stated = {
          ...found,
          index,
          text: text.slice(index, digits.at(found.index + found.text.length - 1) + 1),
        };
        const clause = clauseOf(text, stated.index);
        if (toldOfAnother(clause, timelineTitle) || ofEachRepeat(clause, stated.text)) continue;
        const written = spanWritten(clause);
        if ([...spans, ...(written ? [written] : [])].some((span) => consistent(stated, span))) continue;
        const line = section.line + text.slice(0, stated.index).split('\n').length - 1;
        return [
          {
            rule: 'duration-consistent',
            line,
            message: `'${stated.text}' (${formatDuration(stated.seconds)}) does not match the timeline, which spans ${formatDuration(spans[0])}`,
          },
        ];
      }
    }
    const milestones = fieldsAgainstMilestones(doc.lines);
    if (milestones.length) return milestones;
    // A figure a Stats list gives under its own name ("Time to recovery: 399 minutes") is checked too.
    const field = namedFigureOutOfPlace(doc, sections, timeline.entries, spans);
    if (!field) return [];
    const { stated, line } = field;
    return [
      {
        rule: 'duration-consistent',
        line,
        message: `'${stated.text}' (${formatDuration(stated.seconds)}) does not match the timeline, which spans ${formatDuration(spans[0])}`,
      },
    ];
  },
  examples: {
    ok: [
      '## Summary\n\nThe outage lasted 20 minutes.\n\n## Timeline\n\n- 12:00 UTC alert fired\n- 12:20 UTC errors resolved\n',
      // A summary of the lessons and a model of impact inside them tell no length of the incident
      // (rust-lang/infra-team, MIT or Apache-2.0).
      '## Summary\n\nThe outage lasted 20 minutes.\n\n## Timeline\n\n- 12:00 UTC alert fired\n- 12:20 UTC errors resolved\n\n## Lessons Learned\n\n### Summary\n\n- Mirror what CI needs.\n\n#### Example: modelling impact of external dependencies\n\n- 99.9% annual uptime corresponds to approx. 8 hours of downtime\n',
      // Stats that fit the timeline; a time to detection counted from before a timeline that opens
      // with the report; a detection "0 minutes" after the change (dfds/postmortems, MIT).
      '## Summary\n\nA node went NotReady.\n\n## Timeline\n\n- 2024-03-13 10:01 UTC Node entered NotReady state\n- 2024-03-13 10:03 UTC Alert triggered on Slack\n- 2024-03-13 12:10 UTC Incident declared resolved\n\n## Stats\n\n- Time to detection: 2 minutes\n- Time to recovery: 129 minutes\n',
      '## Summary\n\nLabels were wrong.\n\n## Timeline\n\n- 2024-06-06 11:27 UTC User reported wrong labels on the metrics\n- 2024-06-07 08:33 UTC All components back in operation\n\n## Stats\n\n- Time to detection: 30 minutes\n- Time to recovery: 21 hours\n',
      '## Summary\n\nKIAM broke.\n\n## Timeline\n\n- 2020-11-23 13:11 UTC Fix applied, service fully down\n- 2020-11-23 13:41 UTC Rollback, service restored\n\n## Stats\n\n- Time to detection: 0 minutes\n- Time to recovery: 30 minutes\n',
      // A figure agrees within the rounding it shows: "40 min" for 39, "about 2 hours" for 1 h 52.
      '## Summary\n\nThe API was down for 40 min.\n\n## Timeline\n\n- 12:04 UTC API down\n- 12:43 UTC resolved\n',
      '## Summary\n\nThe outage lasted about 2 hours.\n\n## Timeline\n\n- 12:04 UTC API down\n- 13:56 UTC resolved\n',
      '## Summary\n\nThe outage lasted 2 hours.\n\n## Timeline\n\n- 12:00 UTC API down\n- 13:40 UTC resolved\n',
      // Counted from the writer’s own start-of-outage mark, not from an earlier, unrelated symptom.
      '## Summary\n\nDuration: 15 hours 40 minutes\n\n## Timeline (all times in UTC)\n\n### 2023-08-20\n\n15:27 - Errors start in the staging DNS resolver.\n\n### 2023-08-25\n\n21:14 - DNS configuration changes take effect. <START OF OUTAGE>\n\n### 2023-08-26\n\n12:55 - DNS configuration changes take effect. <END OF OUTAGE>\n',
      // A figure that writes the times it runs between is read between them (chipi/podcast_scraper, MIT).
      '## Summary\n\n- **Time to detect (TTD)**: ~13.5 hours from the orphan starting (22:41z) to the operator raising\n  it (~12:05z).\n\n## Timeline\n\n- 2026-08-12 08:16z Container created\n- 2026-08-18 22:36z Reprocess dispatched\n- 2026-08-19 04:36z Actions job killed at the timeout\n- 2026-08-19 12:05z Operator reports balance falling again\n- 2026-08-19 12:18z Both containers stopped\n',
      // A figure told of another failure of a series than the one the timeline tells (yu-min3/kensan-lab, MIT).
      '## Summary\n\n| Item | Detail |\n|---|---|\n| Impact | The node freezes, and in #2 a stuck controller halted sync for the whole cluster for 8 days |\n\n## Timeline (#3, the instructive one)\n\n- 2026-06-06 06:32 UTC Watchdog deployed after #2\n- 2026-06-24 02:15 UTC node goes NotReady\n- 2026-06-25 12:52 UTC Manual power cycle; node returns\n',
      // A title whose figure agrees with the timeline (chipi/podcast_scraper, MIT).
      '# Incident — prod search index deleted, ~80 minutes down (2026-08-27)\n\n## Timeline\n\n- 10:00 UTC index deleted\n- 11:18 UTC search back\n',
      // Duration fields that agree with their milestones, counted from a dated entry before the first
      // one ("11m" from 11:22), within their rounding ("20m" for 19); a field with no dated milestone.
      '# Incident\n\n- **Key events**\n  - First detected: 2024-09-20 11:24\n  - Repaired: 2024-09-20 11:33\n  - Resolved: 2024-09-20 11:40\n\n- **Time to repair**: 11m\n\n- **Time to resolve**: 20m\n\n- **Context**:\n  - 2024-09-20 11:21: pipeline unpaused\n  - 2024-09-20 11:22: route tables destroyed\n',
      '# Incident\n\n- **Key events**\n  - First detected 2020-08-14 10:43\n  - Incident declared 2020-08-14 11:01\n  - Resolved 2020-08-14 11:38\n\n- **Time to repair**: 0h 37m\n\n- **Time to resolve**: 0h 55m\n',
      // Counted from the change that exposed the problem, not only from the first entry or a symptom
      // (kumagaias/my-rss-press, MIT).
      '## Incident Summary\n\n**Duration**: ~15 minutes\n\n## Timeline\n\n| Time | Event |\n|------|-------|\n| 09:25 | tfplan file created during Terraform planning |\n| 09:57 | Commit `444ff8e` included tfplan file |\n| 10:02 | Incident reported by user |\n| 10:10 | Incident resolved |\n',
      // A figure told of each of many repeats measures one of them (psimaker/homelab, MIT).
      "## Summary\n\nThe tunnel flapped for ~2 hours. Each flap was a 30-second outage from the user's perspective.\n\n## Timeline (UTC)\n\n- **21:30** — latency warning fires\n- **23:56** — keepalive lowered; resolved\n",
      '## Summary\n\nThe pods restarted twice, for 5 minutes each.\n\n## Timeline (UTC)\n\n- 21:30 latency warning fires\n- 23:56 resolved\n',
      // An amount in words that agrees.
      '## Summary\n\nThe outage lasted ninety minutes.\n\n## Timeline\n\n- 12:00 UTC API down\n- 13:30 UTC resolved\n',
    ],
    notOk: [
      // Outside the lessons, the incident's own summary is still checked, however deep its heading.
      {
        markdown:
          '# Outage\n\n## Overview\n\n### Summary\n\nThe outage lasted 8 hours.\n\n## Timeline\n\n- 12:00 UTC alert fired\n- 12:20 UTC errors resolved\n\n## Lessons Learned\n\n- Mirror what CI needs.\n',
        lines: [7],
      },
      // A figure a Stats list gives under its own name is checked against the timeline (dfds/postmortems, MIT).
      {
        markdown:
          '## Summary\n\nA node went NotReady.\n\n## Timeline\n\n- 2024-03-13 10:01 UTC Node entered NotReady state\n- 2024-03-13 10:03 UTC Alert triggered on Slack\n- 2024-03-13 12:10 UTC Incident declared resolved\n\n## Stats\n\n- Time to detection: 2 minutes\n- Time to recovery: 399 minutes\n',
        lines: [14],
      },
      // One figure for the whole outage is checked, whatever repeats it holds.
      {
        markdown:
          "## Summary\n\nThe tunnel flapped many times. The outage lasted 30 minutes from the user's perspective.\n\n## Timeline (UTC)\n\n- 21:30 latency warning fires\n- 23:56 resolved\n",
        lines: [3],
      },
      // A duration field against its own milestone (ministryofjustice/cloud-platform, MIT).
      {
        markdown:
          '# Incident\n\n- **Key events**\n  - First detected: 2023-09-18 13:42\n  - Repaired: 2023-09-18 17:54\n  - Resolved 2023-09-20 19:18\n\n- **Time to repair**: 4h 12m\n\n- **Time to resolve**: 35h 36m\n',
        lines: [10],
      },
      // Times written beside a figure that disagree with it do not excuse it.
      {
        markdown:
          '## Summary\n\nThe outage lasted 3 hours (12:00 to 12:20).\n\n## Timeline\n\n- 12:00 UTC alert fired\n- 12:20 UTC errors resolved\n',
        lines: [3],
      },
      // The title's figure is checked as a summary's is (jupyterhub/mybinder.org-deploy, BSD-3-Clause).
      {
        markdown:
          '# 2019-04-03, 30min outage during node pool upgrade\n\n## Timeline\n\n- 12:50 UTC ingress pods cordoned\n- 13:29 UTC service restored\n',
        lines: [1],
      },
      // A window written beside its figure, under "Impacts", is read between its own times (jenkins-infra/documentation, MIT).
      {
        markdown:
          '## Chronology\n\n* 10:42 UTC: chart deployed\n* 11:07 UTC: pages answer 503\n* 13:40 UTC: manual fix applied\n\n## Impacts\n\n* jenkins.io was unavailable:\n  * 11:07 UTC => 13:40 UTC (02h 37min of outage)\n',
        lines: [10],
      },
      // The failure the timeline tells is checked by it.
      {
        markdown:
          '## Summary\n\nIn #3 the node was down for 3 hours.\n\n## Timeline (#3)\n\n- 12:00 UTC node NotReady\n- 12:20 UTC node returns\n',
        lines: [3],
      },
      {
        markdown:
          '## Summary\n\nThe outage lasted 3 hours.\n\n## Timeline\n\n- 12:00 UTC alert fired\n- 12:20 UTC errors resolved\n',
        lines: [3],
      },
      // An amount in words is read as its digits (jupyterhub/mybinder.org-deploy, BSD-3-Clause).
      {
        markdown:
          '## Summary\n\nThe effect lasted approximately nine hours before normal operation was restored.\n\n## Timeline\n\n- 10:00 UTC pods stop starting\n- 21:24 UTC quota removed, launches succeed\n',
        lines: [3],
      },
      // "90 minutes" is rounded to ten minutes at most: 109 is beyond it.
      {
        markdown:
          '## Summary\n\nThe outage lasted 90 minutes.\n\n## Timeline\n\n- 12:00 UTC logs stop\n- 13:49 UTC logs shipped again\n',
        lines: [3],
      },
      // A minute-exact figure is held to the minute.
      {
        markdown:
          '## Impact\n\nThe outage lasted 27 minutes.\n\n## Timeline\n\n- 12:00 UTC API down\n- 12:31 UTC resolved\n',
        lines: [3],
      },
    ],
  },
};
