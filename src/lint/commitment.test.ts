import { describe, expect, it } from 'vitest';
import { commitmentOf } from './commitment.js';

const kind = (text: string) => commitmentOf(text).kind;

describe('what an action item commits to', () => {
  it('reads an operations verb the tagger takes for a noun as the verb', () => {
    // BerriAI/litellm (MIT): the Planned rows of a Remediation table.
    expect(commitmentOf('Sync backup file on every release').kind).toBe('outcome');
    expect(commitmentOf('Purge stale cache entries nightly').kind).toBe('outcome');
  });

  it('reads an outcome from a leading verb, phrasal or not, a ticket tag set aside', () => {
    for (const text of [
      'Add a pool-size alert',
      'Bring down alert noise even more',
      'Prioritize upgrading our Prometheus stack',
      'Make sure all deployed resources have a plan for monitoring',
      'Monitor 5xx status codes for the API server',
      '[OPS-123] Rotate the database credentials',
      // An item's own label (Memphis-Chains/memphis): "A2. Add …", "C3. Document in …".
      'A2. Add MEMPHIS_CHAINS_ALLOWLIST config',
      'C3. Document in docs/SKILLS.md',
      'Implementing monitoring and alerting for SDK errors',
    ])
      expect(kind(text), text).toBe('outcome');
  });

  // rust-lang/infra-team (MIT or Apache-2.0): a timeframe in brackets before the item's verb.
  it('sets aside a remark in brackets before the words, and reads the verb after it', () => {
    expect(commitmentOf('(Longer-term) Gradually mirror other artifacts used by `crosstool-ng`')).toEqual({
      kind: 'outcome',
      verb: 'mirror',
    });
    expect(kind('(Longer-term) Switch rust-lang/rust images to allow-list selected external sources')).toBe(
      'outcome',
    );
    // The words after the remark are still read for what they commit to.
    expect(kind('(optional) Consider a cache in front of the API')).toBe('decision');
    expect(kind('(Longer-term) Query plans')).toBe('none');
  });

  it('reads an imperative the tagger takes for a noun or an adjective as the verb it is', () => {
    for (const text of [
      'Setup more Fluentd alerts',
      'Remove hardcoded version variable for Fluentd docker image',
      "Move 'grafana-agent' to monitoring node group",
      'Separate Kubernetes node autoscaling groups per AWS availability zone',
      'Change scheduled deployment pipeline timeslot',
      'Document rollover process',
    ])
      expect(kind(text), text).toBe('outcome');
  });

  it('reads the verb a subject hands over to: "We need to …", "DevEx will …"', () => {
    expect(commitmentOf('DevEx will update all service accounts').verb).toBe('update');
    // A chain of helpers before the verb: "are going to strengthen".
    expect(commitmentOf('We are going to strengthen the monitoring system').verb).toBe('strengthen');
    expect(kind('We are looking into more robust builder demotion')).toBe('decision');
    expect(kind('The IPS team is continuing to improve our response process')).toBe('decision');
  });

  it('reads a decision, not an outcome, from deliberation and open questions', () => {
    for (const text of [
      'Consider separate prioritization of SRE tasks',
      'Investigate whether the pool is too small',
      'Look into the pool size',
      'Discuss the feasibility of GitOps for cluster components',
      'Investigate grafana-agent memory usage',
    ])
      expect(kind(text), text).toBe('decision');
  });

  it('reads conferring with people and asking "if" as a decision, and not a condition or meeting a target', () => {
    expect(kind('Meet with the platform team to determine preventive steps')).toBe('decision');
    expect(kind('Talk to the vendor about the renewal')).toBe('decision');
    expect(kind('Ask Grafana support if we should use a volume for the agent')).toBe('decision');
    expect(kind('Add an alert if the disk is full')).toBe('outcome');
    expect(kind('Meet the SLO for checkout')).toBe('outcome');
  });

  it('reads two imperatives joined by "or" or "and", the first misread as a noun, as an outcome', () => {
    expect(kind('downgrade or suppress expected NotFound controller paths to reduce noise')).toBe('outcome');
    expect(kind('Dashboards and restore drills')).toBe('none');
  });

  it('reads nothing committed from a noun phrase', () => {
    for (const text of [
      'Circuit breaker implementation',
      'Health check optimization',
      'Query plans',
      // An item's label set aside leaves its noun phrase (Memphis-Chains/memphis).
      'B1. Periodic chain integrity scan at runtime',
    ])
      expect(kind(text), text).toBe('none');
  });

  it('reads nothing committed from a rule or an option ("should always", "might be")', () => {
    for (const text of [
      'All applications should run in containers',
      // People named by a class rather than their part in the work: a wish, as "we should" is.
      'Everyone should be more careful with deploys',
      'Workload segmentation might be an option to limit blast zones',
      'Comprehensive load testing to validate connection pool behaviour',
    ])
      expect(kind(text), text).toBe('none');
  });
});

