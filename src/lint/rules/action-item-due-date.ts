import { listedActionItems, onlySlot } from '../action-items.js';
import { isPlaceholder } from '../placeholder.js';
import type { LintRule } from '../rule.js';
import { byList, itemsNamed } from './grouped-items.js';

/**
 * A target that names no point in time ("soon", "next", "follow-up", "later", "ongoing"): an adverb of
 * time with nothing to anchor it, as a date left open.
 */
const UNANCHORED = /^(?:soon|next|later|eventually|someday|some day|ongoing|follow[- ]?ups?|future)$/i;
export const namesNoTime = (due: string) => UNANCHORED.test(due.replace(/[*_`.()]/g, '').trim());

export const actionItemDueDate: LintRule = {
  id: 'action-item-due-date',
  description:
    'Every planned action item has a due date, a timeframe heading, or a tracker that holds its date (a link, a ticket key, a priority); one finding per list.',
  cost: { each: 3, max: 15 },
  check({ doc }) {
    const open = listedActionItems(doc).filter(
      (item) => item.status !== 'done' && !item.scheduled && !onlySlot(item.action),
    );
    return byList(open.filter((item) => !item.due || isPlaceholder(item.due) || namesNoTime(item.due))).map(
      (items) => {
        const placeholder = items.find((i) => i.due)?.due;
        return {
          rule: 'action-item-due-date',
          line: items[0].line,
          message: placeholder
            ? `${itemsNamed(items)} ${items.length > 1 ? 'have' : 'has'} no due date or the placeholder '${placeholder}'; set a date`
            : `${itemsNamed(items)} ${items.length > 1 ? 'have' : 'has'} no due date, ticket or priority; add 'due YYYY-MM-DD' or link the ticket`,
        };
      },
    );
  },
  examples: {
    ok: [
      // An item that is only a template's slot is no-placeholders' finding, once.
      '## Action items\n\n- TODO\n- [Action item description]\n',
      // A ticket in bold is a ticket all the same; a plan given "in priority order" is ranked, its
      // ranking its schedule (chipi/podcast_scraper, MIT).
      '## What to do better — concrete, in priority order\n\n**1. Fix `--rebuild` in the product.** Pass `drop_existing=True` through.\n\n**2. Never delete before the replacement is proven.** Build to a temp directory, then swap.\n',
      '## Follow-ups to file\n\n- **#1862 (open):** scoping pass writes GI but not KG.\n',
      '## Action items\n\n- Add a pool-size alert (Owner: SRE, due 2024-02-01)\n',
      // The paragraph leading into the list links its ticket: the tracker holds the date
      // (usdigitalresponse/univaf, MIT).
      '## Action items\n\nThe cleanup is detailed in [#631](https://github.com/o/r/issues/631). We will do the following:\n\n- Drop the `id` column (owner: @alice).\n- Compare the IDs in JS before inserting (owner: @bob).\n',
      '## Action items\n\n### This week\n\n- [ ] Add alert (owner: sre)\n',
      // A tracker holds the date: a link, a ticket key, a priority.
      '## Action items\n\n- Add alert (#2226)\n- Fix retries, OPS-123\n- **HIGH** Rotate keys\n- P1: Pin the chart\n',
      // A priority in words, whatever its case, or in a Priority column, schedules the item as "P1" does.
      '## Action items\n\n- Add alert (High priority)\n- Fix retries. Priority: Medium\n',
      '## Action items\n\n| Action | Owner | Priority |\n|---|---|---|\n| Add alert | sre | High |\n| Fix retries | sre | Low |\n',
      // A timeframe with an end, over the list or in the item.
      '## Action items\n\n### Q3\n\n- Add a pool alert (owner: sre)\n\n### Later\n\n- Settle the policy wording in the coming weeks\n',
      // A subheading that says only "now" dates its items.
      '## Action items\n\n### immediate\n\n1. Add Fly HTTP health checks (owner: sre)\n',
      // An item its own note says is already done plans nothing to date.
      '## Action items\n\n- Split rejection codes by cause. Note: on checking, we already do this.\n',
      // A fact told in the past tense, subject first, is no work to date.
      '### Action\n\nStopped the trim service on the host.\n\nObserved:\n\n- `fstrim.service` transitioned to `failed` (stopped).\n',
      // A link by reference ("[issue][alerts]") is a tracking link all the same.
      '## Action items\n\n- Add a pending-pods alert ([issue][alerts])\n\n[alerts]: https://github.com/o/r/issues/611\n',
      '## Follow-ups ([issue](https://github.com/acme/api/issues/39133))\n\n- Add a circuit breaker\n',
      // A ticket said to exist: the tracker holds the date.
      '## Action items\n\n- Add an exporter alert (owner: SRE). An issue has been created for this.\n- Pin the chart (owner: SRE, ticket was filed)\n',
      // A heading's tracking link covers the items under its sub-labels; "next 2 weeks" is a timeframe.
      '## Follow-ups\n\n### Short-term ([Tracked in #40885](https://github.com/o/r/issues/40885))\n\n**To finish first:**\n\n- Add a pool alert (owner: SRE)\n',
      '## Follow-ups\n\n**In progress (next 2 weeks):**\n\n- Add a pool alert (owner: SRE)\n',
      // A tracking link in a prose plan schedules the later steps of that same fix.
      '## Future plan\n\nThe bug will be fixed in this [PR](https://github.com/o/r/pull/81), and once merged, it will\nundergo tests on devnet. Once all tests are completed, it will be applied to mainnet.\n',
      // Advice to readers holds no date to ask for.
      '## Call to action\n\nSome things you can do:\n\n* If you have a dormant account, consider removing it.\n* Use hardware keys for 2FA on your account.\n',
      // A span of days with an end in a subheading is a timeframe (mastra-ai/mastra, Apache-2.0).
      '## Action Items\n\n### Immediate Actions (0-7 days)\n\n- [ ] Add alerts for failed builds (owner: sre)\n\n### Short-term Improvements (8-30 days)\n\n- [ ] Add a synthetic build monitor (owner: sre)\n',
      // A ticket a subsection links tracks the plans its paragraphs tell (IIP-Design/lab-tools, MIT).
      '## Corrective Actions\n\n### Unauthenticated Operations\n\nHowever, we will investigate these sub-queries further to ensure they do not put data at risk.\n\nA ticket ([CDP-2445](https://design.atlassian.net/browse/CDP-2445)) was created to wrap all remaining operations.\n',
      // Names listed in code are what a sentence speaks of, not work; a list a past fact introduces is
      // what it speaks of (IIP-Design/lab-tools, MIT).
      '## Corrective Actions\n\nWe use several enum queries in the client application. Namely:\n\n- `COPYRIGHT_QUERY`\n- `VISIBILITY_QUERY`\n\nImmediate action was taken. These records were originally created to point the following subdomains to S3 buckets:\n\n- staticshare\n- statictranslations\n\nCDP-2437 tracks the rest.\n',
    ],
    notOk: [
      // A list of work done leaves the plans to the prose after it; a team's "will", a passive duty
      // hedged on feasibility (IIP-Design/lab-tools, MIT).
      {
        markdown:
          '## Corrective Actions\n\nImmediate corrective action was taken. These records were created to point the following subdomains to S3:\n\n- staticshare\n- statictranslations\n\nThe operations team will investigate whether the endpoint can be closed.\n\nIf possible, all security reports should be sent to several team members.\n',
        lines: [8],
      },
      // A ticket named in a paragraph that does not lead into the list is not the list's tracker.
      {
        markdown:
          '## Action items\n\nThe outage was first reported in #12.\n\n- Add a disk alert (owner: sre)\n',
        lines: [5],
      },
      // "Immediate actions" names a kind of work, not when; a list numbered on across subheadings is
      // one list, reported once at its first item with no date (zzstoatzz/plyr.fm, MIT).
      {
        markdown:
          '## Action items\n\n### Immediate actions\n\n- Add a health check (owner: sre)\n\n## action items\n\n### immediate\n\n1. Add a health check (owner: sre)\n\n### if needed\n\n2. Increase VM memory to 2GB (owner: sre)\n\n### longer term\n\n3. Add uptime alerting (owner: sre)\n',
        lines: [5, 15],
      },
      // A target that names no point in time is a date left open; a release or an issue is not.
      {
        markdown:
          '## Improvement plan\n\n| Item | Tracking | Owner | Target |\n| --- | --- | --- | --- |\n| Prune images in the deploy path | TBD | operator | next |\n| Add a disk alert | #1688 | operator | follow-up |\n\n### Process\n\n| Item | Tracking | Owner | Target |\n| --- | --- | --- | --- |\n| Write the rotation runbook | (new) | operator | soon |\n| Add a STOP endpoint | (new) | operator | v2.8 |\n',
        lines: [5, 12],
      },
      // A Priority column left empty or as 'TBD' schedules nothing.
      {
        markdown:
          '## Action items\n\n| Action | Owner | Priority |\n|---|---|---|\n| Add alert | sre | TBD |\n| Fix retries | sre | - |\n',
        lines: [5],
      },
      // A paragraph its bold label names an action item is one, owned here and not dated.
      {
        markdown:
          '## Remediation\n\n- ✅ Reverted the change\n\n**Action item:** Start incidents earlier. Owner: @lucas\n',
        lines: [5],
      },
      {
        markdown:
          '## Action items\n\n- Add a pool-size alert (Owner: SRE)\n- [x] Roll back (Owner: SRE)\n- Fix retries\n',
        lines: [3],
      },
      // Subheadings that are each one item's title form one list; its prose plans are its items.
      {
        markdown:
          '# Future works\n\n## Removal of the trust flag\n\nThe flag skips validation of receipts retrieved from a trusted\nsource. It will be turned off to let all nodes validate receipts.\n\n## Monitoring\n\nWe are going to strengthen the monitoring of blocks from partners.\n',
        lines: [6],
      },
    ],
  },
};
