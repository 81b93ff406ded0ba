import { listedActionItems, onlySlot } from '../action-items.js';
import { commitmentOf } from '../commitment.js';
import { afterPlainLabel, statesStateReached } from '../item-head.js';
import { peopleNamed, subjectTo } from '../named-owner.js';
import { nlp } from '../nlp.js';
import type { LintRule } from '../rule.js';
import { statesTarget, writtenAsTargets } from '../target-state.js';
import { startsWithActionVerb } from '../verbs.js';
import { short } from './grouped-items.js';

/**
 * An item with no verb up front that still names the fix: a choice whose other branch is an
 * instruction, or the fault told first and the steps after it ("`index_corpus`
 * deletes the index … Pass `drop_existing=True` through, or delete the sidecar …").
 */
/**
 * "Data migration to update column size": the change named by its noun ("migration" of "migrate",
 * "removal" of "remove") and its purpose by a verb of outcome after "to": the fix, named.
 */
const NAMED_CHANGE =
  /^(?:[\w-]{1,30}\s{1,3}){0,3}?([a-z]{3,30}?)(ation|ion|ment|al)\s{1,3}to\s{1,3}([a-z]{2,30}\b.{0,200})$/i;
function changeNamedForPurpose(text: string): boolean {
  const m = text.trim().match(NAMED_CHANGE);
  if (!m) return false;
  const [, stem, ending, purpose] = m;
  const verbs = ending === 'ment' ? [stem] : [`${stem}e`, stem, `${stem}ate`];
  return verbs.some((v) => startsWithActionVerb(v)) && commitmentOf(purpose).kind === 'outcome';
}