describe('what leads into an instruction', () => {
  it('reads the verb past an adverb, a negation, a clause set off by a comma, or a run of verbs', () => {
    expect(commitmentOf('Remotely monitor the API server endpoint and send an alert').verb).toBe('monitor');
    expect(commitmentOf("Don't duplicate service key credentials across hubs").verb).toBe('duplicate');
    expect(commitmentOf('Do not deploy on Fridays').verb).toBe('deploy');
    expect(commitmentOf('Before retrying, ensure the branch protection run is complete').verb).toBe('ensure');
    expect(commitmentOf('Scope, plan, and implement concurrent batch submission').verb).toBe('implement');
    expect(kind('Before the release, discuss whether to freeze')).toBe('decision');
  });

  it('reads nothing committed when what follows the lead is no verb', () => {
    for (const text of [
      'Remotely hosted dashboards',
      'Before the release, more reviews',
      'Scope, timing and cost',
      // A condition or a hedge leaves the work undecided.
      'If possible, add an alert',
      'If possible, all security reports should be sent to several team members',
      'Maybe add a queue',
    ])
      expect(kind(text), text).toBe('none');
  });
});

describe('a question or a deliberation as what the verb works on', () => {
  it('reads "… whether …" and a deliberation named as a noun as a decision', () => {
    for (const text of [
      'Schedule a discussion about rolling out the latest AMI',
      'Ask Grafana support whether we should use a PVC',
      'Hold a debate on rollout strategy',
    ])
      expect(kind(text), text).toBe('decision');
  });

  it('reads such a noun as a thing when it only qualifies the object', () => {
    for (const text of ['Add a discussion forum link to the page', 'Deploy the exploration tool to staging'])
      expect(kind(text), text).toBe('outcome');
  });
});

describe('a long subject', () => {
  it('hands over to the verb after the modal when the subject is a noun phrase', () => {
    expect(
      commitmentOf('Our forthcoming network upgrade (Optimism: Bedrock) will use a fresh fork').verb,
    ).toBe('use');
    expect(kind('Our forthcoming network upgrade and its new review process')).toBe('none');
  });
});

describe('a duty laid on a named thing', () => {
  it('reads "The prepuller should be fixed so that …" as the outcome the thing must reach', () => {
    for (const text of [
      'The prepuller should be fixed so that helm does not time out',
      'The cookie_id column in the users table should have UNIQUE and NOT NULL constraints',
      'The monitoring system should notify more people',
      'All dev/devicelab/bin/tasks/gradle_* tests should run with the AAR workflow as well',
      // Named as code names them (opencollective/opencollective, MIT).
      'E2E tests should cover Donation on behalf of the collective in the Contribution Flow',
      'createCollective mutation should check data input more strictly',
      // A negated passive duty, an adverb before "be": the behaviour wanted.
      'GraphQL responses containing errors should not systematically be considered as errors',
      'The cache should not be flushed on deploy',
    ])
      expect(kind(text), text).toBe('outcome');
    expect(kind('The team should consider a second on-call rota')).toBe('decision');
  });

  it("reads a principle, a standing rule or the writers' wish as nothing committed", () => {
    for (const text of [
      'All applications should run in containers',
      'Unstable changes should always be in branch',
      'The deploys should never run on Fridays',
      'We should have a continuous monitoring bot',
      'The dashboards could be faster',
    ])
      expect(kind(text), text).toBe('none');
  });
});

