import { DateTime } from 'luxon';
import type { Problem, RawEvent } from '../../model/index.js';
import { normaliseZone } from '../../time/index.js';
import type { PostmortemDocument } from '../parse.js';
import { placeholdersIn } from '../placeholder.js';
import type { LintFinding, LintRule } from '../rule.js';

const show = (ts: number, zone: string | null) =>
  DateTime.fromMillis(ts, { zone: normaliseZone(zone ?? 'UTC') }).toFormat(
    ts < 86400_000 * 2 ? 'HH:mm' : 'yyyy-LL-dd HH:mm',
  );

/** A link in a section's lines ("[status page](https://…)"), with its 1-based line in the section. */
function linkIn(lines: string[]): { url: string; line: number } | null {
  for (const [i, text] of lines.entries()) {
    const url = text.match(/https?:\/\/[^\s)>\]]{1,300}/)?.[0];
    if (url) return { url, line: i + 1 };
  }
  return null;
}

/**
 * Timed lines that could not be read, one finding per reason ("cannot read time" on five lines is
 * one year typo); a line whose time is a template placeholder is left to no-placeholders.
 */
function unreadable(doc: PostmortemDocument, problems: Problem[]): LintFinding[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.line !== null && placeholdersIn(doc.lines[p.line - 1] ?? '').length) continue;
    const reason = p.message.split(/\s'|:/)[0];
    groups.set(reason, [...(groups.get(reason) ?? []), p]);
  }
  return [...groups.values()].map((group) => ({
    rule: 'timeline-order',
    line: group[0].line,
    message:
      group.length === 1
        ? group[0].message
        : `${group[0].message}, and ${group.length - 1} more ${group.length === 2 ? 'line' : 'lines'} like it (${group
            .slice(1)
            .map((p) => p.line)
            .join(', ')})`,
  }));
}

export const timelineOrder: LintRule = {
  id: 'timeline-order',
  description: 'Timeline entries are in time order, and every timed line can be read.',
  cost: { each: 5, max: 20 },
  check({ doc, timeline }) {
    const findings: LintFinding[] = unreadable(doc, timeline.problems);
    const groups = new Map<string, RawEvent[]>();
    for (const entry of timeline.entries)
      groups.set(entry.group ?? '', [...(groups.get(entry.group ?? '') ?? []), entry]);
    for (const entries of groups.values()) {
      for (let i = 1; i < entries.length; i++) {
        const [before, entry] = [entries[i - 1], entries[i]];
        if (entry.ts >= before.ts) continue;
        findings.push({
          rule: 'timeline-order',
          line: entry.source.line,
          message: `entry at ${show(entry.ts, timeline.statedZone)} is listed after one at ${show(before.ts, timeline.statedZone)} (line ${before.source.line}); list entries in time order`,
        });
      }
    }
    const section = doc.sections.find((s) => s.kind === 'timeline');
    // Timed lines that could not be read are entries with a time: their finding already says why.
    const unread = (line: number | null) =>
      line !== null && section && line > section.line && line <= section.endLine;
    if (section && !timeline.entries.length && !timeline.problems.some((p) => unread(p.line))) {
      const link = linkIn(doc.lines.slice(section.line, section.endLine));
      findings.push({
        rule: 'timeline-order',
        line: link?.line ? section.line + link.line : section.line,
        message: link
          ? `the timeline is only linked: ${link.url}; copy its entries here, each with its time`
          : 'the timeline has no entries with a time; start each entry with its time',
      });
    }
    return findings;
  },
  examples: {
    ok: [
      '## Timeline\n\nAll times UTC.\n\n- 12:04 alert fired\n- 12:06 deploy rolled back\n',
      // A day heading starts a new day, so the hour going back is not a reversal.
      '## Timeline\n\nAll times UTC.\n\n### 19. April\n\n- 22:00 alert fired\n\n### 20. April\n\n- 01:00 fix deployed\n',
      '## Timeline\n\nAll times UTC.\n\n### 2022-01-28\n\n- 22:00 alert fired\n\n### 2022-01-29\n\n- 01:00 fix deployed\n',
      '## Timeline\n\nAll times UTC.\n\n**Day 1**\n\n- 22:00 alert fired\n\n**Day 2**\n\n- 01:00 fix deployed\n',
      '## Timeline\n\nAll times UTC.\n\n- 23:50 alert fired\n- 00:10 fix deployed\n',
    ],
    notOk: [
      { markdown: '## Timeline\n\nAll times UTC.\n\n- 12:06 deploy\n- 12:04 alert fired\n', lines: [6] },
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
    ],
  },
};
