import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { seconds as at, login, type Obj, part } from './github-records.js';
import { asObject, asText, type Payload, readPayloads, samplePayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

/** An issue's API address names its repository and number; a pull request in an issue list has one too. */
const ISSUE_URL = /\/repos\/([^/\s]+)\/([^/\s]+)\/issues\/(\d+)$/;
const COMMENT_URL = /\/repos\/[^/\s]+\/[^/\s]+\/issues\/comments\/\d+$/;

const isIssue = (i: Obj | null) =>
  !!i && Number.isInteger(i.number) && ISSUE_URL.test(String(i.url ?? '')) && 'created_at' in i;
/** A REST issue comment (`issues/N/comments`); pull request review comments name a `pull_request_url` instead. */
const isComment = (c: Obj | null) =>
  !!c &&
  COMMENT_URL.test(String(c.url ?? '')) &&
  ISSUE_URL.test(String(c.issue_url ?? '')) &&
  'body' in c &&
  'created_at' in c;
/** An `issues` or `issue_comment` webhook delivery: an action and the issue it happened to. */
const isWebhook = (p: Obj | null) => !!p && typeof p.action === 'string' && isIssue(asObject(p.issue));
/** An issue event's API address (`issues/events/ID`), in an events list or a timeline. */
const EVENT_URL = /\/repos\/([^/\s]+)\/([^/\s]+)\/issues\/events\/\d+$/;
/**
 * An issue event as the REST API lists it (`issues/N/events`, `issues/events`, or among an issue's
 * `timeline` items): what happened, who did it, when; the repository list names the issue too.
 */
const isIssueEvent = (e: Obj | null) =>
  !!e && typeof e.event === 'string' && EVENT_URL.test(String(e.url ?? '')) && 'created_at' in e;

function detect(input: Input): boolean {
  const first = samplePayloads(input, 3);
  const p = asObject(first[0]);
  // A timeline may open with an item of no bearing (a cross-reference): one of its first events names it.
  return isWebhook(p) || isIssue(p) || isComment(p) || first.some((e) => isIssueEvent(asObject(e)));
}

/** The issue (or pull request) an event belongs to: what every event of it carries. */
interface Issue {
  number: number;
  /** `owner/name#N`, for messages. */
  name: string;
  /** `issue` or `pull request`, for messages. */
  noun: string;
  /** `#N` or `pull request #N`, for summaries. */
  label: string;
  title: string;
  /** `gh-issue-<repo>-<N>` (a pull request too: they share the numbers); later records of it add a suffix. */
  ref: string;
  attrs: Obj;
  file: string;
  line: number;
}

const names = (labels: unknown) =>
  (Array.isArray(labels) ? labels : []).map((l) => asText(asObject(l)?.name)).filter((n) => n !== undefined);

/** The repository's full name from the delivery, else from the issue's own API address. */
function repositoryOf(url: unknown, repository: Obj | null): { full: string; short: string } {
  const [, owner = '', name = ''] = ISSUE_URL.exec(String(url ?? '')) ?? [];
  const full = asText(repository?.full_name) ?? `${owner}/${name}`;
  return { full, short: (full.split('/')[1] ?? full).replace(/[^A-Za-z0-9]+/g, '-') };
}

function issueOf(raw: Obj, repository: Obj | null, file: string, line: number): Issue {
  const repo = repositoryOf(raw.url, repository);
  const number = raw.number as number;
  const isPull = asObject(raw.pull_request) !== null;
  const labels = names(raw.labels);
  return {
    number,
    name: `${repo.full}#${number}`,
    noun: isPull ? 'pull request' : 'issue',
    label: isPull ? `pull request #${number}` : `#${number}`,
    title: asText(raw.title) ?? '',
    ref: `gh-issue-${repo.short}-${number}`,
    attrs: {
      number,
      repository: repo.full,
      state: asText(raw.state),
      ...(labels.length ? { labels } : {}),
      user: login(raw.user),
      html_url: asText(raw.html_url),
      ...(isPull ? { pullRequest: true } : {}),
    },
    file,
    line,
  };
}

const what = (issue: Issue) => `GitHub ${issue.noun} ${issue.name}`;

function event(
  issue: Issue,
  ts: number,
  ref: string,
  kind: 'ticket' | 'note',
  summary: string,
  extra: Obj,
): RawEvent {
  const attrs = Object.fromEntries(Object.entries({ ...issue.attrs, ...extra }).filter(([, v]) => v != null));
  return { ts, kind, service: null, ref, summary, attrs, source: { file: issue.file, line: issue.line } };
}

function opened(issue: Issue, raw: Obj, ctx: ReadContext): RawEvent[] {
  const ts = payloadTime(raw.created_at, ctx.time);
  if (ts == null) {
    ctx.skip(issue.line, `${what(issue)} has no readable created_at`);
    return [];
  }
  return [event(issue, ts, issue.ref, 'ticket', `${issue.label} opened: ${issue.title}`, { opened: true })];
}

function closed(issue: Issue, ts: number, user: unknown, raw: Obj): RawEvent {
  const summary = `${issue.label} closed${issue.title ? `: ${issue.title}` : ''}`;
  return event(issue, ts, `${issue.ref}-closed-${at(ts)}`, 'ticket', summary, {
    status: 'resolved',
    stateReason: asText(raw.state_reason),
    user: login(user),
  });
}

/** What an `issues` action did, for its summary: `labeled "sev: high"`, `assigned to ops-bob`. */
function actionOf(action: string, p: Obj, raw: Obj): { words: string; detail?: string } {
  const label = asText(asObject(p.label)?.name);
  const assignee = login(p.assignee);
  const milestone = asText(asObject(p.milestone)?.title) ?? asText(asObject(raw.milestone)?.title);
  if ((action === 'labeled' || action === 'unlabeled') && label)
    return { words: `${action} "${label}"`, detail: label };
  if (action === 'assigned' && assignee) return { words: `assigned to ${assignee}`, detail: assignee };
  if (action === 'unassigned' && assignee) return { words: `unassigned ${assignee}`, detail: assignee };
  if (action === 'milestoned' && milestone)
    return { words: `added to milestone ${milestone}`, detail: milestone };
  const renamed = asText(asObject(p.rename)?.to);
  if (action === 'renamed' && renamed) return { words: `renamed to "${renamed}"`, detail: renamed };
  return { words: action.replace(/_/g, ' ') };
}

/** An action on an issue besides opening and closing it, in words (`labeled "bug"`), at `ts`. */
function acted(
  issue: Issue,
  ts: number,
  action: string,
  told: ReturnType<typeof actionOf>,
  extra: Obj,
): RawEvent {
  const ref = `${issue.ref}-${part(action)}${told.detail ? `-${part(told.detail)}` : ''}-${at(ts)}`;
  const title = issue.title ? `: ${issue.title}` : '';
  return event(issue, ts, ref, 'ticket', `${issue.label} ${told.words}${title}`, {
    action,
    ...(action === 'reopened' ? { status: 'reopened' } : {}),
    ...extra,
  });
}

/** One `issues` delivery: the event of its action, at the time the issue records for it. */
function fromIssuesDelivery(p: Obj, issue: Issue, ctx: ReadContext): RawEvent[] {
  const raw = asObject(p.issue)!;
  const action = String(p.action);
  if (action === 'opened') return opened(issue, raw, ctx);
  const field = action === 'closed' && raw.closed_at != null ? 'closed_at' : 'updated_at';
  const ts = payloadTime(raw[field], ctx.time);
  if (ts == null) {
    ctx.skip(issue.line, `GitHub issues "${action}" delivery for ${issue.name} has no readable ${field}`);
    return [];
  }
  if (action === 'closed') return [closed(issue, ts, p.sender, raw)];
  const changes = asObject(p.changes);
  return [
    acted(issue, ts, action, actionOf(action, p, raw), {
      ...(changes && Object.keys(changes).length ? { changed: Object.keys(changes) } : {}),
      user: login(p.sender),
    }),
  ];
}

/** A comment's words: Markdown kept as text, whitespace collapsed. */
const words = (body: unknown) => (typeof body === 'string' ? body.replace(/\s+/g, ' ').trim() : '');

function comment(issue: Issue, c: Obj, ctx: ReadContext): RawEvent[] {
  const ts = payloadTime(c.created_at, ctx.time);
  const text = words(c.body);
  if (ts == null) {
    const id = asText(c.id);
    ctx.skip(issue.line, `GitHub comment ${id ? `${id} ` : ''}on ${issue.name} has no readable created_at`);
    return [];
  }
  if (!text) return [];
  return [
    event(issue, ts, `${issue.ref}-c${asText(c.id) ?? at(ts)}`, 'note', text, {
      user: login(c.user),
      html_url: asText(c.html_url),
    }),
  ];
}

function fromWebhook(p: Obj, file: string, line: number, ctx: ReadContext): RawEvent[] {
  const issue = issueOf(asObject(p.issue)!, asObject(p.repository), file, line);
  const c = asObject(p.comment);
  // An edited or deleted comment says nothing new about the incident's course.
  if ('comment' in p) return c && p.action === 'created' ? comment(issue, c, ctx) : [];
  return fromIssuesDelivery(p, issue, ctx);
}

/** A REST issue: opened at created_at and, when closed_at is set, closed then. */
function fromRestIssue(raw: Obj, file: string, line: number, ctx: ReadContext): RawEvent[] {
  const issue = issueOf(raw, asObject(raw.repository), file, line);
  const out = opened(issue, raw, ctx);
  if (raw.closed_at == null) return out;
  const ts = payloadTime(raw.closed_at, ctx.time);
  if (ts == null) ctx.skip(line, `${what(issue)} has no readable closed_at`);
  else out.push(closed(issue, ts, raw.closed_by, raw));
  return out;
}

/** A REST comment names its issue only by address: number and repository come from there. */
function fromRestComment(c: Obj, file: string, line: number, ctx: ReadContext): RawEvent[] {
  const number = Number(ISSUE_URL.exec(String(c.issue_url))![3]);
  return comment(issueOf({ url: c.issue_url, number }, null, file, line), c, ctx);
}

/** Issue events that tell of the incident's course; the rest (subscribed, mentioned, referenced …) are the tracker's own bookkeeping. */
const TOLD = new Set([
  'closed',
  'reopened',
  'labeled',
  'unlabeled',
  'assigned',
  'unassigned',
  'milestoned',
  'demilestoned',
  'renamed',
]);

/**
 * One issue event: closed and reopened as the issue's own record says them, the rest in words
 * (`labeled "sev: high"`, `assigned to ops-bob`). An event of an issue's own list does not name the
 * issue; its repository comes from its address, and it reads as "the issue".
 */
function fromIssueEvent(e: Obj, file: string, line: number, ctx: ReadContext): RawEvent[] {
  const action = String(e.event);
  if (!TOLD.has(action)) return [];
  const named = asObject(e.issue);
  const [, owner = '', name = ''] = EVENT_URL.exec(String(e.url))!;
  const unnamed = issueOf({ url: `/repos/${owner}/${name}/issues/0`, number: 0 }, null, file, line);
  const issue = isIssue(named)
    ? issueOf(named!, null, file, line)
    : {
        ...unnamed,
        label: 'the issue',
        name: `${owner}/${name}`,
        attrs: { ...unnamed.attrs, number: undefined },
      };
  const ts = payloadTime(e.created_at, ctx.time);
  if (ts == null) {
    ctx.skip(line, `GitHub issue event "${action}" of ${issue.name} has no readable created_at`);
    return [];
  }
  if (action === 'closed') return [closed(issue, ts, e.actor, e)];
  return [acted(issue, ts, action, actionOf(action, e, e), { user: login(e.actor) })];
}

function eventsOf({ value, line }: Payload, file: string, ctx: ReadContext): RawEvent[] {
  const p = asObject(value);
  if (isWebhook(p)) return fromWebhook(p!, file, line, ctx);
  if (isIssue(p)) return fromRestIssue(p!, file, line, ctx);
  if (isComment(p)) return fromRestComment(p!, file, line, ctx);
  if (isIssueEvent(p)) return fromIssueEvent(p!, file, line, ctx);
  // A timeline's other items (a commit, a review, a cross-reference) are not the issue's course.
  if (typeof p?.event === 'string') return [];
  ctx.skip(
    line,
    'not a GitHub issue, issue comment, issue event, or issues / issue_comment webhook delivery',
  );
  return [];
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const byRef = new Map<string, RawEvent>();
  // The same delivery twice (a redelivery, an issue in two lists) is one event.
  for (const payload of await readPayloads(input, ctx))
    for (const e of eventsOf(payload, input.name, ctx)) if (!byRef.has(e.ref!)) byRef.set(e.ref!, e);
  yield* [...byRef.values()].sort((a, b) => a.ts - b.ts);
}

/** GitHub issues and pull requests: `issues` / `issue_comment` webhooks, REST issues, issue lists, comments, events and timelines. */
export const githubIssues: Source = {
  name: 'github-issues',
  title:
    'GitHub issues: issues and issue_comment webhook deliveries, REST issue, issue lists (pull requests too), comments, issue events and timelines',
  example:
    'gh api repos/OWNER/REPO/issues/N > issue.json; gh api repos/OWNER/REPO/issues/N/comments > comments.json   # all: gh api --paginate "repos/OWNER/REPO/issues?state=all"',
  detect,
  read,
};