function namesFix(text: string): boolean {
  // "Watchdog loaded via initramfs; timeout raised to 120s": the state the measure reaches.
  if (statesStateReached(text)) return true;
  if (changeNamedForPurpose(text)) return true;
  // "Boot-time secret re-stage, or document that a reboot requires a redeploy": a choice whose
  // other branch is an instruction commits to one of them.
  const [, ...branches] = text.split(/,\s{0,3}or\s{1,3}/);
  if (branches.some((b) => opensImperative(b) && commitmentOf(b).kind === 'outcome')) return true;
  const [first, ...later] = text.split(/(?<=[.!?])\s+(?=[A-Z`*_])/);
  // A question first leaves the work open, whatever follows it.
  if (/\?\W*$/.test(first)) return false;
  // A step is a sentence of its own, not a link's word left after it ("… [Issue](…)").
  const steps = later
    .filter((sentence) => sentence.split(/\s+/).length >= 3 && opensImperative(sentence))
    .map(commitmentOf);
  return steps.some((c) => c.kind === 'outcome') && !steps.some((c) => c.kind === 'decision');
}

/** A sentence opening with a verb in its base form, as an instruction does ("Include a regression test"). */
function opensImperative(sentence: string): boolean {
  const first = nlp(sentence).terms().json()[0]?.terms[0] as { tags: string[] } | undefined;
  return (
    !!first?.tags.includes('Verb') &&
    !first.tags.includes('Gerund') &&
    first.tags.some((t) => t === 'Infinitive' || t === 'Imperative')
  );
}

/** An item that is only an address: the work is somewhere else, unsaid. */
const LINK_ONLY = /^(?:https?:\/\/\S+\s*)+$/;

export const actionItemVerb: LintRule = {
  id: 'action-item-verb',
  description:
    'Every planned action item says what will be done with a verb ("Add a pool alert"), not a noun phrase ("Monitoring") or only a decision to make ("Consider …", "Investigate whether …").',
  cost: { each: 2, max: 10 },
  check({ doc }) {
    const items = listedActionItems(doc);
    // A list written as the states to reach ("etcd detects data corruption by default"), done items
    // included, states an outcome in each item written that way.
    const lists = new Map<number, string[]>();
    for (const item of items) lists.set(item.list, [...(lists.get(item.list) ?? []), item.action]);
    const targets = new Set(
      [...lists].filter(([, actions]) => writtenAsTargets(actions)).map(([list]) => list),
    );
    // The options a deliberation weighs ("figuring out which of … are useful" over "scale up",
    // "caching"): one decision still to make, reported once at its list's first open item.
    const weighed = new Set<number>();
    // "Nóva to send …": a name the document gives a person in full elsewhere ("author: Kris Nóva").
    let people: Set<string> | undefined;
    const named = () => (people ??= peopleNamed(doc.lines));
    return items
      .filter((item) => item.status !== 'done' && !item.part && !onlySlot(item.action))
      .filter((item) => !(targets.has(item.list) && statesTarget(item.action)))
      .flatMap((item) => {
        if (item.option) {
          if (weighed.has(item.list)) return [];
          weighed.add(item.list);
          return [
            {
              rule: 'action-item-verb',
              line: item.line,
              message: `action items from line ${item.line} are options the text before them is still weighing, a decision to make; say which will be done`,
            },
          ];
        }
        // The label and the words after it ("**Circuit breaker**: Add …"): the words after a label
        // say what is committed to when they say anything ("**Deployment strategy**: Re-evaluate …"
        // only decides); a label alone ("**Migrate** the config …") carries the verb otherwise.
        // A plain label before a colon ("Pre-flight gate: price a selection …") is read as a bold one.
        // "Peter to investigate why …", "SRE team to add …": who is named first; the work is what follows "to".
        const handedTo = item.commitment === item.action ? subjectTo(item.action, named()) : null;
        const unlabelled =
          item.commitment === item.action ? (afterPlainLabel(item.action) ?? handedTo?.rest ?? null) : null;
        const said = commitmentOf(unlabelled ?? item.commitment);
        // Who is named before "to" is no verb: the work after "to" is all there is to read.
        const read =
          (said.kind !== 'none' && (item.commitment !== item.action || unlabelled !== null)) || handedTo
            ? [said]
            : [commitmentOf(item.action), said];
        if (item.undecided)
          return [
            {
              rule: 'action-item-verb',
              line: item.line,
              message: `action item '${short(item.action)}' rests on open questions listed under it, a decision still to make; say what will change once they are answered`,
            },
          ];
        if (read.some((c) => c.kind === 'outcome')) return [];
        if (read.every((c) => c.kind === 'none') && (item.setting || namesFix(unlabelled ?? item.commitment)))
          return [];
        const commitment = read.find((c) => c.kind === 'decision') ?? read[0];
        const message = LINK_ONLY.test(item.action)
          ? `action item '${short(item.action)}' is only a link; say what will be done`
          : commitment.kind === 'decision'
            ? `action item '${short(item.action)}' commits to a decision ('${commitment.verb}'), not an outcome; say what will change, and who decides by when`
            : commitment.verb
              ? `action item '${short(item.action)}' asks for an attitude ('${commitment.verb}'), not a change anyone could finish; say what will change so it is not needed`
              : `action item '${short(item.action)}' does not say what will be done; start with a verb (add, fix, remove, migrate…)`;
        return [{ rule: 'action-item-verb', line: item.line, message }];
      });
  },
  examples: {
    ok: [
      // An item that is only a template's slot is no-placeholders' finding, once.
      '## Action items\n\n- TODO\n- [Action item description]\n',
      // Work the writer crossed off (struck through) is held to nothing (Stellar-Index/StellarIndex, Apache-2.0).
      '## Still open\n\n- ~~Usage-counter loss during an outage was invisible~~ — **shipped 2026-09-27.**\n- Add a swapfile alert (Owner: ops, due 2026-10-15)\n',
      // The parts of one planned piece of work, each with its estimate (scaleapi/llm-engine, Apache-2.0).
      '## Action items\n\nAdd a `scale-deploy-staging` namespace in ml-serving-new. Estimated ~3–4 days:\n- K8s namespace + IRSA service account + secrets: ~0.5 day\n- Validation / smoke tests: ~1 day\n',
      // A question of what caused a fault asks for its cause, a finding (zzstoatzz/plyr.fm, MIT).
      '## action items\n\n### investigate (low priority)\n\n8. **why did the CF POST silently drop env_vars?** — either a bug in the create path, or a later deploy wiped it.\n',
      // A status for a label, the work after it (zzstoatzz/plyr.fm, MIT).
      '## follow-ups\n\n- **shipped**: the three PRs above, this retrospective.\n- **open**: add a refcount guard to `move_audio()`.\n',
      // The owner named first, then "to" and the work (elifesciences/elife-xpub, MIT).
      "## Corrective Actions\n\n- Peter to investigate why Jenkins didn't deploy the changes made on Saturday\n",
      // A team, or its initials, named first, then "to" and the work; the writers too, the verb's
      // modal left out (opencollective/opencollective, MIT).
      '## Action items\n\n- SRE team to add alerting on disk usage\n- QA to verify the fix on staging\n- We to add an index on Orders payment intent ID\n',
      // A name the document gives its author in full, alone before "to" and the work (hachyderm/community, Apache-2.0).
      '---\nauthor: Kris Nóva\n---\n\n## Action items\n\n- Nóva to send list of domains to discord to destroy\n',
      // The change named by its noun, its purpose an outcome (openSUSE/obs-landing, MIT).
      '## Action Items\n\n| Action Item | Owner |\n|---|---|\n| [Data migration to update column size](https://github.com/o/r/pull/16751) | Developer Team |\n',
      // A list after a sentence that decided already is the work, not options.
      '## Action Items\n\nWe decided which of the scaling options to take first:\n\n- Add two nodes to the pool\n- Enable caching of the package index\n',
      // A plain label before the verb, an exact setting as the head, the fixed behaviour stated, the
      // fault told first and the steps after it (chipi/podcast_scraper, MIT).
      '## Improvement plan\n\n| Item | Owner | Target |\n| --- | --- | --- |\n| Pre-flight gate: price a selection and refuse to start when it exceeds the budget | agent | hotfix |\n| Explicit `timeout-minutes` on the job instead of an inherited default | agent | hotfix |\n| Bound the remote command with `timeout` | agent | hotfix |\n',
      '## Improvement plan\n\n### Mitigation (would have reduced impact / recovery time)\n\n| Item | Owner | Target |\n| --- | --- | --- |\n| Boot-time secret re-stage, or document that a reboot requires a redeploy | operator | v2 |\n',
      '## Follow-ups\n\n- `index_corpus(rebuild=True)` deletes the index and then skips every episode. Pass `drop_existing=True` through, or delete the sidecar. Include a regression test.\n',
      // Options asked in brackets only say how; a question answered beside concrete steps decides nothing open.
      '## Proposal Improvements\n\n* Write down the incident response process\n  * Includes creating a process to allow posting on the Twitter account for big outages (Tweetdeck sharing? other?)\n* Improve monitoring of www.origin.jenkins.io\n  * Q: Is there a monitoring for this domain?\n  * Ensure that this monitoring sends a Host header\n  * Add a set of pages to be checked\n',
      // A list written as the states to reach: each item states its outcome.
      '## Action items\n\n| Action Item | Owner |\n| --- | --- |\n| etcd detects data corruption by default | sre |\n| etcd checks consistency of snapshots | sre |\n| etcd testing is high quality, easy to maintain | sre |\n',
      '## Action items\n\n- Add a pool-size alert\n- **Migrate** the config to Consul\n',
      // A bold label followed by the commitment; a subject handing over to its verb; completed work.
      '## Action items\n\n- **Circuit breaker**: Add a breaker around the flags client\n- DevEx will update all service accounts\n',
      '## Remediation (completed)\n\n- Query plans\n- Disk read amplification\n',
      // What a named thing needs, named: "needs <a thing>".
      '## Action items\n\n- The alert needs a more descriptive name\n',
      // A chain of helpers before the verb; advice to readers; a wrapped line of done work is no instruction.
      '## Future works\n\nWe are going to strengthen the monitoring of blocks from partners.\n',
      '## Call to action\n\nSome things you can do:\n\n* If you have a dormant account, consider removing it.\n* If you have not logged in lately, consider enabling 2FA.\n',
      '## Recovery\n\nAll nodes were downgraded to v0.4.3 to\ncontinue generating correct blocks.\n',
      // A bold title over its one line: the line carries the verb.
      '## Looking Forward\n\n1. **Bug bounty**\n   - We will establish a bug bounty program.\n',
      // A duty laid on a named thing states its outcome; a lead-in before the verb; work marked done.
      "## Action items\n\n- The prepuller should be fixed so that helm does not time out\n- Remotely monitor the API server\n- Don't duplicate credentials\n- Better alerts (DONE)\n",
      // The behaviour wanted in a stated case; a passive duty; the writers' own duty read by its verb;
      // writing down how; an inquiry into a named fault or one joined to its fix.
      // Two imperatives joined after a label, the first read as a noun; a question of cause about a
      // fault; a deliberation joined to a change past its object.
      '## Follow-up actions\n\n- **Noise reduction**: downgrade or suppress expected NotFound paths to cut noise\n- Investigate why fstrim hangs on the default disk\n- Evaluate the current flags deployment and ensure durability against outages\n',
      '## Action items\n\n- If a build hangs for an hour, the builder should cancel it\n- Smoke tests should be run against staging after each deploy\n- We should set up an alert on pending pods\n- Should name one incident lead per outage\n- Document how to drain a node\n- Investigate the root cause of the disk-full errors\n- Investigate and fix the proxy memory leak\n',
      // A duty laid on people by their part in the work is a practice they commit to (elifesciences/elife-xpub, MIT).
      '## Action items\n\n- Reviewers and authors should verify the changes in review environments\n- The on-call engineer must notify the database owner before failing over\n',
      // "Log" opens an item as its verb (mastra-ai/mastra, Apache-2.0).
      '## Action Items\n\n- [ ] **Log build failures as errors**\n',
    ],
    notOk: [
      // Someone named before "to" is no verb: what follows is read, an attitude asked of them.
      { markdown: '## Action items\n\n- Bob to be more careful in future\n', lines: [3] },
      // The writers' duty told in a plan's prose is an item; a need commits to no outcome (hachyderm/community, Apache-2.0).
      {
        markdown:
          '## Opportunities\n\nWe need to improve our monitoring and alerting on critical systems.\n\nWe need to review our pgbouncer and postgresql configuration.\n',
        lines: [3, 5],
      },
      // Work hedged on whether it can be done at all is a decision still to make (IIP-Design/lab-tools, MIT).
      {
        markdown:
          '## Corrective Actions\n\nIf possible, all security vulnerability reports should be sent to multiple team members.\n\n## Action items\n\n- If possible observe the next daily run of the pipeline\n',
        lines: [3, 7],
      },
      // A word the document never gives a person, before "to", names no owner: the item has no verb.
      {
        markdown: '---\nauthor: Kris Nóva\n---\n\n## Action items\n\n- Station to the new board layout\n',
        lines: [7],
      },
      // Noun labels over a risk told in place, a setting only its circumstance, under a heading of
      // work left open (zzstoatzz/plyr.fm, MIT).
      {
        markdown:
          '## still open\n\n- **VM sizing**: 1GB idling at ~330MB available is thin even post-fix.\n- **disk exposure**: at `max_upload_size_mb=1536`, each upload costs up to 2× file size in /tmp.\n',
        lines: [3, 4],
      },
      // An appraisal of a means to adopt: whether to adopt it is still to decide (zzstoatzz/plyr.fm, MIT).
      {
        markdown: '## Action items\n\n- [ ] evaluate circuit breaker pattern for queue listener\n',
        lines: [3],
      },
      // A change named by its noun whose purpose is only a deliberation, or a noun of no change.
      {
        markdown:
          '## Action items\n\n- Data migration to investigate the options\n- Station to update the board\n',
        lines: [3, 4],
      },
      // Options under a deliberation: one decision, reported once (openSUSE/obs-landing, MIT).
      {
        markdown:
          '## Action Items\n\nScaling is an ongoing effort for us. We are working on figuring out which of the classic scaling topics are useful for us.\n\n- scale up (more hardware)\n- scale out (more nodes + load balance)\n- caching\n',
        lines: [5],
      },
      // The writers stating a need commit to no outcome (hachyderm/community, Apache-2.0; dfds/postmortems, MIT).
      {
        markdown:
          '## Action items\n\n- We need to destroy all TLS certs and re-create them with a cohesive strategy\n- We need a Security Operation Centre (SOC)\n',
        lines: [3, 4],
      },
      // Alternatives the list offers, one of which may be done: no choice made (usdigitalresponse/univaf, MIT).
      {
        markdown:
          '## Action Items\n\nIt might be good to do some cleanup (detailed in #631), by doing one of:\n\n- Drop the `id` column and use a compound primary key.\n- Use an `INSERT ... WHERE NOT EXISTS` pattern instead.\n',
        lines: [5],
      },
      // A gap stated, a noun phrase whose code is not its head, a label over a noun phrase.
      {
        markdown:
          '## Improvement plan\n\n| Item | Owner | Target |\n| --- | --- | --- |\n| Nothing prevents two pipeline runs against one corpus | agent | v2 |\n| Disk-space alert `avail / size < 15%` on prod, routed to a real destination | operator | v2 |\n| Runbook: how to determine whether prod is doing paid work | agent | v2 |\n| Add a liveness signal | agent | v2 |\n',
        lines: [5, 6, 7],
      },
      // Items resting on open questions nested under them (jenkins-infra/documentation, MIT).
      {
        markdown:
          '## Proposal Improvements\n\n* Improve the status.jenkins.io update:\n  * Should be use PR that are slowing down the process?\n  * Auto-generate issues incident to avoid errors in filing the correct fields\n  * Maybe using a bot to simplify the update?\n* Questioning (and eventually updating) the package process to NOT mount the Azure filesystem\n  * What was the reason to use a mounted volume instead of the Azure CLI?\n',
        lines: [3, 7],
      },
      // Review actions written as a labelled field (ministryofjustice/cloud-platform, MIT): options to weigh, a question to answer.
      {
        markdown:
          '# Incident\n\n- **Impact**: Cloud Platform services were not available.\n\n- **Resolution**:\n  - Route table associations were rebuilt.\n\n- **Review actions**:\n  - Review and update the process for pausing infrastructure pipelines.\n  - Investigate options for suspending the execution of queued PRs.\n  - Investigate if external-dns sync functionality is enough for the DNS cleanup\n',
        lines: [10, 11],
      },
      // A statement among instructions is no target state: it says what is wrong, not what will be done.
      {
        markdown: '## Action items\n\n- Add an alert\n- Fix the pool\n- The dashboard is slow\n',
        lines: [5],
      },
      {
        markdown:
          '## Action items\n\n- Better alerts\n- Consider separate on-call rotas\n- Add a pool-size alert\n- Investigate whether the pool is too small\n',
        lines: [3, 4, 6],
      },
      // A meeting to decide, and a question put to someone, leave the outcome to them.
      {
        markdown:
          '## Follow-up actions\n\n- **Schedule postmortem**: Meet with the platform team to determine preventive steps\n- Ask the vendor if we should move the agent to a volume\n- Add an alert if the disk is full\n',
        lines: [3, 4],
      },
      // Weighing options after a label commits to a decision.
      {
        markdown:
          '## Follow-up actions\n\n- **Capacity**: evaluate raising CPU limits or splitting background work\n- **Alerting**: add alerts for readiness failures\n',
        lines: [3],
      },
      // The words after a bold label say what is committed to: here only to re-evaluating.
      {
        markdown:
          '## Action items\n\n- **Deployment strategy evolution**: Re-evaluate rollout vs deployment approaches\n- **Rate limiting**: Prevent Redis overwhelm from cache population\n',
        lines: [3],
      },
      // Under a bold title, the one line that only looks into something commits to a decision.
      {
        markdown:
          '## Looking Forward\n\n1. **Demotion**\n   - We are looking into more robust demotion.\n2. **Bug bounty**\n   - We will establish a bug bounty program.\n',
        lines: [4],
      },
      // A principle about a class of things, a standing rule and a wish commit to nothing.
      {
        markdown:
          '## Action items\n\n- All applications should run in containers\n- Unstable changes should always be in branch\n- We should have a monitoring bot\n- Add a pool alert\n',
        lines: [3, 4, 5],
      },
      // An item put as a question, and a search for a way, leave the work open.
      {
        markdown:
          '## Action items\n\n- Recycle nodes older than a week?\n- Find a way to cap concurrent builds\n- Find all stuck pods and delete them\n',
        lines: [3, 4],
      },
      // A condition with no clause of its own, and an inquiry into options or usage, stay undecided.
      {
        markdown:
          '## Action items\n\n- If possible, cap concurrent builds\n- Investigate options for faster rollovers\n- Investigate proxy memory usage\n- Document the restart steps\n',
        lines: [3, 4, 5],
      },
      // An Action items section that is only a link to an issue search says nothing of the work.
      {
        markdown: '## Action items\n\nhttps://github.com/o/r/issues?q=is%3Aissue+%22Action+item%22\n',
        lines: [3],
      },
    ],
  },
};