describe('a plan stated in the passive', () => {
  it('reads "will be created" and "planned for replacement" as outcomes, "will be discussed" as a decision', () => {
    expect(
      commitmentOf('A new shutdown and decommissioning process will be created that removes the IPs').kind,
    ).toBe('outcome');
    expect(
      commitmentOf('Additionally, these test instances are planned for replacement later this year').kind,
    ).toBe('outcome');
    expect(commitmentOf('The new retry policy of the payments team will be discussed').kind).toBe('decision');
  });
});

describe('a subject saying what is needed', () => {
  it('reads the writers stating a need as no commitment, and a named thing needing one as the outcome', () => {
    // The reviewers' settled reading (test/fixtures/lint-eval/README.md): "We need …" commits to nothing.
    expect(commitmentOf('We need to streamline our pipelines so they become more generic').kind).toBe('none');
    expect(commitmentOf('We need monitoring of core services with direct health checks').kind).toBe('none');
    expect(commitmentOf('The alert needs a more descriptive name').kind).toBe('outcome');
    expect(commitmentOf('We need to investigate whether the pool is too small').kind).toBe('decision');
  });
});

describe('a verb written with a prefix and a hyphen', () => {
  it('reads "Re-evaluate" as one verb, a deliberation, and "Re-deploy" as an outcome', () => {
    expect(commitmentOf('Re-evaluate rollout vs deployment approaches')).toEqual({
      kind: 'decision',
      verb: 're-evaluate',
    });
    expect(commitmentOf('Re-deploy the hub with the fixed chart')).toEqual({
      kind: 'outcome',
      verb: 're-deploy',
    });
  });

  it('reads "Re-" before a verb the tagger takes for a noun ("Re-run") as that verb, and not before a noun', () => {
    expect(commitmentOf('Re-run update latest script')).toEqual({ kind: 'outcome', verb: 're-run' });
    expect(commitmentOf('Re-architecture of the pool').kind).toBe('none');
  });
});

describe('a first word that only looks like a verb', () => {
  it('reads a past participle or the first half of a hyphenated noun as naming a thing', () => {
    expect(commitmentOf('Automated rollback procedures').kind).toBe('none');
    expect(commitmentOf('Post-mortem and approval policy review.').kind).toBe('none');
    expect(commitmentOf('Automate rollback procedures').kind).toBe('outcome');
    expect(commitmentOf('Post the review to the channel').kind).toBe('outcome');
  });
});

