// GitHub Actions and checks: workflow runs, deployment reviews and commit statuses. A run of a
// workflow that deploys and succeeded is a change; any other run, and a status, a note of its
// result; a review at an environment's gate a responder's action.
import type { ReadContext } from '../model/index.js';
import {
  type Draft,
  firstLine,
  login,
  type Obj,
  part,
  RUN_URL,
  repoOf,
  seconds,
  sha7,
} from './github-records.js';
import { asObject, asText } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

const ROLLBACK = /\b(roll(ing|ed)?[ -]?back|rollback|revert(ed|ing|s)?)\b/i;
/** A workflow that deploys says so in its name, its file or the title it gives its runs. */
const DEPLOY =
  /\b(deploy\w{0,20}|release\w{0,20}|publish\w{0,20}|roll-?out\w{0,20}|roll-?back\w{0,20}|ship\w{0,20}|promot\w{0,20}|production|prod|cd)\b/i;

/**
 * Whether a run deploys: its workflow's name or file says so, or the title it gives its runs
 * (`run-name`) does. A run's title is otherwise its commit message or pull request title, which
 * says what the code is about, not what the workflow does.
 */
function deploys(run: Obj, name: string): boolean {
  const title = firstLine(run.display_title);
  const byCode =
    title === firstLine(asObject(run.head_commit)?.message) || /^pull_request/.test(String(run.event ?? ''));
  return DEPLOY.test(name) || DEPLOY.test(String(run.path ?? '')) || (!byCode && DEPLOY.test(title));
}

export interface RunDraft {
  draft: Draft;
  /** Later records of one run replace earlier ones: its last update, completed over not. */
  rank: number;
}

/**
 * One workflow run, at its start. A deploy that succeeded is a change (a rollback when its title
 * or commit says so); a deploy that did not is a note saying so; any other run (tests, lint) is a
 * note of its result.
 */
export function fromRun(
  run: Obj,
  workflow: Obj | null,
  repository: Obj | null,
  ctx: ReadContext,
): RunDraft[] {
  const id = RUN_URL.exec(String(run.url))![3];
  const repo = repoOf(repository, run.url, RUN_URL);
  const name = asText(workflow?.name) ?? asText(run.name) ?? asText(run.path)?.split('/').pop() ?? 'workflow';
  const ts = payloadTime(run.run_started_at, ctx.time) ?? payloadTime(run.created_at, ctx.time);
  if (ts == null) {
    ctx.skip(null, `GitHub workflow run ${id} of ${repo.full} has no readable run_started_at nor created_at`);
    return [];
  }
  const status = asText(run.status);
  const conclusion = asText(run.conclusion);
  const branch = asText(run.head_branch);
  const number = asText(run.run_number);
  const title = firstLine(run.display_title);
  const message = firstLine(asObject(run.head_commit)?.message);
  const deploy = deploys(run, name);
  const succeeded = deploy && conclusion === 'success';
  const rollback = succeeded && ROLLBACK.test(`${name} ${title} ${message}`);
  const result = (conclusion ?? status ?? 'unknown').replace(/_/g, ' ');
  const named = `"${name}" run${number ? ` #${number}` : ''}`;
  const version = `${branch ?? ''}@${sha7(run.head_sha)}`;
  const summary = succeeded
    ? `${rollback ? 'Rollback deploy of' : 'Deploy'} ${repo.name || repo.full} ${version} by workflow ${named} (success)${
        title && title !== name ? `: ${title}` : ''
      }`
    : `Workflow ${named} on ${branch ?? 'an unnamed branch'}: ${result}${deploy && status === 'completed' ? ' (deploy not completed)' : ''}`;
  const updated = payloadTime(run.updated_at, ctx.time);
  const draft: Draft = {
    ts,
    kind: succeeded ? (rollback ? 'rollback' : 'change') : 'note',
    ref: `gh-run-${id}`,
    summary,
    repo,
    attrs: {
      runId: run.id,
      runNumber: run.run_number,
      workflow: name,
      sha: asText(run.head_sha),
      branch,
      status,
      conclusion,
      event: asText(run.event),
      displayTitle: title || undefined,
      author: login(run.triggering_actor) ?? login(run.actor),
      finishedAt: updated != null && status === 'completed' ? asText(run.updated_at) : undefined,
      attempt: run.run_attempt,
      deploys: deploy,
      html_url: asText(run.html_url),
      // Runs of one workflow on one branch are one object: a test run that passed is routine,
      // and passing runs fold together until a run of that workflow fails (SPEC: folded events).
      object: deploy ? undefined : `Workflow "${name}" on ${branch ?? 'an unnamed branch'}`,
      ...(!deploy && conclusion === 'success' ? { routine: true, streak: true, reason: 'success' } : {}),
    },
    // A deploy that did not finish may still tell of an attempt (a rollback tried); a CI run tells nothing.
    ...(deploy ? {} : { signals: [] }),
  };
  return [{ draft, rank: (updated ?? ts) * 2 + (status === 'completed' ? 1 : 0) }];
}

