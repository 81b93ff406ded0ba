// GitHub's records of what happened to a repository: pushes, pull requests, workflow runs, commit
// statuses and deployment reviews. What changed what runs (a push or a merge to the default branch,
// a tag, a deploy workflow that succeeded) is a change; the rest is told as a note, a ticket or an
// action, so that the timeline shows it without taking it for a trigger.
import type { Input } from '../bundle/index.js';
import type { EventKind, RawEvent, ReadContext, Source } from '../model/index.js';
import {
  type Draft,
  eventOf,
  firstLine,
  isDefault,
  isPull,
  isRun,
  login,
  type Obj,
  PULL_URL,
  part,
  type Repo,
  repoOf,
  seconds,
  sha7,
} from './github-records.js';
import { fromReview, fromRun, fromStatus, type RunDraft } from './github-workflows.js';
import {
  asObject,
  asText,
  type Payload,
  parsePayloads,
  readPayloads,
  samplePayloads,
} from './json-payloads.js';
import { payloadTime } from './payload-time.js';

const ZERO_SHA = /^0{40}$/;
/** GitHub's own words for a revert: the commit "Revert "…"" and the pull request of the Revert button. */
const REVERT = /^Revert "/;

/** `push`: what a ref was moved from and to, by whom, with the commits it brought. */
const isPush = (p: Obj) =>
  typeof p.ref === 'string' &&
  typeof p.before === 'string' &&
  typeof p.after === 'string' &&
  Array.isArray(p.commits) &&
  'head_commit' in p &&
  !!asObject(p.pusher);
/** `pull_request`: an action on a pull request, numbered at the top too. */
const isPullDelivery = (p: Obj) =>
  typeof p.action === 'string' && Number.isInteger(p.number) && isPull(asObject(p.pull_request));
/** `deployment_review`: a run waiting at an environment's gate (`since`), and what its reviewers did. */
const isReview = (p: Obj) =>
  typeof p.action === 'string' &&
  'since' in p &&
  isRun(asObject(p.workflow_run)) &&
  (typeof p.environment === 'string' || !!asObject(p.workflow_job_run) || Array.isArray(p.workflow_job_runs));
/** `workflow_run`: the run and its workflow; `deployment` deliveries carry both too, and are not ours. */
const isRunDelivery = (p: Obj) =>
  typeof p.action === 'string' && !!asObject(p.workflow) && isRun(asObject(p.workflow_run));
/** `gh api repos/O/R/actions/runs`: one page of runs. */
const isRunList = (p: Obj) => typeof p.total_count === 'number' && Array.isArray(p.workflow_runs);
/** `status`: a commit status set by a CI or a check (`context`), with the branches the commit is on. */
const isStatus = (p: Obj) =>
  typeof p.sha === 'string' &&
  typeof p.context === 'string' &&
  typeof p.state === 'string' &&
  'created_at' in p &&
  Array.isArray(p.branches);

type Shape = 'push' | 'pull-delivery' | 'pull' | 'review' | 'run-delivery' | 'run' | 'runs' | 'status';

function shapeOf(p: Obj | null): Shape | null {
  // Deployment deliveries carry a workflow run too: github-deployments reads them.
  if (!p || 'deployment' in p) return null;
  if (isPush(p)) return 'push';
  if (isPullDelivery(p)) return 'pull-delivery';
  if (isPull(p)) return 'pull';
  if (isReview(p)) return 'review';
  if (isRunDelivery(p)) return 'run-delivery';
  if (isRun(p)) return 'run';
  if (isRunList(p)) return 'runs';
  return isStatus(p) ? 'status' : null;
}

