import { listedActionItems } from '../action-items.js';
import type { LintRule } from '../rule.js';
import { normaliseTitle } from '../sections.js';
import { statedByContent } from '../stated-by-content.js';

/** Timed entries that make a chronology, not a time mentioned in passing. */
const TIMED_ENTRIES = 3;

export const requiredSections: LintRule = {
  id: 'required-sections',
  description:
    'The sections every postmortem needs are present (the default set, or a team template’s headings).',
  cost: { each: 10, max: 40 },
  check({ doc, timeline, required }) {
    const titles = doc.sections.map((s) => ({ kind: s.kind, title: normaliseTitle(s.title) }));
    const byContent = statedByContent(doc);
    // Entries with their times of day, under whatever heading ("What happened"), are the timeline.
    if (timeline.entries.filter((e) => e.attrs?.dayOnly !== true).length >= TIMED_ENTRIES)
      byContent.add('timeline');
    // Completed work is what was done, not what will change: a list of only done items plans nothing.
    const items = listedActionItems(doc);
    const onlyDone = items.length > 0 && items.every((i) => i.status === 'done');
    const planned = (r: { kind: string | null }) => !(onlyDone && r.kind === 'actionItems');
    const missing = required
      .filter(
        (r) =>
          !titles.some((t) => (r.kind && t.kind === r.kind) || t.title.includes(normaliseTitle(r.title))) &&
          !(r.kind && byContent.has(r.kind)) &&
          // Planned work written as prose under Resolution ("Training will be held …") is the plan.
          !(r.kind === 'actionItems' && items.some((i) => i.status !== 'done')),
      )
      .map((r) => ({ rule: 'required-sections', line: null, message: `no '${r.title}' section; add one` }));
    const onlyCompleted = required
      .filter((r) => !planned(r))
      .filter((r) => !missing.some((m) => m.message.includes(`'${r.title}'`)))
      .map((r) => ({
        rule: 'required-sections',
        line: null,
        message: `the '${r.title}' list holds only completed work; add what is planned to stop this happening again`,
      }));
    return [...missing, ...onlyCompleted];
  },
  examples: {
    ok: [
      '# Outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Timeline\n\nx\n\n## Root cause\n\nx\n\n## Action items\n\nx\n',
      '**Issue Summary:**\n\nx\n\n**Customer impact:**\n\nx\n\n**Timeline:**\n\nx\n\n**Contributing factors:**\n\nx\n\n**Follow-ups:**\n\nx\n',
      // Judged by content: an untitled lead is the summary, "Causes" the root cause, a bold label the impact.
      '# Outage\n\nOn Monday the checkout service returned errors and customers could not pay for 40 minutes.\n\n**Impact**: 12 % of checkouts failed.\n\n## Timeline\n\nx\n\n### Causes\n\nThe pool was too small.\n\n## Next steps\n\n- Add a pool alert\n',
      '# Outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Timeline\n\nx\n\n## What went wrong\n\n- The pool was sized for last year\n\n## Follow-ups\n\nx\n',
      // Front matter is metadata: the lead after it is still the summary.
      '---\nauthors:\n  - core\n---\n# Token exposed\n\nA misconfigured bot exposed the upload token for two months; no packages were compromised.\n\n## Timeline\n\nx\n\n## Action items\n\n- Add a token scanner\n',
      // A one-sentence lead under the title is the summary.
      "# Account compromise\n\nPassword compromise of an employee's Okta account.\n\n## Impact\n\nx\n\n## Timeline\n\nx\n\n## Root cause\n\nx\n\n## Action items\n\n- Add phishing training\n",
      // A chronology told as prose is the timeline.
      '# Attack\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## How did it happen?\n\nAt 5:40PM on November 18th a user opened a pull request.\n\nAt 3:28 PM UTC on November 23rd the attacker deleted a run.\n\nThe attacker ran the workflow at 3:45 PM UTC.\n\n## Root cause\n\nx\n\n## Action items\n\n- Rotate the bot token\n',
      // A summary saying nothing harmful was found states the impact, as none.
      '# Phishing\n\n## Issue Summary\n\nAn email asked an employee for gift cards. No malicious links were discovered in scans.\n\n## Timeline\n\nx\n\n## Root cause\n\nx\n\n## Action items\n\n- Add phishing training\n',
      // Timed entries under another heading ("What happened") are the timeline.
      '# Outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## What happened\n\n- 10:02 deploy\n- 10:04 errors\n- 10:20 rollback\n\n## Root cause\n\nx\n\n## Action items\n\n- Add an alert\n',
      // Planned work written as prose under Resolution is the Action items.
      '# Outage\n\nThe checkout service returned errors and customers could not pay for 40 minutes.\n\n## Timeline\n\nx\n\n## Root cause\n\nThe pool was too small.\n\n## Resolution and recovery\n\nThe pool was enlarged.\n\nMore training will be conducted in the future on pool sizing.\nPublish a sizing guide for every service.\n',
      // A security report: the flaw explained in its summary, whether it was exploited after it.
      '# Negative values\n\n## Issue Summary\n\nThe code that creates outputs failed to check against negative values.\n\n## Timeline\n\nx\n\n## Resolution\n\nThe issue was not exploited on mainnet.\n\n## Action items\n\n- Add a fuzz test\n',
    ],
    notOk: [
      { markdown: '# Outage\n\n## Summary\n\nx\n\n## Timeline\n\nx\n', lines: [null, null, null] },
      // A potential impact someone wonders about is no impact stated; a quoted exploit name is no harm.
      {
        markdown:
          '# Report\n\n## Summary\n\nx\n\n## Timeline\n\nx\n\n## Root cause\n\nThe payload was named exploit:gen/dot_env_leak.\n\n## Action items\n\nAnalysts study its potential impact on any victims.\n',
        lines: [null],
      },
      // Completed work is not planned work: an Action items list of only done items plans nothing.
      {
        markdown:
          '# Outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Timeline\n\nx\n\n## Root cause\n\nx\n\n## Action items\n\n- [x] Rolled back the deploy\n- [x] Added a pool alert\n',
        lines: [null],
      },
      // A Resolution of what was done, with nothing planned, has no Action items.
      {
        markdown:
          '# Outage\n\nThe checkout service returned errors and customers could not pay for 40 minutes.\n\n## Timeline\n\nx\n\n## Root cause\n\nThe pool was too small.\n\n## Resolution\n\nThe pool was enlarged in 1.7.0.\n',
        lines: [null],
      },
    ],
  },
};