/** A commit status: a note of what a CI or a check said of a commit; a passing or pending one is routine. */
export function fromStatus(p: Obj, ctx: ReadContext): Draft[] {
  const repo = repoOf(asObject(p.repository), null, RUN_URL);
  const context = String(p.context);
  const state = String(p.state);
  const ts = payloadTime(p.created_at, ctx.time);
  if (ts == null) {
    ctx.skip(null, `GitHub commit status ${context} of ${sha7(p.sha)} has no readable created_at`);
    return [];
  }
  const description = firstLine(p.description);
  const branches = (p.branches as unknown[])
    .map((b) => asText(asObject(b)?.name))
    .filter((b) => b !== undefined);
  return [
    {
      ts,
      kind: 'note',
      ref: `gh-status-${asText(p.id) !== undefined ? part(String(p.id)) : `${sha7(p.sha)}-${part(context)}-${seconds(ts)}`}`,
      summary: `Commit status ${context} ${state} on ${sha7(p.sha)}${description ? `: ${description}` : ''}`,
      repo,
      attrs: {
        sha: p.sha,
        context,
        state,
        description: description || undefined,
        ...(branches.length ? { branches } : {}),
        target_url: asText(p.target_url),
        // One check's statuses are one object: pending and passing ones are routine and fold
        // together until the check fails or errs, which stays an entry.
        object: `Commit status ${context}`,
        ...(state === 'success' || state === 'pending' ? { routine: true, streak: true, reason: state } : {}),
      },
      signals: [],
    },
  ];
}

const REVIEWED = new Set(['requested', 'approved', 'rejected']);

/** Who was asked to review: users by login, teams by name. */
const reviewersOf = (reviewers: unknown) =>
  (Array.isArray(reviewers) ? reviewers : [])
    .map((r) => asObject(asObject(r)?.reviewer))
    .map((r) => asText(r?.login) ?? asText(r?.name) ?? asText(r?.slug))
    .filter((r) => r !== undefined);

/**
 * A deployment review: requested (at `since`, when the job began to wait), approved or rejected (at
 * the waiting job's last update, else `since`), as a responder's action.
 */
export function fromReview(p: Obj, ctx: ReadContext): Draft[] {
  const run = asObject(p.workflow_run)!;
  const repo = repoOf(asObject(p.repository), run.url, RUN_URL);
  const action = String(p.action);
  const job = asObject(p.workflow_job_run);
  const jobs = [job, ...(Array.isArray(p.workflow_job_runs) ? p.workflow_job_runs.map(asObject) : [])];
  const environment =
    asText(p.environment) ??
    jobs.map((j) => asText(j?.environment)).find((e) => e !== undefined) ??
    'an environment';
  if (!REVIEWED.has(action)) {
    ctx.skip(
      null,
      `GitHub deployment_review "${action}" delivery: only requested, approved and rejected are read`,
    );
    return [];
  }
  const updates = jobs.map((j) => payloadTime(j?.updated_at, ctx.time)).filter((t) => t != null);
  const ts = action !== 'requested' && updates.length ? Math.max(...updates) : payloadTime(p.since, ctx.time);
  if (ts == null) {
    ctx.skip(null, `GitHub deployment review (${action}) of ${environment} has no readable since`);
    return [];
  }
  const reviewers = reviewersOf(p.reviewers);
  const by = action === 'requested' ? login(p.requestor) : login(p.approver);
  const comment = firstLine(p.comment);
  const words =
    action === 'requested'
      ? `review requested${by ? ` by ${by}` : ''}${reviewers.length ? ` (reviewers: ${reviewers.join(', ')})` : ''}`
      : `${action}${by ? ` by ${by}` : ''}${comment ? `: ${comment}` : ''}`;
  return [
    {
      ts,
      kind: 'action',
      ref: `gh-review-${RUN_URL.exec(String(run.url))![3]}-${part(environment)}-${action}`,
      summary: `Deployment to ${environment}: ${words}`,
      repo,
      attrs: {
        action,
        environment,
        runId: run.id,
        workflow: asText(run.name),
        sha: asText(run.head_sha),
        branch: asText(run.head_branch),
        ...(reviewers.length ? { reviewers } : {}),
        user: by,
        comment: comment || undefined,
      },
    },
  ];
}
