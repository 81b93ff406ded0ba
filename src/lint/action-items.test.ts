import { describe, expect, it } from 'vitest';
import { actionItems, listedActionItems, readStatus } from './action-items.js';
import { parsePostmortem } from './parse.js';

const items = (markdown: string) => actionItems(parsePostmortem(markdown, 'pm.md'));

describe('actionItems', () => {
  // hachyderm/community (Apache-2.0): each item a heading naming its doer, its plan a paragraph.
  it('reads the handle an item’s own title names as the owner of the plan under it, not an address', () => {
    const md =
      '## Resulting Action\n\n#### 1) Spreadsheet created to count connections `@ThisIsMissEm`\n\nThis will be published after review.\n\n#### 2) Dashboards reviewed by @org/infra\n\nThis will be shared after review.\n\n#### 3) Runbook drafted\n\nThis will be published next week.\n\n#### 4) Mail sent to ops@example.com\n\nThis will be answered next week.\n';
    expect(items(md).map((i) => [i.line, i.owner])).toEqual([
      [5, '@ThisIsMissEm'],
      // A team's handle names the team; a title naming no one, and an address, no one.
      [9, '@org/infra'],
      [13, null],
      [17, null],
    ]);
  });

  it('reads an owner field up to the next field or the end of its sentence, a name with an initial whole', () => {
    const md =
      '## Action items\n\n- AI-3: Add a canary stage. Owner: Platform. Due: 2026-02-01.\n- Add a canary. Owner: J. Smith\n- Add a canary. Owner: Platform team.\n- Add a canary (Owner: Platform, due 2026-01-01)\n';
    expect(items(md).map((i) => [i.owner, i.due])).toEqual([
      ['Platform', '2026-02-01'],
      ['J. Smith', null],
      ['Platform team', null],
      ['Platform', '2026-01-01'],
    ]);
  });

  it('reads owner, due date and status from a table', () => {
    expect(
      items(
        '## Action Items\n\n| Action | Owner | Due Date | Status |\n|---|---|---|---|\n| Add alert | sre | 2024-01-16 | ✅ Done |\n',
      ),
    ).toEqual([{ action: 'Add alert', owner: 'sre', due: '2024-01-16', status: 'done', line: 5 }]);
  });

  it('reads an item done by the "Instead, …" item that replaces it, and only then (jupyterhub/mybinder.org-deploy, BSD-3-Clause)', () => {
    const statuses = (markdown: string) => items(markdown).map((i) => i.status);
    expect(
      statuses(
        "## Action items\n\n- Do not use a single team member's email address for letsencrypt\n- Instead, use a shared google groups email account so we all get pinged\n  * This has been done: binder-team@googlegroups.com\n- keep an eye on the SSL once the first expiration date comes around\n",
      ),
    ).toEqual(['done', 'done', null]);
    // The replacement still to do leaves the first open; an item done says nothing of the one before it.
    expect(
      statuses(
        "## Action items\n\n- Do not use a single team member's email address for letsencrypt\n- Instead, use a shared google groups email account\n",
      ),
    ).toEqual([null, null]);
    expect(
      statuses(
        '## Action items\n\n- Add a certificate expiry alert\n- Use a shared group address\n  * This has been done: binder-team@googlegroups.com\n',
      ),
    ).toEqual([null, 'done']);
  });

  it('takes the children of a titled group as the items, and a checkbox as status', () => {
    const found = items(
      '## Follow-ups\n\n1. **Monitoring:**\n   - Add a pool alert (owner: @sre, due 2024-03-01)\n   - [x] Fix dashboard\n',
    );
    expect(found).toEqual([
      {
        action: 'Add a pool alert (owner: @sre, due 2024-03-01)',
        owner: '@sre',
        due: '2024-03-01',
        status: null,
        line: 4,
      },
      { action: 'Fix dashboard', owner: null, due: null, status: 'done', line: 5 },
    ]);
  });

  it('applies an Owner/Due paragraph under a list to its items, and a heading timeframe as due', () => {
    const found = items(
      '## Corrective Actions\n\n### Short-term (This Week)\n\n- [ ] Add validation\n\n**Owner**: SRE team\n**Due**: 2024-02-01\n',
    );
    expect(found).toMatchObject([
      { action: 'Add validation', owner: 'SRE team', due: 'this week', status: 'open' },
    ]);
  });

  it("reads a month named as the limit in a heading as its items' due, not a month in passing", () => {
    // polarsource/polar (Apache-2.0), shortened.
    const found = items(
      '## Actions\n\n### Mid term (before end of June)\n\n- Review and improve our incident response process.\n\n### Long term\n\n- Research globally distributed databases, as planned in June.\n',
    );
    expect(found.map((i) => i.due)).toEqual(['before end of june', null]);
    expect(items('## Actions\n\n### Due by March\n\n- Add a pool alert\n')[0].due).toBe('by march');
    // A coming moment the item waits for (jupyterhub/mybinder.org-deploy, BSD-3-Clause); not an event in passing.
    expect(
      items('## Action items\n\n- keep an eye on the SSL once the first expiration date comes around\n')[0]
        .due,
    ).toBe('once the first expiration date comes around');
    expect(
      items('## Action items\n\n- Alert on the next failure of the certificate job\n')[0].due,
    ).toBeNull();
  });

  it('marks the items a deliberation before their list weighs as options, not the items after a decision', () => {
    const options = (intro: string) =>
      listedActionItems(
        parsePostmortem(`## Action Items\n\n${intro}\n\n- scale up (more hardware)\n- caching\n`, 'pm.md'),
      ).map((i) => i.option ?? false);
    // openSUSE/obs-landing (MIT).
    expect(
      options('We are working on figuring out which of the classic scaling topics are useful for us.'),
    ).toEqual([true, true]);
    expect(options('We will decide whether to scale:')).toEqual([true, true]);
    expect(options('We decided which topics matter most:')).toEqual([false, false]);
    expect(options('We will work on these topics:')).toEqual([false, false]);
  });

  it('reads a handle credited with the idea as no owner, and a handle given the work as one', () => {
    // jenkins-infra/documentation (MIT).
    const [credited, given] = items(
      '## Action items\n\n### Long-term\n\n* Create runbook for outage on status.jenkins.io: deploy it on an azure webapp (proposal from @timja)\n* Create a staging cluster (@dduportal)\n',
    );
    expect(credited.owner).toBeNull();
    expect(given.owner).toBe('@dduportal');
    expect(items('## Action items\n\n- Add an alert (idea from @bob, owned by @alice)\n')[0].owner).toBe(
      '@alice',
    );
  });

  it("reads a table's owner and due columns under their plural and participle names", () => {
    const found = items(
      '## Action items\n\n| Action | Owners | Due by |\n|---|---|---|\n| Add a pool alert | SRE | 2024-02-01 |\n\n## Follow-ups\n\n| Task | Assigned to | Timeframe |\n|---|---|---|\n| Rotate keys | @sec | Q1 2025 |\n',
    );
    expect(found.map((i) => [i.owner, i.due])).toEqual([
      ['SRE', '2024-02-01'],
      ['@sec', 'Q1 2025'],
    ]);
    // A column named for something else is no owner.
    expect(
      items('## Action items\n\n| Action | Notes |\n|---|---|\n| Add a pool alert | SRE |\n')[0].owner,
    ).toBeNull();
  });

  it('reads an owner assigned in words, or named after a dash before the date', () => {
    const found = items(
      '## Action items\n\n1. Write a runbook, assigned to Erin, due 2026-04-01\n2. Replay peak traffic — Carol Smith, 2026-04-01\n3. Engineers assigned to fix the bug should add a test\n',
    );
    expect(found.map((i) => i.owner)).toEqual(['Erin', 'Carol Smith', null]);
  });

  it('reads the short ways a due date is written: a day and month, EOW, slashed or dotted dates, "in 2 weeks"', () => {
    const found = items(
      '## Action items\n\n- [ ] Add a pool alert — @alice — by 3/15\n- [ ] Pin the pool size — @bob — by EOW\n- [ ] Rotate the credentials — @frank — in 2 weeks\n- [ ] Review the thresholds — @hank — 2026/04/01\n- [ ] Add a dashboard — @ivan — due 15.04.2026\n- [ ] Add retries within the client — @jo\n',
    );
    expect(found.map((i) => i.due)).toEqual(['3/15', 'EOW', 'in 2 weeks', '2026/04/01', '15.04.2026', null]);
  });

  it('reads an estimated completion as the due date, a month and year whole', () => {
    const found = items(
      '## Action items\n\n- We are adding a validation step for connection limits (Estimated completion: March 2024).\n- Add a canary stage, due March 20, 2024\n',
    );
    expect(found.map((i) => i.due)).toEqual(['March 2024', 'March 20, 2024']);
  });

  it('reads no item in a promise to write about it later', () => {
    const found = items(
      '## Going Forward\n\nWe will release a detailed write-up on these instances in the next few weeks.\n\nWe will add a connection-limit check to the deploy pipeline.\n',
    );
    expect(found.map((i) => i.action)).toEqual([
      'We will add a connection-limit check to the deploy pipeline.',
    ]);
  });

  it('reads no item in a promise that names no work ("we feel confident we will.")', () => {
    const found = items(
      '## How are we preventing it from happening again?\n\nWe have to do better here, and we feel confident we will.\n\nWe will add a review step for workflow changes.\n',
    );
    expect(found.map((i) => i.action)).toEqual(['We will add a review step for workflow changes.']);
  });

  it("reads the SRE template's Bug column: a ticket number schedules the row, a status in capitals is its status", () => {
    const found = listedActionItems(
      parsePostmortem(
        '## Action Items\n\n| Action Item | Type | Owner | Bug |\n|---|---|---|---|\n| Update the playbook | mitigate | jennifer | n/a **DONE** |\n| Balance load between clusters | prevent | martym | Bug 5554823 **TODO** |\n| Schedule a failure drill | process | docbrown | n/a **TODO** |\n| Add a leak alert | prevent | priya | https://bugs.example.com/show?id=77 |\n',
        'pm.md',
      ),
    );
    expect(found.map((i) => [i.status, i.scheduled])).toEqual([
      ['done', false],
      ['open', true],
      ['open', false],
      [null, true],
    ]);
    // A status column, where there is one, is the status; capitals elsewhere are not read.
    const withStatus = items(
      '## Action items\n\n| Action | Status | Notes |\n|---|---|---|\n| Add a pool alert | in progress | DONE for staging |\n',
    );
    expect(withStatus[0].status).toBe('in_progress');
  });

  it('reads instructions written one per line as prose, and not other prose', () => {
    const found = items(
      '## Corrective and Preventative Measure\n\nHire a SecOps lead.\nAdd a GUI warning before spending.\nThe team is working on it.\n',
    );
    expect(found.map((i) => [i.action, i.line])).toEqual([
      ['Hire a SecOps lead.', 3],
      ['Add a GUI warning before spending.', 4],
    ]);
  });

  it('reads a list written after an item that introduces it ("alerts around:") as that item\'s details', () => {
    const found = items(
      '## Planned actions\n\n1.  **Deeper engine monitoring**\n    We plan to add metrics and alerts around:\n\n-   Disk read amplification\n-   Table statistics\n\n2.  **Runbooks**\n    We plan to document symptoms.\n',
    );
    expect(found.map((i) => i.line)).toEqual([3, 9]);
  });

  it('keeps the list after a label-only item ("Short term:") as that group\'s items', () => {
    const found = items('## Action items\n\n1. Short term:\n\n- Add a pool alert\n- Fix the dashboard\n');
    expect(found.map((i) => i.action)).toEqual(
      expect.arrayContaining(['Add a pool alert', 'Fix the dashboard']),
    );
  });

  it('reads an item that looks ahead as planned, whatever tense it opens with', () => {
    const found = items(
      '## Action Items\n\n- DevEx will update all service accounts in the near future.\n\n- DevEx has placed an action item on our development roadmap to implement a new provider in the near future.\n',
    );
    expect(found.map((i) => i.status)).toEqual([null, null]);
  });

  it('reads a done mark on one item ("✅ Adding tests") as that item done, the rest of its list still open', () => {
    const found = items(
      '## Action Items\n\n- ✅ Adding integration tests\n- Documenting the release process\n- Adding a CDN check\n',
    );
    expect(found.map((i) => i.status)).toEqual(['done', null, null]);
  });

  it('reads the items of one numbered list of titled groups as one list, however many groups', () => {
    const found = listedActionItems(
      parsePostmortem(
        '## Action items\n\n1. **Monitoring:**\n   - Add a pool alert\n\n2. **Safeguards:**\n   - Add canary deploys\n   - Write a rollback plan\n',
        'pm.md',
      ),
    );
    expect(new Set(found.map((i) => i.list)).size).toBe(1);
  });
});

