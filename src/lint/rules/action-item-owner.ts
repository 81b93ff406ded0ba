import { listedActionItems, onlySlot } from '../action-items.js';
import { isPlaceholder, placeholdersIn } from '../placeholder.js';
import type { LintRule } from '../rule.js';
import { byList, itemsNamed } from './grouped-items.js';

/** An owner left as a template's slot ("[Name]", "Owner: TBD") is one problem, reported by no-placeholders. */
function leftAsSlot(owner: string): boolean {
  const hits = placeholdersIn(owner);
  let rest = owner;
  for (const hit of hits) rest = rest.replace(hit.text, ' ');
  return hits.length > 0 && /^[\s*_.,:()-]*$/.test(rest);
}

export const actionItemOwner: LintRule = {
  id: 'action-item-owner',
  description:
    'Every planned action item names an owner (a person, a role or a team); one finding per list. Completed work is not held to it.',
  cost: { each: 3, max: 15 },
  check({ doc }) {
    const open = listedActionItems(doc).filter(
      (item) => item.status !== 'done' && !(item.owner && leftAsSlot(item.owner)) && !onlySlot(item.action),
    );
    return byList(open.filter((item) => !item.owner || isPlaceholder(item.owner))).map((items) => {
      const placeholder = items.find((i) => i.owner)?.owner;
      return {
        rule: 'action-item-owner',
        line: items[0].line,
        message: placeholder
          ? `${itemsNamed(items)} ${items.length > 1 ? 'have' : 'has'} no owner or the placeholder '${placeholder}'; name the owner`
          : `${itemsNamed(items)} ${items.length > 1 ? 'have' : 'has'} no owner; add 'Owner: <role or team>'`,
      };
    });
  },
  examples: {
    ok: [
      // An item that is only a template's slot is no-placeholders' finding, once.
      '## Action items\n\n- TODO\n- [Action item description]\n',
      '## Action items\n\n- Add a pool-size alert (Owner: SRE, due 2024-02-01)\n',
      // The team named first, then "to" and the work, as meeting notes hand out actions.
      '## Action items\n\n- The platform team to add a canary stage, due 2024-02-01\n- SRE and the backend team to add retries, due 2024-02-01\n',
      // The writers say which team they are, and promise the work as "we" (govau/cloud.gov.au, MIT).
      "## What we're doing to fix this\n\n- We will add Diego Brain instances.\n- We will improve the monitoring.\n\n## Conclusion\n\nAll of us on the Infrastructure & Platforms team would like to apologize for this outage.\n",
      '## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Add alert | sre | 2024-02-01 |\n',
      // The pull request the timeline tells as fixed is done work, not work to own.
      '## Timeline\n\n- 10:00 The redirect bug is [fixed](https://github.com/o/r/pull/7).\n\n## Action items\n\n- Fix the redirect bug ([PR](https://github.com/o/r/pull/7))\n',
      // "We will …" in a post a named team wrote: that team owns the work.
      '---\nauthor: The Registry Team\n---\n# Outage\n\n## Future measures\n\nWe will be adding rate limits to the upload endpoint in 2024-Q1.\n',
      // "We will …" from writers who speak of their own team ("not all members of the team …").
      '# Outage\n\nNot all members of the team check email at the start of their day.\n\n## Action items\n\n- We will set up automated alerts for new reports.\n',
      // A subject named after a team the document names owns the work (ministryofjustice/cloud-platform, MIT).
      '# Incident\n\nThe Cloud Platform team deployed an updated ingress-nginx.\n\n### Future Actions\n\nCloud Platform 3.0 will contain separate clusters for production and non-production workloads so non-production workloads will have to use the non-production ingress traffic routing, therefore mitigation for this type of issue will be part of the design.\n',
      // Findings under a subsection naming another part ("What went wrong") are not work to own.
      '## Action items\n\n### What went wrong\n\n* There was a long outage with no clear errors\n\n### Process improvements\n\n- Add a node-age alert (Owner: SRE, due 2024-02-01)\n',
      // A key to the table's values ("P0 - Critical …") is not work to own.
      '## Action items\n\nPriorities:\n\n- P0 - Critical for the release.\n- P1 - Important later.\n\n| Action | Owner | Priority |\n|---|---|---|\n| Add alert | sre | P0 |\n| Add a runbook | sre | P1 |\n',
      // Advice to people outside the team is not the team's work.
      '## Recommendations\n\nOur recommendations for package maintainers:\n\n- Package maintainers should enable two-factor authentication.\n- Maintainers should use a lockfile.\n',
      // Completed work, in the past tense or checked, is not held to an owner.
      '## Remediation\n\n- Created a new partitioned table\n- Ran a backfill script\n- Query plans\n',
      // Work the writer crossed off (struck through) plans nothing (Stellar-Index/StellarIndex, Apache-2.0).
      '## Still open\n\n- ~~Nothing paged on the failure mode~~ — **shipped 2026-09-27.** The alert now exists.\n- Move pg_wal onto the data volume (Owner: ops, due 2026-10-15)\n',
      // Facts told in the past tense, subject first, report what happened: nothing to own.
      '### Action\n\nStopped the trim service on the host.\n\nObserved:\n\n- `fstrim.service` transitioned to `failed` (stopped).\n',
      // A list introduced as what was seen holds findings, not work.
      '### Action\n\nObserved:\n\n- Both units are `masked`.\n- Disk wait drops to 2 %.\n',
      '## Action items\n\n- DevEx will update all service accounts\n- The platform team should add a quota alert\n',
      // An owner left as the template's '[Name]' or TBD is one problem, and no-placeholders reports it.
      '## Action items\n\n- Fix config (Owner: [Name], due 2024-02-01)\n',
      '## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Add alert | TBD | 2024-02-01 |\n',
      // Named teams doing the work own it.
      '## Follow-ups\n\n- **Strike team**: Engineers from the flags and infrastructure teams conducting a load review\n',
      // Advice to readers is not the team's work; the writer's own promise ("I … will") has its owner.
      '## Call to action\n\nSome things you can do:\n\n* If you have a dormant account, consider removing it.\n* Use hardware keys for 2FA on your account.\n',
      '## Follow-ups\n\nI have revoked the token, and will avoid creating one in the future.\n',
      // What improvements will do is no one's work.
      '## Follow-ups\n\nThe improvements underway will prevent similar failures in the future.\n',
      // Work under way said of a named team is owned by it.
      '## Corrective and Preventative Measure\n\nThe IPS team is continuing to improve our response process.\n',
      // A time said before the team ("Going forward …") leaves the team the owner (Chia-Network/post-mortem, Apache-2.0).
      '## Corrective and Preventative Measures\n\nGoing forward the Chia team is going to rebuild the site deployment process.\n',
      // A team named with a slash owns what it will do (IIP-Design/lab-tools, MIT).
      '## Corrective Actions\n\nThe development/operations team will investigate blocking all outside traffic to the endpoint.\n',
    ],
    notOk: [
      // "We need …" told in a plan's prose names no one (hachyderm/community, Apache-2.0).
      {
        markdown:
          '## Opportunities\n\nWe need to improve our monitoring and alerting on critical systems.\n\nWe need to review our pgbouncer and postgresql configuration.\n',
        lines: [3],
      },
      // A passive duty names no one to do it; a constraint ("must be left") is no work (IIP-Design/lab-tools, MIT).
      {
        markdown:
          '## Corrective Actions\n\nSome of the operations must be left unauthenticated as they serve the public API.\n\nIf possible, all security vulnerability reports should be sent to multiple team members.\n',
        lines: [5],
      },
      // A status for a label: the shipped item is done, the note no item, the open one planned
      // (zzstoatzz/plyr.fm, MIT).
      {
        markdown:
          '## prevention / follow-ups\n\n- **shipped**: the three PRs above and an integrity script.\n- **open**: run the integrity script on a cron and page.\n- **note**: the three artists have not been told.\n',
        lines: [4],
      },
      // One numbered list told across subheadings is one list, one problem (zzstoatzz/plyr.fm, MIT).
      {
        markdown:
          '## action items\n\n### immediate\n\n1. **add Fly HTTP health checks**\n\n### investigate\n\n2. **what froze machine 2?** need to understand the freeze\n\n### longer term\n\n3. **uptime monitoring / alerting**\n\n### other\n\n1. Add a keepalive query\n',
        lines: [5, 17],
      },
      // A prose plan under a title that names it, ranked but with no one named (chipi/podcast_scraper, MIT).
      {
        markdown:
          '## What to do better — concrete, in priority order\n\n**1. Fix `--rebuild` in the product.** Pass `drop_existing=True` through.\n\n**2. Never delete before the replacement is proven.** Build to a temp directory, then swap.\n',
        lines: [3],
      },
      // A subsection's one planned paragraph beside a list is an item of its own, one problem.
      {
        markdown:
          '## Action items\n\n### Builder\n\nLimit memory for build pods.\n\n### Process\n\n1. Name one driver per incident (owner: sre)\n',
        lines: [5],
      },
      // The same promise from writers who are not a named team names no owner.
      {
        markdown:
          '---\nauthor: Jane Doe\n---\n# Outage\n\n## Future measures\n\nWe will be adding rate limits to the upload endpoint in 2024-Q1.\n',
        lines: [8],
      },
      {
        markdown:
          '## Action items\n\n- Add a pool-size alert, due 2024-02-01\n- Fix config (Owner: -)\n- Rotate keys\n\n### Later\n\n- Migrate to Consul\n',
        lines: [3, 9],
      },
      // The same promise when no team is called by that name: a system, no owner.
      {
        markdown:
          '# Incident\n\nThe Platform group deployed an update.\n\n### Future Actions\n\nCloud Platform 3.0 will contain separate clusters for production and non-production workloads so non-production workloads will have to use the non-production ingress traffic routing, therefore mitigation for this type of issue will be part of the design.\n',
        lines: [7],
      },
      // Sections written as labelled fields: the "Review actions" field's items are a list (ministryofjustice/cloud-platform, MIT).
      {
        markdown:
          '# Incident\n\n- **Impact**: Cloud Platform services were not available for a period of time.\n\n- **Resolution**:\n  - Route table associations were rebuilt by running Terraform apply manually.\n\n- **Review actions**:\n  - Review and update the process for pausing and resuming infrastructure pipelines.\n  - Investigate options for suspending the execution of queued PRs.\n',
        lines: [9],
      },
      // Bold titles over one line each: the lines are the items, one list, reported at its first line.
      {
        markdown:
          '## Looking Forward\n\n1. **Simulator load**\n   - Conducting stress tests to keep the simulator responsive.\n2. **Bug bounty**\n   - We will establish a bug bounty program.\n',
        lines: [4],
      },
    ],
  },
};
