import { listedActionItems, saysMoreThanAdvice } from '../action-items.js';
import { sectionsWithFields } from '../field-sections.js';
import { onlyTimeFigures } from '../figures-only.js';
import { linkedTimelineLine } from '../linked-timeline.js';
import { placeholdersIn } from '../placeholder.js';
import type { LintRule } from '../rule.js';
import { normaliseTitle } from '../sections.js';
import { statedByContent } from '../stated-by-content.js';
import { timelineForm } from '../timeline-form.js';

/** Timed entries that make a chronology, not a time mentioned in passing. */
const TIMED_ENTRIES = 3;

export const requiredSections: LintRule = {
  id: 'required-sections',
  description:
    'The sections every postmortem needs are present (the default set, or a team template’s headings).',
  cost: { each: 10, max: 40 },
  check({ doc, timeline, required }) {
    // A Timeline heading over dated prose with no time of day tells a story, not a timeline.
    const sections = sectionsWithFields(doc);
    const untimed = sections.filter(
      (s) => s.kind === 'timeline' && /^(?:prose|empty)$/.test(timelineForm(s)),
    );
    // An Impact heading over time-to figures alone ("MTTD: 2h52m", "MTTR: 1h35m") says how long, not
    // who or what was hurt: no impact section, unless its heading is marked unfinished ("Impact
    // (TBC)"), which no-placeholders reports.
    const figuresOnly = sections.filter(
      (s) =>
        s.kind === 'impact' &&
        onlyTimeFigures(doc.lines.slice(s.line, s.endLine)) &&
        !placeholdersIn(doc.lines[s.line - 1] ?? '').length,
    );
    const titles = sections
      .filter((s) => !untimed.includes(s) && !figuresOnly.includes(s))
      .map((s) => ({ kind: s.kind, title: normaliseTitle(s.title) }));
    const byContent = statedByContent(doc);
    // Entries with their times of day, under whatever heading ("What happened"), are the timeline.
    if (timeline.entries.filter((e) => e.attrs?.dayOnly !== true).length >= TIMED_ENTRIES)
      byContent.add('timeline');
    // A timeline given only as a link in a labelled line ("Timeline: [doc](…)") is there, kept
    // elsewhere: timeline-order says it is only linked.
    if (linkedTimelineLine(doc.lines)) byContent.add('timeline');
    // Action items are planned work: a heading of that name holding only completed work or advice to
    // readers plans nothing; planned work as prose under Resolution is the plan.
    const items = listedActionItems(doc);
    const planned =
      items.some((i) => i.status !== 'done') ||
      (!items.length && sections.some((s) => s.kind === 'actionItems' && saysMoreThanAdvice(s)));
    const missing = required
      .filter((r) =>
        r.kind === 'actionItems'
          ? !planned
          : !titles.some((t) => (r.kind && t.kind === r.kind) || t.title.includes(normaliseTitle(r.title))) &&
            !(r.kind && byContent.has(r.kind)),
      )
      .map((r) => ({
        rule: 'required-sections',
        line: null,
        message:
          r.kind === 'timeline' && untimed.length
            ? `the '${r.title}' section tells events in prose with no time of day; list them, each with its time`
            : r.kind !== 'actionItems' || !titles.some((t) => t.kind === 'actionItems')
              ? `no '${r.title}' section; add one`
              : items.length
                ? `the '${r.title}' list holds only completed work; add what is planned to stop this happening again`
                : `the '${r.title}' section plans no work; add what will change to stop this happening again`,
      }));
    return missing;
  },
  examples: {
    ok: [
      '# Outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Timeline\n\n- 10:02 deploy\n\n## Root cause\n\nx\n\n## Action items\n\n- Add an alert\n',
      // The work left open, under its own name (zzstoatzz/plyr.fm, MIT).
      '# Outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Timeline\n\n- 10:02 deploy\n\n## Root cause\n\nx\n\n## still open\n\n- **VM sizing**: resize the VM to 2GB\n',
      '**Issue Summary:**\n\nx\n\n**Customer impact:**\n\nx\n\n**Timeline:**\n\n- 10:02 deploy\n\n**Contributing factors:**\n\nx\n\n**Follow-ups:**\n\n- Add an alert\n',
      // Judged by content: an untitled lead is the summary, "Causes" the root cause, a bold label the impact.
      '# Outage\n\nOn Monday the checkout service returned errors and customers could not pay for 40 minutes.\n\n**Impact**: 12 % of checkouts failed.\n\n## Timeline\n\n- 10:02 deploy\n\n### Causes\n\nThe pool was too small.\n\n## Next steps\n\n- Add a pool alert\n',
      '# Outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Timeline\n\n- 10:02 deploy\n\n## What went wrong\n\n- The pool was sized for last year\n\n## Follow-ups\n\n- Add an alert\n',
      // Front matter is metadata: the lead after it is still the summary.
      '---\nauthors:\n  - core\n---\n# Token exposed\n\nA misconfigured bot exposed the upload token for two months; no packages were compromised.\n\n## Timeline\n\n- 10:02 deploy\n\n## Action items\n\n- Add a token scanner\n',
      // A one-sentence lead under the title is the summary.
      "# Account compromise\n\nPassword compromise of an employee's Okta account.\n\n## Impact\n\nx\n\n## Timeline\n\n- 10:02 deploy\n\n## Root cause\n\nx\n\n## Action items\n\n- Add phishing training\n",
      // A chronology told as prose is the timeline.
      '# Attack\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## How did it happen?\n\nAt 5:40PM on November 18th a user opened a pull request.\n\nAt 3:28 PM UTC on November 23rd the attacker deleted a run.\n\nThe attacker ran the workflow at 3:45 PM UTC.\n\n## Root cause\n\nx\n\n## Action items\n\n- Rotate the bot token\n',
      // A summary saying nothing harmful was found states the impact, as none.
      '# Phishing\n\n## Issue Summary\n\nAn email asked an employee for gift cards. No malicious links were discovered in scans.\n\n## Timeline\n\n- 10:02 deploy\n\n## Root cause\n\nx\n\n## Action items\n\n- Add phishing training\n',
      // Timed entries under another heading ("What happened") are the timeline.
      '# Outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## What happened\n\n- 10:02 deploy\n- 10:04 errors\n- 10:20 rollback\n\n## Root cause\n\nx\n\n## Action items\n\n- Add an alert\n',
      // Planned work written as prose under Resolution is the Action items.
      '# Outage\n\nThe checkout service returned errors and customers could not pay for 40 minutes.\n\n## Timeline\n\n- 10:02 deploy\n\n## Root cause\n\nThe pool was too small.\n\n## Resolution and recovery\n\nThe pool was enlarged.\n\nMore training will be conducted in the future on pool sizing.\nPublish a sizing guide for every service.\n',
      // A first section whose heading names no kind ("What happened?") is the lead, and states the cause.
      '# Account takeover\n\n## What happened?\n\nA user account was taken over, and its owner lost access to 4 projects; the account was not sufficiently protected against takeover.\n\n## Timeline\n\n- 08:42 account created\n\n## Action items\n\n- Enforce 2FA\n',
      // Dated entries with no time of day, as paragraphs or under day headings, are a timeline.
      '# Outage\n\nThe checkout service returned errors and customers could not pay.\n\n## Timeline\n\n10/14/2022 - A researcher reported the flaw.\n\n11/03/2022 - Version 1.6.1 shipped the fix.\n\n## Root cause\n\nThe pool was too small.\n\n## Action items\n\n- Add a pool alert\n',
      '# Outage\n\nThe checkout service returned errors and customers could not pay.\n\n## Timeline\n\n### August 15\n\nThe first report [#11876](https://github.com/o/r/issues/11876) is opened.\n\n### August 17\n\nThe fix merges.\n\n## Root cause\n\nThe pool was too small.\n\n## Action items\n\n- Add a pool alert\n',
      // A word on the timeline with no dates is the author's, not a story told without times.
      '# Outage\n\nThe checkout service returned errors and customers could not pay.\n\n## Timeline\n\nThe timeline is not part of this version of the report.\n\n## Root cause\n\nThe pool was too small.\n\n## Action items\n\n- Add a pool alert\n',
      // Planned work under a title of its own: bold titles over one line each, a prose plan, a first-person promise.
      '# Outage\n\nThe checkout service returned errors and customers could not pay.\n\n## Timeline\n\n- 10:02 deploy\n\n## Root cause\n\nThe pool was too small.\n\n## Looking Forward\n\n1. **Bug bounty**\n   - We will establish a bug bounty program.\n',
      '# Outage\n\nThe checkout service returned errors and customers could not pay.\n\n## Timeline\n\n- 10:02 deploy\n\n## How did this happen\n\nA token was left in a local file.\n\n## Response\n\nI have revoked the token, and will avoid creating one in the future.\n',
      // A security report: the flaw explained in its summary, whether it was exploited after it.
      '# Negative values\n\n## Issue Summary\n\nThe code that creates outputs failed to check against negative values.\n\n## Timeline\n\n- 10:02 deploy\n\n## Resolution\n\nThe issue was not exploited on mainnet.\n\n## Action items\n\n- Add a fuzz test\n',
      // Planned work as prose under "Future measures" is the Action items.
      '# Outage\n\nThe checkout service returned errors and customers could not pay.\n\n## Timeline\n\n- 10:02 deploy\n\n## Root cause\n\nThe pool was too small.\n\n## Actions taken\n\nThe pool was enlarged.\n\n## Future measures\n\nWe will be introducing a pool-size alert.\n',
      // A security advisory: the malicious package named at the top is the cause, its downloads the impact.
      '# Packages\n\n## Summary\n\nThe registry team learnt of two malicious packages that sent wallet keys to a remote host.\n\n## Timeline\n\n- 10:02 report\n\n## Analysis\n\nThe packages were downloaded 3120 times.\n\n## Action items\n\n- Add a name-similarity check to uploads\n',
      // Sections written as a list of labelled fields: "Review actions" over a nested list is the Action items.
      '# Incident on 2023-09-18 - Lack of disk space\n\n- **Impact**: Several nodes ran out of disk space.\n\n- **Resolution**:\n  - Team identified that the disk was reduced to 20Gb\n\n- **Review actions**:\n  - Update runbook to compare launch template changes\n\n## Summary\n\nx\n\n## Timeline\n\n- 13:42 alert\n\n## Root cause\n\nx\n',
      // A timeline given only as a link in a labelled line is there (timeline-order says it is only linked).
      '# Incident\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Root cause\n\nx\n\n- **Context**:\n  - Timeline : [https://docs.google.com/document/d/1kxK/edit](https://docs.google.com/document/d/1kxK/edit)\n\n## Action items\n\n- Add an alert\n',
      // An Impact heading marked unfinished over its figures is no-placeholders' to report.
      '# 2019-02-23\n\n## Description\n\n- MECA exports not being accepted by EJP\n\n## Timeline\n\n- 10:02 deploy\n\n## Contributing Factor(s)\n\n- The test asserted on the wrong values\n\n## Impact (TBC)\n\nMTTD: 00:10\n\nMTTR: 01:00\n\n## Corrective Actions\n\n- Add type checking\n',
      // A thing said to be the cause among the timeline entries names the root cause there.
      '# Database\n\n## Summary\n\nThe hub was down and users lost their notebooks for ten hours.\n\n## Timeline\n\n### 11:19 AM\n\nVerified that `.save` overwrites the db file without asking, and is most likely cause of the issue.\n\n## Action items\n\n- Back up the database daily\n',
      // A cloud provider's review, in questions: "How are we making incidents like this less likely?"
      // is the Action items, its promise of work planned with an estimated completion.
      '# Post Incident Review – Storage\n\n## What happened?\n\nBetween 23:19 UTC on 07 February 2024 and 04:10 UTC on 08 February 2024, a subset of customers experienced intermittent failures when accessing their storage accounts.\n\n## What went wrong and why?\n\nA configuration change reduced the connection limit, which caused the nodes to reject new connections.\n\n## How did we respond?\n\n- 23:24 UTC monitoring detected the failures\n- 00:40 UTC the change identified as the cause\n- 04:10 UTC all services fully recovered\n\n## How are we making incidents like this less likely or less impactful?\n\n- We are adding a validation step for connection limits (Estimated completion: March 2024).\n',
      // Header fields that tell the cause ("**Cause:** …") summarise the incident.
      '# Incident — search index deleted\n\n**Severity:** degraded; search returned nothing between 18:03 and 19:23 UTC.\n**Cause:** a rebuild deleted the index and could not build the new one.\n\n## Timeline\n\n- 18:03 index deleted\n- 18:10 search empty\n- 19:23 rebuilt\n\n## Root cause\n\nThe rebuild deleted before it built.\n\n## Action items\n\n- Build to a temporary index, then swap\n',
    ],
    notOk: [
      {
        markdown: '# Outage\n\n## Summary\n\nx\n\n## Timeline\n\n- 10:02 deploy\n',
        lines: [null, null, null],
      },
      // The response told in one paragraph of narrative names its times in passing: no timeline.
      {
        markdown:
          '# Post Incident Review – Storage\n\n## What happened?\n\nBetween 23:19 UTC on 07 February 2024 and 04:10 UTC on 08 February 2024, a subset of customers experienced intermittent failures when accessing their storage accounts.\n\n## What went wrong and why?\n\nA configuration change reduced the connection limit, which caused the nodes to reject new connections.\n\n## How did we respond?\n\nOur monitoring detected the failures at 23:24 UTC. At 00:40 UTC we identified the change as the cause. By 04:10 UTC all services had fully recovered.\n\n## How are we making incidents like this less likely or less impactful?\n\n- We are adding a validation step for connection limits (Estimated completion: March 2024).\n',
        lines: [null],
      },
      // Header fields, however long their values, are metadata: no summary is told.
      {
        markdown:
          '# 2026-05-17 - API outage\n\n- **Date of incident**: 2026-05-17 21:15 UTC to 2026-05-20 20:50 UTC\n- **Severity**: high\n- **Impact**: the API returned a TLS alert externally; the frontend rendered\n  but every API call failed for about three days.\n\n## Timeline\n\n- 21:15 certificate renewal failed\n- 21:20 the API returns TLS alerts\n- 21:30 reported\n\n## Root cause\n\nThe renewal hook was removed.\n\n## Action items\n\n- Add a TLS probe\n',
        lines: [null],
      },
      // A potential impact someone wonders about is no impact stated; a quoted exploit name is no harm.
      {
        markdown:
          '# Report\n\n## Summary\n\nx\n\n## Timeline\n\n- 10:02 deploy\n\n## Root cause\n\nThe payload was named exploit:gen/dot_env_leak.\n\n## Action items\n\n- Ask analysts to study its potential impact on any victims\n',
        lines: [null],
      },
      // Completed work is not planned work: an Action items list of only done items plans nothing.
      {
        markdown:
          '# Outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Timeline\n\n- 10:02 deploy\n\n## Root cause\n\nx\n\n## Action items\n\n- [x] Rolled back the deploy\n- [x] Added a pool alert\n',
        lines: [null],
      },
      // Advice to readers ("Call to action") is not the team's planned work.
      {
        markdown:
          '# Phishing\n\nFour accounts were phished and their owners could not log in.\n\n## Timeline\n\n- 10:02 email sent\n\n## Root cause\n\nThe login page was proxied.\n\n## Call to action\n\nSome things you can do:\n\n* If you have a dormant account, consider removing it.\n* Use hardware keys for 2FA on your account.\n',
        lines: [null],
      },
      // An Action Items table that lists again what the Resolution says was done plans nothing.
      {
        markdown:
          '# Breaking change\n\nA breaking change in 10.6 impacted all users of the component.\n\n## Timeline\n\n- 10:02 release\n\n## Root cause\n\nThe migration changed the public API.\n\n## Resolution\n\nWe reverted to the previous behavior of the component.\n\n## Action Items\n\n| Action item | Owner |\n| --- | --- |\n| Revert to the old behavior | @josh |\n',
        lines: [null],
      },
      // "What went wrong" under Lessons lists what could have gone better: no cause stated.
      {
        markdown:
          '# Launches\n\nLaunches failed for every user for 20 minutes.\n\n## Timeline\n\n- 14:03 launches fail\n\n## Lessons learnt\n\n### What went wrong\n\n- Nobody was paged.\n\n## Action items\n\n- Page the on-call when launches fail\n',
        lines: [null],
      },
      // An "Actions taken" section told in prose plans nothing.
      {
        markdown:
          '# Packages\n\nTwo malicious packages sent wallet keys to a remote host; they were downloaded 3120 times.\n\n## Timeline\n\n- 10:02 report\n\n## Actions taken\n\nThe account was disabled and the packages were deleted at 15:34 UTC.\n',
        lines: [null],
      },
      // Recommendations that lay duties on people outside the team are advice, not the team's plan.
      {
        markdown:
          '# Packages\n\nAn attacker published malicious versions of two packages; users who installed them lost tokens.\n\n## Timeline\n\n- 10:02 publish\n\n## Root cause\n\nThe password was reused.\n\n## Recommendations\n\nWe have a few recommendations for package maintainers and users:\n\n- Package maintainers should enable two-factor authentication.\n- Application developers should use a lockfile.\n',
        lines: [null],
      },
      // Planned work mentioned in passing in the lessons is no Action items section.
      {
        markdown:
          '# Takeover\n\nAn account was taken over and its 4 projects lost their owner.\n\n## Timeline\n\n- 08:42 account created\n\n## Root cause\n\nThe account had no 2FA.\n\n## What can we learn from this incident?\n\n### An ounce of prevention\n\nThis encouragement will turn into enforcement at the end of 2023.\n',
        lines: [null],
      },
      // A Timeline heading over dated narrative with no time of day is no timeline.
      {
        markdown:
          '# Tokens\n\nAttackers stole tokens from CI workflows; no packages were compromised.\n\n## Timeline and Response\n\nOn September 5th, a researcher reported a malicious workflow.\n\nLater on September 5th, another researcher emailed us.\n\n## Root cause\n\nTokens were stored as CI secrets.\n\n## Action items\n\n- Add a token scanner\n',
        lines: [null],
      },
      // Labelled fields with no planned work: the Resolution field tells only what was done.
      {
        markdown:
          '# Incident\n\n- **Impact**: Several nodes ran out of disk space.\n\n- **Context**: the nodes were recycled.\n\n- **Resolution**:\n  - A restart of the leader pod was required.\n\n## Summary\n\nx\n\n## Timeline\n\n- 13:42 alert\n\n## Root cause\n\nx\n',
        lines: [null],
      },
      // An Impact section of time-to figures alone says how long, not who or what was hurt
      // (elifesciences/elife-xpub, MIT).
      {
        markdown:
          '# 2019-03-11\n\n## Description\n\nInvalid configuration of secrets for xpub in staging and production environments.\n\n## Timeline\n\n- 10:02 deploy\n\n## Contributing Factor(s)\n\n- expiring Vault token\n\n## Impact\n\nMTTD: 11:00\n\nMTTR: 02:40\n\n## Corrective Actions\n\n- Add type checking\n',
        lines: [null],
      },
      // A Resolution of what was done, with nothing planned, has no Action items.
      {
        markdown:
          '# Outage\n\nThe checkout service returned errors and customers could not pay for 40 minutes.\n\n## Timeline\n\n- 10:02 deploy\n\n## Root cause\n\nThe pool was too small.\n\n## Resolution\n\nThe pool was enlarged in 1.7.0.\n',
        lines: [null],
      },
    ],
  },
};