describe('an item as written over several lines, and its status', () => {
  it('reads an item wrapped over lines in the source as one sentence', () => {
    const found = items(
      "## Action items\n\n- Don't duplicate service key credentials across multiple\n  hubs\n",
    );
    expect(found.map((i) => i.action)).toEqual([
      "Don't duplicate service key credentials across multiple hubs",
    ]);
  });

  it('reads a status noted in brackets at the end of an item, and not a remark in brackets', () => {
    const found = items(
      '## Action items\n\n- The script should exclude non-Android plugins. OWNER: blasten@ (DONE).\n- Load test the flags service (in progress)\n- Disable text-to-speech on Discord (if possible)\n- Check docs.flutter.dev (fixed by adding a separate monitoring entry)\n- Add an alert (needed for the audit, not done before)\n',
    );
    expect(found.map((i) => i.status)).toEqual(['done', 'in_progress', null, 'done', null]);
  });

  it('reads a list the writers tell in the past tense ("We immediately turned off …") as done work', () => {
    const found = items(
      '## Action items\n\n1. We immediately turned off all builds.\n2. We rotated all tokens.\n3. We put in changes to prevent uploads in the future.\n',
    );
    expect(found.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    const planned = items(
      '## Action items\n\n1. We will turn off all builds.\n2. We rotate tokens monthly.\n',
    );
    expect(planned.map((i) => i.status)).toEqual([null, null]);
  });

  it('reads a list of facts told in the past tense, subject first ("`fstrim.service` transitioned to …"), as done', () => {
    const observed = items(
      '### Action\n\nStopped the trim service on the host.\n\nObserved:\n- `fstrim.service` transitioned to `failed` (stopped). Note: the timer can re-activate it later.\n',
    );
    expect(observed.map((i) => i.status)).toEqual(['done']);
    // A subject with a verb in the present or a modal states what is wanted, not what happened.
    const wanted = items(
      '## Action items\n\n- The alert fires before the disk fills\n- Kafka brokers should stop gracefully\n',
    );
    expect(wanted.map((i) => i.status)).toEqual([null, null]);
  });

  it('reads a paragraph its bold label names an action item as one, its owner its own, and not another label', () => {
    const found = items(
      '## Remediation\n\n- ✅ Reverted the change\n\n**Action item:** Start incidents earlier. We should declare them at once. Owner: @lucas\n\n**Note:** the revert took ten minutes.\n',
    );
    expect(found.map((i) => [i.action.slice(0, 23), i.owner, i.status])).toEqual([
      ['✅ Reverted the change', null, 'done'],
      ['Start incidents earlier', '@lucas', null],
    ]);
  });

  it('reads a list introduced as what was seen or found ("Observed:", "We noticed:") as findings, done', () => {
    const seen = items(
      '### Action\n\nObserved:\n\n- Both units are `masked`.\n- The timer shows it was terminated.\n\nWe noticed:\n\n- Disk wait drops to 2 %\n',
    );
    expect(seen.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    const planned = items(
      '## Action items\n\nProposed:\n\n- Add a disk alert\n\nTo be verified:\n\n- Mask the timer\n',
    );
    expect(planned.map((i) => i.status)).toEqual([null, null]);
  });
});

describe('an item that introduces points under it', () => {
  it('reads a sentence or a long phrase ending in a colon as one item, its points parts of it', () => {
    const found = items(
      '## Action items\n\n- Ensure that alerting is in place for:\n  - Warp Speed\n  - Claims backend\n- A better process for flagging erupting fires quickly:\n  - Alerts for issues that gain thumbs up\n',
    );
    expect(found.map((i) => i.line)).toEqual([3, 6]);
  });

  it('reads a short label with no verb ("Short term:") as a group over its points', () => {
    const found = items('## Action items\n\n- Short term:\n  - Add a pool alert\n  - Fix the dashboard\n');
    expect(found.map((i) => i.action)).toEqual(['Add a pool alert', 'Fix the dashboard']);
  });

  // kumagaias/my-rss-press (Process Improvements): a bold title alone over instructions.
  it('reads a bold title alone over points that instruct as a group over them, and over other points as one item', () => {
    const found = items(
      '## Process Improvements\n\n1. **Deployment Strategy**\n   - Test builds locally before pushing to production\n   - Use `next build` to verify output directory\n   - Check Amplify console for detailed error logs\n\n2. **Monitoring gaps**\n   - API probe\n   - Database alert\n',
    );
    expect(found.map((i) => i.line)).toEqual([4, 5, 6, 8]);
  });

  // kumagaias/my-rss-press: "Documentation Updates" under bold labels telling what was added.
  it('reads the points under a label that tells its work as done ("Added to tech.md:") as done, and not under "Planned:"', () => {
    const found = items(
      '## Prevention Measures\n\n### Documentation Updates\n\n1. **Added to tech.md:**\n   - Amplify platform types (`WEB` vs `WEB_COMPUTE`)\n   - Next.js 15 static export requirements\n\n2. **Planned:**\n   - Add a build check\n\n3. **Next steps:**\n   - Document the export settings\n',
    );
    expect(found.map((i) => i.status)).toEqual(['done', 'done', null, null]);
  });
});

describe('a prose plan read by its grammar', () => {
  it('reads work carried on with a verb of change as planned, and not what is still being seen', () => {
    const found = items(
      '## Next steps\n\nThe IPS team is continuing to improve the response process.\n\nWe are continuing to see errors on old clients.\n\nThe node will always validate blocks.\n\nA new review process will be created.\n',
    );
    expect(found.map((i) => i.line)).toEqual([3, 9]);
  });
});

describe('an action section that is only a link', () => {
  it('reads it as one item naming no work and no owner, an issue search scheduling it', () => {
    const found = listedActionItems(
      parsePostmortem(
        '## Action items\n\nhttps://github.com/o/r/issues?q=is%3Aissue+%22Action+item%22\n',
        'pm.md',
      ),
    );
    expect(found.map((i) => [i.line, i.owner, i.scheduled])).toEqual([[3, null, true]]);
  });

  it('does not read a link inside a sentence as an item of its own', () => {
    const found = items('## Action items\n\nSee https://example.com/plan for the background.\n');
    expect(found).toEqual([]);
  });
});

describe('what a subsection inherits and who is named', () => {
  it('lets a tracking link on a heading cover the items under its bold sub-labels', () => {
    const found = listedActionItems(
      parsePostmortem(
        '## Follow-ups\n\n### Short-term ([Tracked in issue #40885](https://github.com/o/r/issues/40885))\n\n**In progress:**\n\n- Add a pool alert\n\n### Long-term\n\n- Add load tests\n',
        'pm.md',
      ),
    );
    expect(found.map((i) => [i.action, i.scheduled])).toEqual([
      ['Add a pool alert', true],
      ['Add load tests', false],
    ]);
  });

  it('reads "next 2 weeks" in a label as the items\' timeframe', () => {
    expect(items('## Follow-ups\n\n**In progress (next 2 weeks):**\n\n- Add a pool alert\n')[0].due).toBe(
      'next 2 weeks',
    );
  });

  it('takes named teams doing the work as the owner, and not a verb in -ing', () => {
    const found = items(
      '## Follow-ups\n\n- **Strike team**: Engineers from flags, ingestion, and infrastructure teams conducting a review\n- **Redis isolation**: Investigating decoupling the Redis instances\n',
    );
    expect(found.map((i) => i.owner)).toEqual([
      'Engineers from flags, ingestion, and infrastructure teams',
      null,
    ]);
  });
});

describe('planned work written as prose', () => {
  it('reads a line that looks ahead as a planned item, whatever its subject', () => {
    const found = items(
      '## Corrective and Preventative Measure\n\nThe installation wiki page will be changed to drop installer links.\nThe proxy was updated, and the team got to work on a plan to patch it.\nNodes will now always validate blocks first.\nTo prevent this in the future, a new algorithm was created.\n',
    );
    expect(found.map((i) => i.line)).toEqual([3]);
  });

  it("reads a 'What's next?' section's plans, their timeframe, and not the reader's instructions (denoland/dotland, MIT)", () => {
    const found = items(
      '## Whats next?\n\nIf you are interested, this is the code we used to polyfill the event. Try run this example locally, then visit http://0.0.0.0:8080.\n\nWe will set up a status page in the coming days to be able to better communicate.\n',
    );
    expect(found.map((i) => [i.line, i.due])).toEqual([[5, 'in the coming days']]);
    // The same instruction with no word to the reader before it is the team's item.
    expect(
      items(
        '## Whats next?\n\nThis is the code we used. Try run this example in staging, then add it to CI.\n',
      ).map((i) => i.line),
    ).toEqual([3]);
  });

  it('reads the plans in a Resolution section when the document has no action section', () => {
    const found = items(
      '## Resolution and recovery\n\nThe email was marked as phishing.\n\nMore training will be conducted in the future.\nPublish admin guidelines for public channels.\n',
    );
    expect(found.map((i) => i.line)).toEqual([5, 6]);
    expect(
      items('## Resolution\n\nMore training will be held.\n\n## Action items\n\n- Add an alert\n'),
    ).toHaveLength(1);
  });

  it("does not take advice to others, introduced as recommendations, as the team's items", () => {
    const advice =
      '## Recommendations\n\nWe have a few recommendations for package maintainers and users:\n\n- Package maintainers should enable two-factor authentication.\n- Application developers should use a lockfile.\n- Maintainers and users should avoid reusing passwords.\n';
    expect(items(advice)).toEqual([]);
    // The same duties with no word of advice before them, or the writers' own recommended work, are items.
    expect(
      items(advice.replace('We have a few recommendations for package maintainers and users:', 'Next:')),
    ).toHaveLength(3);
    expect(
      items(
        '## Recommendations\n\nWe recommend the following changes:\n\n- Add a pool alert\n- Enable two-factor authentication for the team\n',
      ),
    ).toHaveLength(2);
  });

  it('does not take a list explaining the values of the table beside it ("P0 - Critical …") as items', () => {
    const table =
      '| Action Item | Priority |\n|---|---|\n| Add a corruption check | P0 |\n| Document recovery | P1 |\n';
    const legend = '- P0 - Critical for the release.\n- P1 - Important for the project.\n';
    expect(items(`## Action items\n\nPriorities:\n\n${legend}\n${table}`).map((i) => i.action)).toEqual([
      'Add a corruption check',
      'Document recovery',
    ]);
    // Terms the table does not use are items of their own.
    expect(items(`## Action items\n\n- P3 - Add a pool alert\n- P4 - Rotate keys\n\n${table}`)).toHaveLength(
      4,
    );
  });

  it('reads an item the Resolution tells as done ("We reverted to …") as done work', () => {
    const doc = (resolution: string) =>
      items(
        `## Resolution\n\n${resolution}\n\n## Action Items\n\n| Action item | Owner |\n| --- | --- |\n| Revert to the old behavior | @josh |\n| Add a test for the public API | @josh |\n`,
      ).map((i) => [i.action, i.status]);
    expect(doc('We reverted to the previous behavior of the component.')).toEqual([
      ['Revert to the old behavior', 'done'],
      ['Add a test for the public API', null],
    ]);
    // Another verb, or the same verb on another thing, or a plan, is not that item done.
    expect(doc('We rolled back the deploy, then reverted the config.')).toEqual([
      ['Revert to the old behavior', null],
      ['Add a test for the public API', null],
    ]);
    expect(doc('We will revert to the previous behavior.')).toEqual([
      ['Revert to the old behavior', null],
      ['Add a test for the public API', null],
    ]);
  });

  it('reads work under a title ending on its participle ("Action taken:", "Changes made") as done, and not work "to be taken"', () => {
    const status = (title: string) =>
      items(`## Follow-ups\n\n**${title}**\n\n- Disable the bridge during an attack\n`).map((i) => i.status);
    expect(status('Action taken:')).toEqual(['done']);
    expect(status('Changes made')).toEqual(['done']);
    expect(status('Actions to be taken')).toEqual([null]);
    expect(status('Action planned:')).toEqual([null]);
  });

  it('does not take findings under a subsection naming another part ("What went wrong") for planned work', () => {
    const found = items(
      '## Action items\n\n### What went wrong\n\n* There was a long outage with no clear errors in the logs\n* Only one person was on hand to debug\n\n### Process improvements\n\n1. Page the whole team when launches fail\n\n#### Tooling\n\n- Add a node-age dashboard\n',
    ).map((i) => i.action);
    expect(found).toEqual(['Page the whole team when launches fail', 'Add a node-age dashboard']);
  });

  it('reads a tracking link given by reference, or in a later paragraph of the item, as scheduling it', () => {
    const found = listedActionItems(
      parsePostmortem(
        '## Action items\n\n1. Add a pending-pods alert ([issue][alert-issue])\n2. Lower the launch timeout.\n\n   Most launches that succeed take under five minutes.\n   [issue](https://github.com/o/r/issues/12)\n3. Add a launches-requested metric ([notes][wiki])\n\n[alert-issue]: https://github.com/o/r/issues/611\n[wiki]: https://example.com/wiki/metrics\n',
        'pm.md',
      ),
    );
    expect(found.map((i) => [i.line, i.scheduled])).toEqual([
      [3, true],
      [4, true],
      [8, false],
    ]);
  });

  it('reads an item whose note says the work is already there as done, and not one that only names existing things', () => {
    const found = items(
      '## Action items\n\n- Split the rejection codes by cause. Note: on checking, we already do this.\n- Keep the alerts that are already paging, and add one for disk\n',
    );
    expect(found.map((i) => i.status)).toEqual(['done', null]);
  });

  it('reads a timeframe with an end in a heading ("Q3") or in the item ("in the coming weeks") as its due', () => {
    expect(items('## Action items\n\n### Q3\n\n- Add a pool alert\n')[0].due).toBe('q3');
    expect(items('## Action items\n\n- Settle the policy wording in the coming weeks\n')[0].due).toBe(
      'in the coming weeks',
    );
    expect(items('## Action items\n\n### Ongoing\n\n- Add a pool alert\n')[0].due).toBeNull();
  });

  it('reads an item linking the pull request the timeline tells as fixed or merged as done, and not one it only mentions', () => {
    const found = items(
      '## Timeline\n\n- 10:00 The redirect bug is identified and [fixed][fix-pr].\n- 10:30 We discussed [the alert issue][alerts].\n\n## Action items\n\n1. Fix the redirect bug ([pull request][fix-pr])\n2. Add alerts for the redirect ([issue][alerts])\n\n[fix-pr]: https://github.com/o/r/pull/2113\n[alerts]: https://github.com/o/r/issues/611\n',
    );
    expect(found.map((i) => [i.line, i.status])).toEqual([
      [8, 'done'],
      [9, null],
    ]);
  });

  it('reads a subsection whose paragraph plans work beside listed items as an item of its own', () => {
    const found = listedActionItems(
      parsePostmortem(
        '## Action items\n\n### Builder\n\nLimit memory for build pods. (https://github.com/o/r/pull/159)\n\n### Hub\n\nThe hub restarted twice.\n\n### Process\n\n1. Name one driver per incident\n',
        'pm.md',
      ),
    );
    expect(found.map((i) => [i.line, i.action, i.scheduled])).toEqual([
      [13, 'Name one driver per incident', false],
      [5, 'Limit memory for build pods.', true],
    ]);
    expect(new Set(found.map((i) => i.list)).size).toBe(2);
  });

  it('reads any imperative opening a sentence under a subsection title as planned work, and not a question', () => {
    const found = listedActionItems(
      parsePostmortem(
        '## Action items\n\n### Investigation\n\nWhy did the node fail? Read the node logs and the cloud incidents.\n\n### Process\n\n1. Name one driver per incident\n',
        'pm.md',
      ),
    );
    expect(found.map((i) => i.action)).toEqual([
      'Name one driver per incident',
      'Read the node logs and the cloud incidents.',
    ]);
  });
});

describe('changes already applied', () => {
  // jenkins-infra/documentation, 20210602-windows-packaging-2.289.1 (MIT), shortened.
  const account =
    '# Outage\n\n## Technical Elements\n\n* Configuration fix for stable: <https://github.com/o/release/pull/164>\n* Backported: <https://github.com/o/release/pull/165>\n\n';
  it('reads an item linking the changes the account cites, and one beside it linking a change, as done', () => {
    const found = items(
      `${account}## Proposal Improvements\n\n### Short term\n\n* Configuration fixes\n  * Stable: <https://github.com/o/release/pull/164>\n  * Weekly: <https://github.com/o/release/pull/165/files>\n* Adding a note on the status page: <https://github.com/o/status/pull/18>\n\n### Long-term\n\n* Improving the release process to stage the packages\n`,
    );
    expect(found.map((i) => [i.line, i.status])).toEqual([
      [12, 'done'],
      [15, 'done'],
      [19, null],
    ]);
  });
  it('keeps an item planned when it instructs, looks ahead, or links a change the account does not cite', () => {
    const found = items(
      `${account}## Action items\n\n* Merge the backport: <https://github.com/o/release/pull/165>\n* Configuration fix, to be merged once reviewed: <https://github.com/o/release/pull/164>\n* Retry limits: <https://github.com/o/release/pull/170>\n`,
    );
    expect(found.map((i) => i.status)).toEqual([null, null, null]);
  });
  it('reads a note nested under an item saying it is already done (jenkins-infra/documentation, MIT)', () => {
    const found = items(
      '## Proposal Improvements\n\n* Always check the changelog when updating the ingress controllers\n  * Already done in https://github.com/o/charts/pull/1736/files to upgrade nginx-ingress\n* Improve monitoring of origin\n  * Q: Is there a monitoring for this domain?\n',
    );
    expect(found.map((i) => i.status)).toEqual(['done', null]);
  });
});

describe('prose under the subsections of an action section', () => {
  it("reads the writers' duty under a subsection's title as an item (jenkins-infra/documentation, MIT)", () => {
    const found = items(
      '## Proposal Improvements\n\n### Short Term\n\nWe added the two new IP to our configuration [here](https://github.com/o/charts/pull/1238)\n\n### Medium Term\n\nWe should establish a communication channel between the Jenkins project and Jfrog other than Twitter\n\n### Long Term\n',
    );
    expect(found.map((i) => i.line)).toEqual([9]);
  });
  it('does not read a wish for a state, a standing rule or a remark as an item', () => {
    const found = items(
      '## Follow-ups\n\n### Monitoring\n\nWe should have had an alert on this.\n\n### Process\n\nWe should be careful with Friday changes.\n\n### Notes\n\nThe channel worked well.\n',
    );
    expect(found).toEqual([]);
  });

  // Excerpts from Lexieli666/willcall (MIT), Eyevinn/babbla and chezmoidotsh/arcane (Apache-2.0).
  it('reads a status that says the work is not done as open', () => {
    const found = items(
      '## Actions\n\n| # | Action | Owner | Status |\n|---|---|---|---|\n| 7 | Re-run this scenario | Lexie Li | done — three times |\n| 8 | Shed at admission when the pool is saturated | Lexie Li | **not done** |\n',
    );
    expect(found.map((i) => i.status)).toEqual(['done', 'open']);
  });

  it('takes an item with no checkbox in a task list as a remark, not a task', () => {
    const found = items(
      '## Remediation (action items)\n\n- [x] **Install the deny-by-default hook** on the plain path too\n- [x] **Correct the docs**\n- [N/A] **Replace `"dontAsk"`** — not needed\n- **Production (OSC):** the leak is fixed by the same change.\n',
    );
    expect(found.map((i) => i.line)).toEqual([3, 4]);
    // A list with one box among plain items is no task list: every item is read.
    expect(items('## Action items\n\n- [ ] Add an alert\n- Fix the pool\n- Pin the chart\n')).toHaveLength(3);
  });

  it('reads a section of open tasks as Action items, whatever its title', () => {
    const doc = parsePostmortem(
      '## Change Register\n\n* [ ] \\[due:: 2026-06-01] \\[owner:: Alexandre] Reduce Zot `gcInterval` to 24h\n* [ ] \\[due:: 2026-06-15] \\[owner:: Alexandre] Add a retention policy\n',
      'pm.md',
    );
    expect(listedActionItems(doc).map((i) => i.line)).toEqual([3, 4]);
    const done = parsePostmortem('## Checklist\n\n* [x] Reduce the interval\n* [x] Add a policy\n', 'pm.md');
    expect(listedActionItems(done)).toEqual([]);
    // Open boxes with no owner and no date on them are a checklist to follow, not a plan.
    const checklist = parsePostmortem(
      '## Checklist\n\n* [ ] Page the on-call\n* [ ] Open a channel\n',
      'pm.md',
    );
    expect(listedActionItems(checklist)).toEqual([]);
  });

  // yu-min3/kensan-lab (Apache-2.0): a Response table of measures, two still ahead.
  it('reads the measures a Response table says are still ahead as planned work', () => {
    const doc = parsePostmortem(
      '## Response\n\n| Measure | Status |\n|------|------|\n| Watchdog loaded via initramfs | armed live; boot persistence to be verified on next reboot |\n| NVMe APST disabled | configured; takes effect on next reboot |\n| netconsole | implemented, end-to-end tested |\n| NotReady alert | tracked as follow-up |\n',
      'pm.md',
    );
    expect(listedActionItems(doc).map((i) => [i.line, i.status])).toEqual([
      [5, 'open'],
      [8, 'open'],
    ]);
  });

  // misty-step/volume (MIT): a Mitigation Plan table whose Status column says each change is in place.
  it('reads a status naming the change in place ("Implemented", "Documented") as done, and one still ahead as open', () => {
    const found = items(
      '## Mitigation Plan\n\n### Preventive Measures\n\n| Action | Owner | Status |\n|--------|-------|--------|\n| Create `scripts/verify-prod-env.sh` for deployment checks | - | Implemented |\n| Add debugging decision tree: check config before code | - | Documented |\n| Add a staging smoke test | - | To be implemented |\n| Add a webhook alert | - | Not deployed |\n| Update the PR template | - | Partially implemented |\n',
    );
    expect(found.map((i) => i.status)).toEqual(['done', 'done', 'open', 'open', 'in_progress']);
  });

  // Alexm-picard/the-bullpen: a status telling one part done and the rest still ahead.
  it('reads a status with one part done and another pending as in progress, a done note beside it as done', () => {
    expect(
      [
        'script shipped (`convert_calibrator_list_to_map.py`); run pending',
        "DONE (predates incident; doesn't backfill)",
        'shipped; pending',
        'shipped, run pending',
      ].map(readStatus),
    ).toEqual(['in_progress', 'done', 'in_progress', 'done']);
  });

  it('reads status marks and words of a status column: boxes, an hourglass, "Not started", "In review"', () => {
    const statuses = ['☑', '[x]', '☐ Open', '⬜', '[ ]', 'Not started', '⏳', 'In review', 'Started'].map(
      readStatus,
    );
    expect(statuses).toEqual([
      'done',
      'done',
      'open',
      'open',
      'open',
      'open',
      'in_progress',
      'in_progress',
      'in_progress',
    ]);
  });

  // psimaker/homelab: a one-person homelab's action items, each led by its owner in bold.
  it('reads a person in bold set off by a dash before the work ("**me** — …") as its owner, and not a topic', () => {
    const found = items(
      '## Action items\n\n- [x] **me** — Lower `cloudflared` keepalive interval to 15 s — 2025-09-23 — landed in commit `a3f291`.\n- [ ] **me** — Decide whether to route LOOGI slow-burn warnings to push — 2026-Q3.\n- [ ] **alice** — Rotate the tunnel token — 2026-Q3.\n- [ ] **Monitoring** — Add a tunnel alert — 2026-Q3.\n',
    );
    expect(found.map((i) => i.owner)).toEqual(['me', 'me', 'alice', null]);
  });

  // kumagaias/my-rss-press (MIT): Process Improvements written as standing rules.
  it('does not read a list of standing rules ("Always run …", "Never commit …") as tasks, and reads one rule among tasks', () => {
    expect(
      items(
        '## Action items\n\n- [ ] Add a pre-commit hook to block binary files (Due: 2025-12-05)\n\n### Process Improvements\n- Always run `terraform plan -out=tfplan` and delete tfplan immediately after review\n- Never commit Terraform plan files\n- Review `.gitignore` before working with new tools\n',
      ).map((i) => i.line),
    ).toEqual([3]);
    expect(
      items(
        '## Action items\n\n- Never delete an index before its replacement is built\n- Add a restore test\n',
      ).map((i) => i.line),
    ).toEqual([3, 4]);
  });

  it('reads owner columns under their qualified and other names, and not a column of something else', () => {
    const owner = (header: string) =>
      items(
        `## Action items\n\n| Action | ${header} | Due |\n|---|---|---|\n| Add alert | SRE | 2024-01-01 |\n`,
      )[0]?.owner;
    for (const header of [
      'Owner/Team',
      'Owner (team)',
      'Responsible party',
      'Lead',
      'Assignee(s)',
      'Point of contact',
    ])
      expect(owner(header)).toBe('SRE');
    for (const header of ['Lead time', 'Notes', 'Owner notes on progress']) expect(owner(header)).toBeNull();
  });

  it('reads an owner named beside the work: assigned, owned by, a team or a name set aside', () => {
    const owners = items(
      '## Action items\n\n- Add alert (assigned: Alice)\n- Add a runbook. Owned by Priya Patel.\n- Add a dashboard (SRE team)\n- Rotate the keys — Alice — 2024-01-01\n- Pin the chart (Bob, 2024-02-01)\n- Add a probe (affects the platform team)\n- Fix the pool (owned by the platform)\n- Move the cron job — nightly — 2024-01-01\n',
    ).map((i) => i.owner);
    expect(owners).toEqual(['Alice', 'Priya Patel', 'SRE team', 'Alice', 'Bob', null, null, null]);
  });

  it('reads a due date written day first, with slashes, or as a weekday after "by"; not a date in passing', () => {
    const dues = items(
      '## Action items\n\n- Add alert, due 1 Feb 2025\n- Add alert by 31 Jan\n- Add alert — Due: 02/01/2025\n- Add alert by Friday\n- Add the alert missed on 1 Feb\n- Add alert for Friday deploys\n',
    ).map((i) => i.due);
    expect(dues).toEqual(['1 Feb 2025', '31 Jan', '02/01/2025', 'Friday', null, null]);
  });

  it('reads hostile planned prose in linear time', () => {
    const n = 50_000;
    const hostile = [
      `If possible, ${'all reports '.repeat(n / 12)}should be sent.`,
      `The ${'development/operations '.repeat(n / 23)}team will investigate.`,
      `In order to ${'shorten '.repeat(n / 8)}, we should add a policy.`,
      `These records were ${'created '.repeat(n / 8)}:`,
    ];
    const started = performance.now();
    for (const text of hostile) items(`## Corrective Actions\n\n${text}\n\n- \`A\`\n- \`B\`\n`);
    items(`## Action items\n\n### Now (${'1-2 '.repeat(n / 4)}days)\n\n- Add an alert\n`);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  // rotkonetworks/www.rotko.net (MIT by its package manifest).
  it('leaves the problems a Future Work section identifies out of its plan', () => {
    const md =
      '## Future Work\n### Identified Problems:\n- Lack of a redundant fallback for critical routers.\n- Forced reliance on a VPN for emergency access.\n### Improvement Plan:\n- Configure an external jump server.\n';
    expect(items(md).map((i) => i.line)).toEqual([6]);
  });

  it('reads items titled by plain labels, one after another, as one list, a planned title with its breakdown as parts', () => {
    const md =
      '## Future Work\n\nJump Server Access: Configure external jump server access, allowing:\n - Simple SSH access via the jump host.\n - Access management per user.\n\nNetwork Redundancy:\n - Improving infra setup to have more redundancy.\n';
    const listed = listedActionItems(parsePostmortem(md, 'pm.md'));
    expect(new Set(listed.map((i) => i.list)).size).toBe(1);
    expect(listed.filter((i) => i.part).map((i) => i.line)).toEqual([4, 5]);
    // Labels that sort the work keep their lists apart.
    const sorted = listedActionItems(
      parsePostmortem(
        '## Action items\n\nShort term:\n- Add an alert.\n\nLong term:\n- Shard the index.\n',
        'pm.md',
      ),
    );
    expect(new Set(sorted.map((i) => i.list)).size).toBe(2);
  });

  // drand/website (Apache-2.0 OR MIT by its package manifest).
  it('leaves advice the writers give others out of the plan, and gives "we will" the team its list names', () => {
    const md =
      '## Next steps\n- for testnet members who have not yet run the reset, we advise they do so at their earliest convenience\n- the drand team will patch all the issues identified\n- we will perform an asynchronous ceremony in the coming weeks\n';
    expect(items(md).map((i) => [i.line, i.owner])).toEqual([
      [3, 'drand team'],
      [4, 'drand team'],
    ]);
  });

  it('holds a plan told in prose and listed again as one item, where the list states it', () => {
    const md =
      '## Current Status and Future Plans\n\nThe issue remains unresolved. To ensure higher redundancy during the next maintenance window, we plan to install a third edge router before attempting the change again.\n\n## Future Work\n\n1. Implementation of configuration validation testing\n2. Installation and configuration of a third edge router to provide N+2 redundancy during the next maintenance\n';
    expect(items(md).map((i) => i.line)).toEqual([7, 8]);
    // Told in prose only, it is an item.
    expect(items(md.split('## Future Work')[0]).map((i) => i.line)).toEqual([3]);
  });

  // Financial-Times/origami-image-service (MIT).
  it('reads work under "What could be done to avoid this …" as planned, and a section of one empty bullet as planning nothing', () => {
    const md =
      '## What could be done to avoid this in future?\n\n- Document the current breaking feature in our migration guide\n- Write an integration test for images at varying url lengths.\n';
    expect(items(md).map((i) => i.status)).toEqual([null, null]);
    expect(items('## Actions taken\n\n- Reverted the deploy\n').map((i) => i.status)).toEqual(['done']);
  });

  // samuelclay/NewsBlur (MIT).
  it('reads changes a plan names in prose ("The second change is to use …", "a change needs to be made …") as its items', () => {
    const md =
      "### 3. What will happen to ensure this doesn't happen again?\n\nSeveral changes have to be made.\n\nThe second change is to use database user authentication on all of the databases. We had been relying on the firewall.\n\nLastly, a change needs to be made as to which database users have permission to drop the database.\n";
    expect(items(md).map((i) => i.line)).toEqual([5, 7]);
  });
});
