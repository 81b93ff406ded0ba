import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './parse.js';
import { statedByContent } from './stated-by-content.js';

const stated = (markdown: string) => [...statedByContent(parsePostmortem(markdown, 'pm.md'))].sort();

describe('sections stated by content', () => {
  it('reads an untitled lead paragraph as the summary, and its hurt users as the impact', () => {
    expect(
      stated(
        '# Checkout outage\n\nOn Monday the checkout service returned errors for 40 minutes and customers could not pay.\n\n## Timeline\n\n- 10:00 deploy\n',
      ),
    ).toEqual(['impact', 'summary']);
  });

  it('reads the lead after YAML front matter as the summary, as it reads one with none', () => {
    expect(
      stated(
        '---\nauthors:\n  - core\ntags: [security]\n---\n# Token exposed\n\nA misconfigured bot exposed the upload token to every maintainer for two months; no packages were compromised.\n\n## Our response\n\n- We rotated the token\n',
      ),
    ).toEqual(['impact', 'rootCause', 'summary']);
  });

  it('reads harm stated as none ("no actual exploits", "no unauthorized actions taken") and a cause an investigation revealed', () => {
    expect(
      stated(
        '# CI secrets\n\nA quick investigation revealed that the CI service was passing encrypted secrets to forks. **As far as we know, there were no actual exploits against our channel.**\n\n## Our response\n\n- We rotated all tokens\n',
      ),
    ).toEqual(['impact', 'rootCause', 'summary']);
    expect(
      stated(
        '# Team privileges\n\nA removed member kept their team role. An audit found all cases, with no unauthorized actions taken as a result.\n\n## Timeline\n\n- 16:37 reported\n',
      ),
    ).toContain('impact');
  });

  it('reads an effect stated as none ("a noop from our perspective", "customers were not affected") as the impact (jupyterhub/mybinder.org-deploy, BSD-3-Clause)', () => {
    const summary = (text: string) =>
      `# Certificate warning\n\n## Summary\n\n${text}\n\n## Timeline\n\n- 10:00 email received\n`;
    for (const text of [
      'After a few days, we re-checked the SSL certificate and it seemed to have renewed properly, so this was a noop from our perspective.',
      'The bad config reached staging only; customers were not affected.',
      'The alert fired in error and there was no user-facing impact.',
      'The failed job did not affect any users.',
    ])
      expect(stated(summary(text)), text).toContain('impact');
    for (const text of [
      'The certificate renewal was a no-brainer to automate.',
      'The worker exited with no effect visible in the logs until the queue filled.',
      'Users were not warned before the certificate expired.',
    ])
      expect(stated(summary(text)), text).not.toContain('impact');
  });

  it('reads TOML front matter (+++) as metadata too', () => {
    expect(
      stated(
        '+++\ntitle = "Token exposed"\nauthor = "The Infra Team"\n+++\n# Token exposed\n\nA misconfigured bot exposed the upload token to every maintainer for two months; no packages were compromised.\n\n## Our response\n\n- We rotated the token\n',
      ),
    ).toEqual(['impact', 'rootCause', 'summary']);
  });

  it('reads a causal sentence outside the timeline as the root cause, and a Stats block as the impact', () => {
    expect(
      stated(
        '# Outage\n\n## Details\n\nA change to the VPC CNI caused target groups to detach.\n\n## Stats\n\n- Time to recovery: 25 minutes\n',
      ),
    ).toEqual(['impact', 'rootCause']);
  });

  it('does not take a short lead, a cause told only in the timeline, or effects far from the top', () => {
    expect(
      stated(
        '# Outage\n\nSee below.\n\n## Timeline\n\n- 10:00 the deploy caused errors\n\n## Notes\n\nCustomers could not pay.\n',
      ),
    ).toEqual([]);
  });

  it('reads a security report by what it says: the harm (exploited or not, what an attacker could do) and the flaw explained', () => {
    expect(
      stated(
        '# Negative values\n\n## Issue Summary\n\nThe code that creates outputs failed to check against negative values.\n\n## Resolution\n\nThe issue was not exploited on mainnet.\n',
      ),
    ).toEqual(['impact', 'rootCause']);
    expect(
      stated(
        '# Links\n\n## Issue Summary\n\nAn attacker could add malicious links, made clickable because the GUI expected metadata links.\n',
      ),
    ).toEqual(['impact', 'rootCause']);
    // Any modal of possibility, and a flaw that "allowed an adversary to …", state the harm.
    for (const text of [
      'A remote attacker may craft a path with escaped slashes to bypass access control.',
      'The flaw allowed an adversary to bypass role based access controls.',
    ])
      expect(stated(`# CVE\n\n## Details\n\n${text}\n`), text).toContain('impact');
    expect(stated('# CVE\n\n## Details\n\nThe adversary model is documented here.\n')).not.toContain(
      'impact',
    );
  });

  it('reads a bold label that opens a paragraph ("**Impact**: 12 % of checkouts failed") as its section', () => {
    expect(
      stated(
        '# Outage\n\n## Details\n\n**Impact**: 12 % of checkouts failed.\n\n- **Root cause:** the pool was too small.\n',
      ),
    ).toEqual(['impact', 'rootCause']);
  });

  it('does not take a potential impact, a quoted exploit name, or a cause the author only wonders about', () => {
    expect(
      stated(
        '# Report\n\n## Issue Summary\n\nThe abuse report names the payload exploit:gen/dot_env_leak.\n\n## Notes\n\nAnalysts study its potential impact on any victims.\n',
      ),
    ).toEqual([]);
  });

  it('reads a one-sentence lead under the title as the summary, and not a line of fields', () => {
    expect(
      stated(
        "# Account compromise\n\nPassword compromise of an employee's Okta account.\n\n## Timeline\n\n- 10:00 x\n",
      ),
    ).toEqual(['summary']);
    expect(
      stated(
        '# Fetch wrapper\n\n**Date:** January 14, 2026 **Severity:** Critical.\n\n## Timeline\n\n- 10:00 x\n',
      ),
    ).toEqual([]);
  });

  it('reads a Description section as the summary, however thin, and not an empty one', () => {
    // eLife's 2019 template (elifesciences/elife-xpub, MIT): "Description" heads the summary.
    expect(
      stated(
        '# 2019-02-23\n\n## Description\n\n- MECA exports not being accepted by EJP\n\n## Timeline\n\n- 10:00 x\n',
      ),
    ).toContain('summary');
    expect(stated('# 2019-02-23\n\n## Description\n\n## Timeline\n\n- 10:00 x\n')).not.toContain('summary');
    expect(
      stated(
        '# 2019-02-23\n\n## Contributing factors\n\n- Bad code was merged\n\n## Timeline\n\n- 10:00 x\n',
      ),
    ).not.toContain('summary');
  });

  it('reads a chronology told as prose as the timeline, and not one time said in passing', () => {
    expect(
      stated(
        '# Attack\n\n## How did it happen?\n\nAt 5:40PM on November 18th a user opened a pull request.\n\nAt 3:28 PM UTC on November 23rd the attacker deleted a run.\n\nThe attacker ran the workflow at 3:45 PM UTC.\n',
      ),
    ).toContain('timeline');
    expect(
      stated('# Attack\n\n## Details\n\nAt 5:40PM a user opened a pull request, merged at 17:45 UTC.\n'),
    ).not.toContain('timeline');
    // A review's response told in one paragraph of narrative names its times in passing: a reviewer
    // asks for them listed (apache/infrastructure-website's mail outage is labelled so).
    expect(
      stated(
        '# Review\n\n## How did we respond?\n\nOur monitoring detected the failures at 23:24 UTC. At 00:40 UTC we identified the change as the cause. By 04:10 UTC all services had recovered.\n',
      ),
    ).not.toContain('timeline');
    // One window stated in a sentence is no chronology.
    expect(
      stated(
        '# Review\n\n## What happened?\n\nBetween 23:19 UTC on 07 February and 04:10 UTC on 08 February, customers saw failures.\n',
      ),
    ).not.toContain('timeline');
  });

  it('reads a summary saying what failed for whom as the impact: payments, orders, logins among them', () => {
    expect(
      stated(
        '# Outage\n\n## Summary\n\nCheckout failed for 40 minutes after a config push; 12 % of payments failed.\n',
      ),
    ).toContain('impact');
    // A notification that says a charge failed is the medium, not what was hurt.
    expect(
      stated(
        '# Fraud\n\n## Issue Summary\n\nA notification arrived for a charge.\nThe notification said that the charge failed.\n',
      ),
    ).not.toContain('impact');
  });

  it('reads a plain label opening a list item of fields as that section ("- Impact: …" under Quick Facts)', () => {
    // monero-project/monero-site (BSD-3-Clause)
    expect(
      stated(
        '# Post-mortem\n\n## Quick Facts\n\n- Severity: HIGH\n- Impact: Sends TXIDs of outgoing transactions to the daemon\n',
      ),
    ).toContain('impact');
    expect(stated('# Post-mortem\n\n## Quick Facts\n\n- Severity: HIGH\n- Date: 2025-08-26\n')).not.toContain(
      'impact',
    );
  });

  it('reads a Stats block as the impact only where a word of it tells of harm', () => {
    // supabase/supabase (Apache-2.0): launch-week figures count growth, not who was hurt.
    expect(
      stated(
        '# Launch postmortem\n\nWe hit the top of Hacker News.\n\n## Quick stats - launch week\n\nWe had 30,000 new website visitors.\n\nWe had over 1400 signups in 7 days.\n',
      ),
    ).not.toContain('impact');
    expect(
      stated(
        '# Outage\n\nThe API broke.\n\n## Stats\n\n- Time to detection: 8 minutes\n- Customers affected: 120\n',
      ),
    ).toContain('impact');
  });

  it('reads a summary saying nothing harmful was found as the impact, stated as none', () => {
    expect(
      stated(
        '# Phishing\n\n## Issue Summary\n\nAn email asked an employee for gift cards.\nThere was no malicious attachments or links discovered in scans of the email.\n',
      ),
    ).toEqual(['impact']);
  });

  it("does not take a cause told under the timeline's time headings, or its day headings written at its own level", () => {
    expect(
      stated(
        '# Outage\n\n## Summary\n\nThe team saw an alert.\n\n## Timeline (times in BST)\n\n### 12:49 PM\n\nPR that triggered the alerts reverted.\n\n## May 13\n\n### 14:30\n\nThe bad config caused the crash.\n\n## Action items\n\n- Add an alert\n',
      ),
    ).toEqual([]);
  });

  it('does not take "shut down" for an effect, and reads users\' kernels being killed as one', () => {
    expect(
      stated(
        '# Proxy\n\n## Issue Summary\n\nThe proxy still forwarded web traffic to an instance that had been shut down.\n',
      ),
    ).toEqual([]);
    expect(
      stated(
        '# Hub\n\n## Summary\n\nUsers saw their kernels being killed during a workshop, impacting other instructors too.\n',
      ),
    ).toEqual(['impact']);
  });

  it('reads "was causing", "too many" and a cause suspected in place ("was related to") as the root cause', () => {
    expect(stated('# Hub\n\n## Summary\n\nNo limit was set. This was causing kernels to die.\n')).toContain(
      'rootCause',
    );
    expect(
      stated('# DoS\n\n## Issue Summary\n\nA peer could open too many connections for a node to process.\n'),
    ).toContain('rootCause');
    expect(
      stated(
        '# Hub\n\n## Resolution\n\nWe theorised that the hub pod dying was related to the stress test.\n',
      ),
    ).toContain('rootCause');
    expect(
      stated('# Hub\n\n## Resolution\n\nThe hub pod dying was not related to the stress test.\n'),
    ).not.toContain('rootCause');
  });

  it('reads the usual words for an effect on software ("builds failed", "the hub was unreachable") and for a cause', () => {
    expect(
      stated('# Binder\n\n## Summary\n\nBuilds failed and the hub was unreachable for an hour.\n'),
    ).toEqual(['impact']);
    expect(
      stated(
        '# Binder\n\n## Summary\n\nA misconfiguration of the proxy sent the traffic to the old cluster.\n',
      ),
    ).toContain('rootCause');
  });

  it('reads a safeguard the summary says was missing ("did not have two-factor authentication enabled") as the cause', () => {
    const lead = (sentence: string) =>
      stated(
        `# Packages\n\n## Summary\n\nTwo packages were published from the maintainer's account. ${sentence}\n`,
      );
    expect(lead('The maintainer did not have two-factor authentication enabled on the account.')).toContain(
      'rootCause',
    );
    // Something the incident did not have is no cause.
    expect(lead('The incident did not have any effect on downloads.')).not.toContain('rootCause');
  });

  it('reads the story told before the first heading as the lead, bold exclamations and all', () => {
    const story = (effect: string, heading: string) =>
      stated(
        `---\ntitle: Domain expired\n---\n\nIt was a quiet evening and I had just sat down with the family for dinner.\n\n**Oh no!**\n\n${heading}${effect}\n\n## How it happened\n\nThe card had expired.\n`,
      );
    expect(story('The chat server was down, and so was the hub.', '')).toContain('impact');
    // The same effect under a heading of its own, below the lead, is not met at the top.
    expect(story('The chat server was down, and so was the hub.', '## Later\n\n')).not.toContain('impact');
  });

  it('reads a limit the summary says was hit ("We hit a limit in the AWS Load Balancer") as the cause (FlowFuse/website, MIT)', () => {
    const lead = (sentence: string) =>
      stated(`# Disruption\n\n## Summary\n\n${sentence} Users could not open the editor.\n`);
    expect(
      lead('We hit a limit in the AWS Load Balancer that capped how many projects could be exposed.'),
    ).toContain('rootCause');
    expect(lead('The service reached its connection quota at noon.')).toContain('rootCause');
    // A limit named without being reached, or a milestone reached, is no cause.
    expect(lead('We raised the limit on the load balancer afterwards.')).not.toContain('rootCause');
    expect(lead('We reached the on-call engineer at noon.')).not.toContain('rootCause');
  });

  it('does not take a banner about the document itself for the lead (jenkins-infra/documentation, MIT)', () => {
    const banner =
      '**! This document is open to feedback until the 15th of June 2021 then this document will be archived on [jenkins-infra/documentation](https://github.com/jenkins-infra/documentation) !**';
    expect(
      stated(`# 2021-06-03 - repo authentication issue\n\n${banner}\n\n## Chronology\n\n- 10:00 x\n`),
    ).not.toContain('summary');
    // A lead that tells the incident is still the summary, banner or not.
    expect(
      stated(
        `# Outage\n\n${banner}\n\nOn Monday the checkout service returned errors for 40 minutes and customers could not pay.\n`,
      ),
    ).toContain('summary');
  });

  it('reads an attack told as done in the summary ("malicious actors injected code") as the cause, not one that could happen', () => {
    const lead = (sentence: string) =>
      stated(`# Tokens\n\n## Summary\n\nWe responded to a campaign against CI workflows. ${sentence}\n`);
    expect(lead('Malicious actors injected code into the workflows to send tokens out.')).toContain(
      'rootCause',
    );
    expect(lead('An attacker compromised the account of a maintainer.')).toContain('rootCause');
    expect(lead('An attacker could read the tokens of any workflow.')).not.toContain('rootCause');
  });

  it('reads a malicious package named at the top as the cause, and how far it reached as the impact', () => {
    const advisory = (lead: string, analysis: string) =>
      stated(`# Packages\n\n## Summary\n\n${lead}\n\n## Analysis\n\n${analysis}\n`);
    const found = advisory(
      'On May 2nd the registry team learnt of two malicious packages that sent wallet keys to a remote host.',
      'The packages were downloaded 3120 times. No dependent packages exist on the registry.',
    );
    expect(found).toContain('rootCause');
    expect(found).toContain('impact');
    expect(
      advisory(
        'On May 2nd the registry team was told of a package with a misleading name.',
        'The packages were removed.',
      ),
    ).not.toContain('rootCause');
    expect(
      advisory(
        'On May 2nd the registry team was told of a package with a misleading name.',
        'The packages were removed.',
      ),
    ).not.toContain('impact');
  });

  it('reads "the primary cause of these errors is …" as the root cause, and not a cause only guessed at', () => {
    const plan = (sentence: string) =>
      stated(
        `# Hub\n\n## Timeline\n\n- 10:00 restart\n\n## Action items\n\n- Fix the watcher\n\n${sentence}\n`,
      );
    expect(plan('The primary cause of these errors is a watcher that drops events.')).toContain('rootCause');
    expect(plan('A possible cause we have not ruled out is a watcher that drops events.')).not.toContain(
      'rootCause',
    );
  });

  it('reads a summary that says launches were not working, builds would fail or users waited long as the impact', () => {
    const summary = (sentence: string) => stated(`# Launches\n\n## Summary\n\n${sentence}\n`);
    expect(summary("The hub wasn't properly starting pods and launches weren't working.")).toContain(
      'impact',
    );
    expect(summary('Most repositories would fail to build after the image changed.')).toContain('impact');
    expect(summary('Users saw long wait times for their builds.')).toContain('impact');
    expect(summary("After the deploy, most users got a '403 Forbidden' on launch.")).toContain('impact');
    expect(summary('We moved the builds to a new node pool to save costs.')).not.toContain('impact');
  });

  it('reads "this node was indeed the cause" as the cause, and "the root cause is still unknown" as one discussed in place', () => {
    const lessons = (text: string) =>
      stated(`# Logs\n\n## Timeline\n\n- 10:00 restart\n\n## Lessons\n\n### What went wrong\n\n- ${text}\n`);
    expect(lessons('We now know that the drained node was indeed the cause.')).toContain('rootCause');
    expect(lessons('Was the drained node the cause of the hang?')).not.toContain('rootCause');
    expect(lessons('It was hard to find the root cause of the hang.')).not.toContain('rootCause');
    expect(
      stated('# Disk\n\n## Timeline\n\n### 10:34\n\nI suspect node age. The root cause is still unknown.\n'),
    ).toContain('rootCause');
  });

  it('reads a thing said to be the cause among the timeline entries as the cause, and not a question about it', () => {
    const entry = (text: string) =>
      stated(`# Database\n\n## Summary\n\nThe hub was down.\n\n## Timeline\n\n### 11:19 AM\n\n${text}\n`);
    expect(
      entry(
        'Verified that running .save on sqlite3 overwrites the db file, and is most likely cause of the issue.',
      ),
    ).toContain('rootCause');
    expect(entry('We found the stale cache was the cause.')).toContain('rootCause');
    expect(entry('Is the stale cache the cause of the hang? Still checking.')).not.toContain('rootCause');
    expect(entry('The restart caused more errors.')).not.toContain('rootCause');
  });
  it('reads where the fault lay, and damage told with the harm that followed, as the root cause', () => {
    // ministryofjustice/cloud-platform (MIT), a Context field and a Resolution field.
    const has = (markdown: string) => stated(markdown).includes('rootCause');
    expect(
      has(
        '# Incident\n\n## Context\n\n- Issue was with the leader ingress-controller pod (which was not identified or restarted yet) and exhausting the shared memory.\n',
      ),
    ).toBe(true);
    expect(
      has(
        '# Incident\n\n## Resolution\n\n- Upon resuming the pipeline, a queued PR ran. This PR executed automatically and destroyed subnet route table configurations, disabling internet routing to Cloud Platform services.\n',
      ),
    ).toBe(true);
    // An issue named without where it lay, and a change undone with no harm after it, state no cause.
    expect(has('# Incident\n\n## Context\n\n- The issue was reported with a screenshot by users.\n')).toBe(
      false,
    );
    expect(
      has(
        '# Incident\n\n## Resolution\n\n- We removed the stale node from the pool, and the alerts stopped.\n',
      ),
    ).toBe(false);
  });

  // milesburton/veta-trading-platform (MIT): a block of milestone fields is no chronology.
  it('reads no timeline from milestone fields and a time or two in prose, and one from prose told by the clock', () => {
    const fields =
      '# Incident\n\n- **Started**: 2026-05-12 06:42 UTC\n- **Resolved**: 2026-05-12 06:55 UTC\n\nThe deploy began at 06:42 UTC and the user noticed at 06:50.\n';
    expect(stated(fields)).not.toContain('timeline');
    const told =
      '# Incident\n\nThe deploy began at 06:42 UTC.\n\nThe user noticed at 06:50.\n\nThe stack was recreated at 06:55.\n';
    expect(stated(told)).toContain('timeline');
  });

  // agrc/status-page (MIT) and packit/status (MIT): short status posts.
  it('reads a status post by what it says: stamped updates as the timeline, a cause told as it goes on or said unknown', () => {
    const post =
      '+++\ntitle = "Corrupt Raster Mosaics"\n+++\nThree mosaics were accessed using a newer ArcGIS Desktop. This is causing the services to return 500 http status codes.\n\n## Update\nAll services are up. {{< track "2018-07-31T16:08:53.000Z" >}}\n\n## Update 2\nNAIP 2011 is back online. {{< track "2018-08-01T12:08:53.000Z" >}}\n\n## Update 3\nNAIP 2014 is back online. {{< track "2018-08-02T07:55:53.000Z" >}}\n';
    expect(stated(post)).toEqual(['impact', 'rootCause', 'summary', 'timeline']);
    // Times the sentences tell, however many, are no stamps of updates.
    const told =
      '# Stall\n\n## Findings\n\n- The timer triggered at **2025-12-29 01:33:20 UTC**.\n\n## Validation\n\nAt **2025-12-29 02:09:42 UTC**, etcd warned.\n\n## After\n\n- The service was terminated at **2025-12-29 02:09:53 UTC** (signal TERM).\n';
    expect(stated(told)).not.toContain('timeline');
    // Two stamped updates are not yet a chronology.
    expect(
      stated(
        '# Tiles\n\nTiles were removed from the servers.\n\n## Update\nHalf restored. {{< track "2018-12-21T12:15:00.000Z" >}}\n\n## Update 2\nAll restored. {{< track "2018-12-31T09:13:00.000Z" >}}\n',
      ),
    ).not.toContain('timeline');
    const cause = (text: string) => stated(`# Tasks\n\n## Timeline\n\n- 12:24 UTC: ${text}\n`);
    expect(
      cause('The original cause is still not known but the problem probably occured during an upload.'),
    ).toContain('rootCause');
    expect(cause('The cause of the queue is still not known to users.')).not.toContain('rootCause');
  });

  it("reads a status post's lead saying what its service goes through, or offering a work-around, as the impact", () => {
    const lead = (text: string) => stated(`# Post\n\n${text}\n\n## Update\n\nAll restored.\n`);
    // packit/status (MIT), agrc/status-page (MIT).
    expect(
      lead('We are experiencing issues with the execution of the tasks. We are investigating the cause.'),
    ).toContain('impact');
    expect(
      lead(
        'Tiles outside three counties were removed from the servers. A suggested work-around would be to use the Lite base map.',
      ),
    ).toContain('impact');
    // Experience gained, and a work-around mentioned as a thing done, state no effect.
    expect(
      lead('The team has years of experience with databases and migrated the cluster on Monday.'),
    ).not.toContain('impact');
    expect(
      lead('The old work-around in the deploy script was removed during the migration on Monday.'),
    ).not.toContain('impact');
  });

  it('reads a trouble the team says it met, anywhere outside the timeline, as the impact (luniehq/lunie, Apache-2.0)', () => {
    const entry = (text: string) =>
      stated(
        `# Postmortem log\n\nIssues with our nodes, in this format.\n\n## 2019-03-13\n### Problems\n- ${text}\n- REST was fine\n`,
      );
    expect(entry('We experienced a problem regarding RPC on every browser')).toContain('impact');
    expect(entry('We encountered several errors while syncing the node')).toContain('impact');
    // Experience had, not trouble met.
    expect(entry('We experienced engineers rotate the keys')).not.toContain('impact');
  });

  it('reads unsanitised input and a malicious binary told in the lead as the cause (CocoaPods, MIT; pytorch.github.io, BSD-3-Clause)', () => {
    const lead = (text: string) => stated(`# Advisory\n\n${text}\n\n## Patched\n\nFixed on Monday.\n`);
    expect(
      lead('The exploit is a combination of un-sanitized user input getting through to a git call param.'),
    ).toContain('rootCause');
    expect(lead('The dependency was compromised on the package index and ran a malicious binary.')).toContain(
      'rootCause',
    );
    expect(lead('Sanitized user input is stored in the session and shown back to the user.')).not.toContain(
      'rootCause',
    );
  });

  it('reads a block of head fields telling the harm and how it ended as the summary, and not the harm alone', () => {
    // monero-project/monero-site (BSD-3-Clause): "Quick Facts" fields.
    const facts =
      '---\ntitle: Post-Mortem of a wallet bug\n---\n\n## Quick Facts\n\n- Severity: HIGH if using an untrusted remote daemon\n- Affected versions: v0.12.0.0 to v0.18.4.1\n- Impact: Sends TXIDs of outgoing transactions to the daemon after loading the wallet, reducing sender anonymity\n- Fix: Update the CLI or GUI wallet to v0.18.4.2\n\n## Introduction\n\nIn 2018 a ring database was added.\n';
    expect(stated(facts)).toContain('summary');
    // Cercol/cercol (MIT): one bold Impact field that tells the failure, its cause and its fix.
    const told =
      '# 2026-05-23 - Mocks diverged\n\n- **Date of incident**: 2026-05-23\n- **Severity**: medium\n- **Impact**: First production run of two ingest jobs failed cleanly\n  (no data corruption) because the test mocks codified an incorrect\n  understanding of the external APIs. Caught at deploy time, fixed in the\n  same session with regression tests.\n\n## Timeline\n\n- 06:18 UTC first run\n';
    expect(stated(told)).toContain('summary');
    // The harm alone, however long, with no word of how it ended, is the impact only.
    const harm =
      '# 2026-04-16 - Silent outage\n\n- **Date of incident**: 2026-04-16 to 2026-05-16\n- **Severity**: high\n- **Impact**: the API returned a TLS alert to every external client for thirty\n  days; every API call failed silently until the API was restored, and the\n  team did not notice because there was no probe.\n\n## Timeline\n\n- 06:18 UTC first run\n';
    expect(stated(harm)).not.toContain('summary');
    expect(stated(harm)).toContain('impact');
  });

  // Financial-Times/origami-image-service (MIT).
  it('reads the story a "What happened?" section tells in brief as the impact, images failing among the things hurt', () => {
    const doc = (what: string) =>
      stated(
        `## Summary\n\nDate: ~Fri 11 Nov 2016 (~1324) to (~1452)\n\n## What happened?\n\n${what}\n\n## How was it fixed\n\n1324: noticed.\n`,
      );
    expect(doc('Images which had particularly long urls would fail to load.')).toContain('impact');
    expect(doc('We moved the image service to a new host on Friday.')).not.toContain('impact');
  });
});