/** The first runs of a runs page longer than the sample (pretty-printed), for detection. */
function headOfRuns(sample: string): Obj | null {
  const open =
    /^\s{0,40}\{\s{0,40}"total_count"\s{0,40}:\s{0,40}\d{1,12}\s{0,40},\s{0,40}"workflow_runs"\s{0,40}:\s{0,40}\[/.exec(
      sample,
    );
  if (!open) return null;
  const runs = parsePayloads(sample.slice(open[0].length - 1), { limit: 1 }).payloads.map((x) => x.value);
  return { total_count: runs.length, workflow_runs: runs };
}

function detect(input: Input): boolean {
  const [first] = samplePayloads(input, 1);
  const p = asObject(first) ?? (first === undefined && !input.isDirectory ? headOfRuns(input.sample) : null);
  const shape = shapeOf(p);
  if (shape !== 'runs') return shape !== null;
  // A page of runs: its first run says it, an empty page is one too.
  const [run] = p!.workflow_runs as unknown[];
  return run === undefined || isRun(asObject(run));
}

/** The commit a push leaves its ref at: head_commit, else the latest of its commits. */
function headOf(p: Obj, ctx: ReadContext): Obj | null {
  const head = asObject(p.head_commit);
  if (head) return head;
  let latest: { commit: Obj; ts: number } | null = null;
  for (const c of p.commits as unknown[]) {
    const commit = asObject(c);
    const ts = payloadTime(commit?.timestamp, ctx.time);
    if (commit && ts != null && (!latest || ts >= latest.ts)) latest = { commit, ts };
  }
  return latest?.commit ?? null;
}

/**
 * One push, at the time the repository says it was pushed (`pushed_at`), else its head commit's. To the
 * default branch, or a tag, it is a change (a revert a rollback); to another branch, or a deletion,
 * a note: it changed nothing that runs.
 */
function fromPush(p: Obj, ctx: ReadContext): Draft[] {
  const repository = asObject(p.repository);
  const repo = repoOf(repository, null, PULL_URL);
  const ref = String(p.ref);
  const tag = ref.startsWith('refs/tags/');
  const name = ref.replace(/^refs\/(?:heads|tags)\//, '');
  const deleted = p.deleted === true || ZERO_SHA.test(String(p.after));
  const created = p.created === true || ZERO_SHA.test(String(p.before));
  const head = deleted ? null : headOf(p, ctx);
  // A push delivery's repository says when this push came (`pushed_at`); a commit's own time is when
  // it was written, which may be days before it reached the branch.
  const ts = payloadTime(repository?.pushed_at, ctx.time) ?? payloadTime(head?.timestamp, ctx.time);
  const where = `${repo.full || repo.name} ${name}`;
  if (ts == null) {
    ctx.skip(null, `GitHub push to ${where} has no readable repository pushed_at nor head commit timestamp`);
    return [];
  }
  const defaultBranch = asText(repository?.default_branch) ?? asText(repository?.master_branch);
  const message = firstLine(head?.message);
  const count = (p.commits as unknown[]).length;
  const runs = !deleted && (tag || isDefault(name, defaultBranch));
  const kind: EventKind = !runs ? 'note' : REVERT.test(message) ? 'rollback' : 'change';
  const headSha = asText(head?.id) ?? asText(p.after);
  const told = `head ${sha7(headSha)}${message ? ` "${message}"` : ''}`;
  const marks = [created && !tag ? 'new branch' : '', p.forced === true ? 'forced' : ''].filter(Boolean);
  const summary = deleted
    ? `${tag ? 'Tag' : 'Branch'} ${name} deleted from ${repo.name || repo.full} (was ${sha7(p.before)})`
    : tag
      ? `Tag ${name} pushed to ${repo.name || repo.full}: ${told}`
      : `Push to ${repo.name || repo.full} ${name}${marks.length ? ` (${marks.join(', ')})` : ''}: ${
          count ? `${count} commit${count === 1 ? '' : 's'}, ` : ''
        }${told}`;
  const refOf = deleted
    ? `gh-push-${repo.short}-${part(name)}-deleted-${sha7(p.before)}`
    : runs && !tag
      ? `gh-push-${repo.short}-${sha7(p.after)}`
      : `gh-push-${repo.short}-${part(name)}-${sha7(p.after)}`;
  const draft: Draft = {
    ts,
    kind,
    ref: refOf,
    summary,
    repo,
    attrs: {
      sha: deleted ? undefined : asText(p.after),
      before: asText(p.before),
      ref,
      ...(tag ? { tag: name } : { branch: name }),
      author: asText(asObject(p.pusher)?.name),
      commits: count,
      message: message || undefined,
      committedAt: asText(head?.timestamp),
      defaultBranch,
      ...(created ? { created: true } : {}),
      ...(deleted ? { deleted: true } : {}),
      ...(p.forced === true ? { forced: true } : {}),
      compare: asText(p.compare),
    },
    ...(kind === 'note' ? { signals: [] } : {}),
  };
  return [draft];
}

interface Pull {
  raw: Obj;
  number: number;
  repo: Repo;
  /** `owner/name#N`, for messages. */
  name: string;
  title: string;
  base: string | undefined;
  ref: string;
  attrs: Obj;
}

function pullOf(raw: Obj, repository: Obj | null): Pull {
  const base = asObject(raw.base);
  const repo = repoOf(repository, raw.url, PULL_URL);
  const number = raw.number as number;
  return {
    raw,
    number,
    repo,
    name: `${repo.full}#${number}`,
    title: asText(raw.title) ?? '',
    base: asText(base?.ref),
    ref: `gh-pr-${repo.short}-${number}`,
    attrs: {
      number,
      base: asText(base?.ref),
      head: asText(asObject(raw.head)?.ref),
      html_url: asText(raw.html_url),
    },
  };
}

const isMerged = (raw: Obj) => raw.merged === true || asText(raw.merged_at) !== undefined;

/** A merge: into the default branch a change (a revert a rollback), into another branch a note. */
function merged(pull: Pull, repository: Obj | null, ctx: ReadContext): Draft[] {
  const raw = pull.raw;
  const ts = payloadTime(raw.merged_at, ctx.time);
  if (ts == null) {
    ctx.skip(null, `GitHub pull request ${pull.name} was merged but has no readable merged_at`);
    return [];
  }
  const defaultBranch =
    asText(asObject(asObject(raw.base)?.repo)?.default_branch) ?? asText(repository?.default_branch);
  const kind: EventKind = !isDefault(pull.base, defaultBranch)
    ? 'note'
    : REVERT.test(pull.title)
      ? 'rollback'
      : 'change';
  return [
    {
      ts,
      kind,
      ref: pull.ref,
      summary: `Merged pull request #${pull.number} into ${pull.base ?? 'its base'}: ${pull.title}`,
      repo: pull.repo,
      attrs: {
        sha: asText(raw.merge_commit_sha),
        ...pull.attrs,
        author: login(raw.merged_by) ?? login(raw.user),
        title: pull.title || undefined,
      },
      ...(kind === 'note' ? { signals: [] } : {}),
    },
  ];
}

type Told = 'opened' | 'reopened' | 'closed';
/** The field that dates each action a pull request's own record keeps. */
const DATED: Record<Told, string> = { opened: 'created_at', reopened: 'updated_at', closed: 'closed_at' };

/** An opening, reopening or closing (unmerged) as a ticket, at the time the pull request records for it. */
function ticket(pull: Pull, action: Told, user: unknown, ctx: ReadContext): Draft[] {
  const field = DATED[action];
  const ts = payloadTime(pull.raw[field], ctx.time);
  if (ts == null) {
    ctx.skip(null, `GitHub pull request ${pull.name} ${action} has no readable ${field}`);
    return [];
  }
  return [
    {
      ts,
      kind: 'ticket',
      ref: action === 'opened' ? `${pull.ref}-opened` : `${pull.ref}-${action}-${seconds(ts)}`,
      summary: `pull request #${pull.number} ${action}${pull.title ? `: ${pull.title}` : ''}`,
      repo: pull.repo,
      attrs: { ...pull.attrs, action, state: asText(pull.raw.state), user: login(user) },
    },
  ];
}

/** A `pull_request` delivery: merged, opened, reopened or closed; other actions say nothing of the course. */
function fromPullDelivery(p: Obj, ctx: ReadContext): Draft[] {
  const repository = asObject(p.repository);
  const pull = pullOf(asObject(p.pull_request)!, repository);
  const action = String(p.action);
  if (action === 'closed' && isMerged(pull.raw)) return merged(pull, repository, ctx);
  if (action === 'opened') return ticket(pull, action, pull.raw.user, ctx);
  if (action === 'reopened' || action === 'closed') return ticket(pull, action, p.sender, ctx);
  ctx.skip(
    null,
    `GitHub pull_request "${action}" delivery for ${pull.name}: only opened, closed, reopened and merged are read`,
  );
  return [];
}

/** A REST pull request: merged, its merge; else its opening, and its closing when closed. */
function fromRestPull(raw: Obj, ctx: ReadContext): Draft[] {
  const pull = pullOf(raw, null);
  if (isMerged(raw)) return merged(pull, null, ctx);
  const out = ticket(pull, 'opened', raw.user, ctx);
  return raw.closed_at == null ? out : [...out, ...ticket(pull, 'closed', null, ctx)];
}

interface Read {
  event: RawEvent;
  rank?: number;
}

const NOT_OURS =
  'not a GitHub push, pull_request, workflow_run, status or deployment_review delivery, REST pull request or workflow run';

/** The line of one record inside a payload: a run by its node id, else its address. */
const lineOfRun = (payload: Payload, run: Obj) =>
  payload.locate(typeof run.node_id === 'string' ? `"${run.node_id}"` : `/actions/runs/${asText(run.id)}"`);

/** A context whose skips without a line are at `line`. */
const atLine = (ctx: ReadContext, line: number): ReadContext => ({
  ...ctx,
  skip: (l, reason) => ctx.skip(l ?? line, reason),
});

function readsOf(payload: Payload, file: string, ctx: ReadContext): Read[] {
  const { value, line } = payload;
  const p = asObject(value);
  const at = (drafts: Draft[]) => drafts.map((d) => ({ event: eventOf(d, file, line) }));
  const runs = (drafts: RunDraft[], l: number) =>
    drafts.map(({ draft, rank }) => ({ event: eventOf(draft, file, l), rank }));
  // A record's skips name its line: a reader that does not know it leaves it to this context.
  const here = atLine(ctx, line);
  switch (shapeOf(p)) {
    case 'push':
      return at(fromPush(p!, here));
    case 'pull-delivery':
      return at(fromPullDelivery(p!, here));
    case 'pull':
      return at(fromRestPull(p!, here));
    case 'review':
      return at(fromReview(p!, here));
    case 'run-delivery':
      return runs(
        fromRun(asObject(p!.workflow_run)!, asObject(p!.workflow), asObject(p!.repository), here),
        line,
      );
    case 'run':
      return runs(fromRun(p!, null, null, here), line);
    case 'runs':
      return (p!.workflow_runs as unknown[]).flatMap((item) => {
        const run = asObject(item);
        const l = run ? lineOfRun(payload, run) : line;
        if (!isRun(run)) {
          ctx.skip(l, 'not a GitHub workflow run, in a workflow runs list');
          return [];
        }
        return runs(fromRun(run!, null, null, atLine(ctx, l)), l);
      });
    case 'status':
      return at(fromStatus(p!, here));
    default:
      ctx.skip(line, NOT_OURS);
      return [];
  }
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const byRef = new Map<string, Read>();
  for (const payload of await readPayloads(input, ctx))
    for (const r of readsOf(payload, input.name, ctx)) {
      const ref = r.event.ref!;
      const known = byRef.get(ref);
      // The same record twice (a redelivery, a pull request in two lists) is one event; a run is its latest record.
      if (!known || (r.rank !== undefined && known.rank !== undefined && r.rank >= known.rank))
        byRef.set(ref, r);
    }
  yield* [...byRef.values()].map((r) => r.event).sort((a, b) => a.ts - b.ts);
}

/** GitHub repository activity: pushes, pull requests, workflow runs, commit statuses and deployment reviews. */
export const githubActivity: Source = {
  name: 'github-activity',
  title:
    'GitHub repository activity: push, pull_request, workflow_run, status and deployment_review webhook deliveries; REST pull requests and workflow runs lists',
  example:
    'gh api "repos/OWNER/REPO/pulls?state=closed" > pulls.json; gh api repos/OWNER/REPO/actions/runs > runs.json   # deliveries: one webhook payload per file or per line',
  detect,
  read,
};