describe('a condition closing the item', () => {
  it('leaves the work to be decided ("(if possible)"), while a bracketed note of another kind does not', () => {
    expect(commitmentOf('Disable text-to-speech on Discord globally (if possible)').kind).toBe('decision');
    expect(commitmentOf('Rotate the keys (where feasible).').kind).toBe('decision');
    expect(commitmentOf('Rotate the keys (see #123)').kind).toBe('outcome');
  });

  it('reads a duty by its grammar: the case it applies to, a passive, the writers laying it on themselves', () => {
    for (const text of [
      'If a build hangs for an hour, the builder should cancel it',
      'If the probe fails, then the proxy should restart itself',
      'Smoke tests should be run against staging after each deploy',
      'We should set up an alert on pending pods',
      'Should name one incident lead per outage, perhaps on a rota',
    ])
      expect(kind(text), text).toBe('outcome');
    for (const text of [
      'If possible, cap concurrent builds',
      'We should have an alert on pending pods',
      'Unstable changes should always be behind a flag',
    ])
      expect(kind(text), text).toBe('none');
    expect(kind('We should consider a second region')).toBe('decision');
  });

  it('reads writing down how as an outcome, and an inquiry into a named fault, or joined to its fix, as one', () => {
    for (const text of [
      'Document how to drain a node by hand',
      'Explain why the pool filled in the runbook',
      'Investigate the root cause of the disk-full errors',
      'Investigate timeout issue, which may come from the proxy',
      'Investigate what the expected downtime of a quota change is',
      'Investigate and fix the proxy memory leak',
      // A question of cause about what happens: its answer is the fault's cause.
      'Investigate why fstrim hangs on the default disk',
      // A question of what caused a fault asks for the cause (zzstoatzz/plyr.fm, MIT).
      'why did the CF POST silently drop env_vars?',
      'what froze machine 2?',
      // An appraisal of one thing, joined to a change.
      'Evaluate current state of the flags deployment and ensure durability against future outages',
      'Review the alert patterns in the runbook and remove the noisy ones',
    ])
      expect(kind(text), text).toBe('outcome');
    for (const text of [
      'Investigate options for faster rollovers',
      'Investigate proxy memory usage',
      'Investigate whether the pool is too small',
      'Figure out how to cap builds',
      'Document whether we keep the old flag',
      // Actions set side by side under an appraisal: which to take is still to decide.
      'Evaluate raising app CPU limits or splitting background work from the request path',
      'Review adding a second region or moving to a managed database',
      // An appraisal of a means to adopt asks whether to adopt it (zzstoatzz/plyr.fm, MIT).
      'evaluate circuit breaker pattern for queue listener',
      'Assess alternative tools for log shipping',
      'Analyze why',
    ])
      expect(kind(text), text).toBe('decision');
  });

  it('reads an item put as a question, a search for the means, or "figure out" as undecided', () => {
    for (const text of [
      'Drain and recycle nodes older than a week?\n  ([Issue](https://github.com/o/r/issues/9))',
      'Add a quota so that pending pods fail at once,\n  rather than queueing?',
      'Find a way to cap concurrent builds',
      'Find a path forward to retire the old proxy',
      'Figure out tests for the image cleaner',
    ])
      expect(kind(text), text).toBe('decision');
    for (const text of [
      'Write a runbook page for the first hour, e.g. "the hub is down, what now?"',
      'Find all stuck pods and delete them',
    ])
      expect(kind(text), text).toBe('outcome');
  });
  it('reads a deliberation done again ("Re-assess", "reconsider") as the deliberation, "Re-run" as running', () => {
    // firezone/firezone (Apache-2.0): a Next steps item.
    for (const text of [
      'Re-assess our email service provider safeguards.',
      'Reconsider the pool size',
      'Rethink the on-call rota',
    ])
      expect(kind(text), text).toBe('decision');
    for (const text of ['Re-run the backfill for the missing days', 'Rebuild the route table associations'])
      expect(kind(text), text).toBe('outcome');
  });

  it('reads past fields in brackets before the verb ("[due:: 2026-06-01] [owner:: Alexandre] Reduce …")', () => {
    expect(
      commitmentOf('[due:: 2026-06-01] [priority:: high] [owner:: Alexandre] Reduce Zot gcInterval').verb,
    ).toBe('reduce');
    expect(kind('[due:: 2026-06-01] Better alerts')).toBe('none');
  });

  // 2i2c-org/infrastructure (BSD-3-Clause).
  it('reads a change joined to a deliberation as the deliberation, and a deliberation joined to a change as the change', () => {
    expect(kind('Document and think about overcommit ratios')).toBe('decision');
    expect(kind('Document and discuss the restart steps')).toBe('decision');
    expect(kind('Investigate and fix the proxy memory leak')).toBe('outcome');
    expect(kind('Document and publish the restart steps')).toBe('outcome');
  });

  it('reads a change joined under a hedge as undecided, a plain join as the change', () => {
    // langfuse/langfuse-docs (MIT).
    expect(kind('Review and potentially migrate DNS management')).toBe('decision');
    expect(kind('Add and maybe remove the retry flag')).toBe('decision');
    expect(kind('Review and migrate DNS management')).toBe('outcome');
    expect(kind('Rotate and revoke the leaked keys')).toBe('outcome');
  });

  it('reads a choice over options set against each other as undecided, a choice of one as the outcome', () => {
    // psimaker/homelab (MIT).
    expect(
      kind('Decide on always-allocating a Storage Box upgrade (BX21, 5 TB) vs. tightening retention'),
    ).toBe('decision');
    expect(kind('Choose between Redis and Memcached for the cache')).toBe('decision');
    expect(kind('Pick the larger disk for the backup host')).toBe('outcome');
    expect(kind('Decide on a retention of 30 days')).toBe('outcome');
  });

  it('reads a word the tagger takes for a noun, followed at once by an article, as the verb acting on what follows', () => {
    expect(kind('Plug the file descriptor leak in search ranking')).toBe('outcome');
    expect(kind('Canary the deploy of the ranking service')).toBe('outcome');
    expect(kind('Vendor the parser dependency')).toBe('outcome');
    // A noun phrase stays one: no article follows its first word, or a capital name does.
    expect(kind('Dashboard for latency')).toBe('none');
    expect(kind('Memory leak in the worker')).toBe('none');
  });

  it('reads a terse imperative as the verb the tagger finds once it is asked of someone, and a noun phrase as none', () => {
    // The style of the SRE book's example action items.
    expect(kind('Plug file descriptor leak in search ranking subsystem')).toBe('outcome');
    expect(kind('Gate deploys on passing integration tests')).toBe('outcome');
    for (const phrase of [
      'Memory leak in worker',
      'Query plans',
      'Retry logic for uploads',
      'Post-mortem and approval policy review.',
    ])
      expect(kind(phrase), phrase).toBe('none');
  });

  it('reads an attitude asked for ("Be more careful") as nothing committed, a state to reach as the outcome', () => {
    expect(kind('Be more careful when deploying config changes')).toBe('none');
    expect(commitmentOf('Be more careful when deploying config changes').verb).toBe('be careful');
    expect(kind('Stay alert during deploys')).toBe('none');
    expect(kind('Be able to fail over within 5 minutes')).toBe('outcome');
    expect(kind('Be compliant with SOC2 by Q3')).toBe('outcome');
  });

  // rotkonetworks/www.rotko.net (MIT by its package manifest).
  it('reads studying and reading to understand as a decision, and work after a purpose clause as the outcome', () => {
    expect(
      commitmentOf('Read RFC 2328 to understand actual protocol and how vendor implementation differ').kind,
    ).toBe('decision');
    expect(
      commitmentOf('Study route reflector architecture to move route management to a route server').kind,
    ).toBe('decision');
    expect(commitmentOf('Read the token from the secret store at start-up').kind).toBe('outcome');
    expect(
      commitmentOf(
        'To ensure higher redundancy during the next maintenance window, we plan to install a third edge router.',
      ),
    ).toEqual({ kind: 'outcome', verb: 'install' });
    expect(commitmentOf('In order to reduce noise, we will tune the alert thresholds.').kind).toBe('outcome');
    expect(commitmentOf('To be discussed, maybe later').kind).toBe('none');
  });

  // samuelclay/NewsBlur (MIT).
  it('reads the work a named step is ("The second change is to use …"), and a change promised but not named as none', () => {
    expect(
      commitmentOf('The second change is to use database user authentication on all of the databases'),
    ).toEqual({
      kind: 'outcome',
      verb: 'use',
    });
    expect(
      commitmentOf(
        'Lastly, a change needs to be made as to which database users have permission to drop the database',
      ).kind,
    ).toBe('none');
  });
});
