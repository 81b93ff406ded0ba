import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { asObject, asText, type Payload, readPayloads, samplePayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

const DONE = /^(done|resolved|closed|complete(d)?|fixed|cancel(l)?ed)$/i;
const isIssue = (p: Obj | null) => !!p && typeof p.key === 'string' && !!asObject(p.fields);
const isWebhook = (p: Obj | null) =>
  !!p && /^(jira:issue_|comment_)/.test(String(p.webhookEvent ?? '')) && isIssue(asObject(p.issue));

function detect(input: Input): boolean {
  const [first] = samplePayloads(input, 1);
  const p = asObject(first);
  if (isWebhook(p)) return true;
  const issues = Array.isArray(p?.issues) ? p.issues.map(asObject) : [p];
  return issues.length > 0 && issues.every((i) => isIssue(i) && /\/rest\/api\//.test(String(i!.self ?? '')));
}

/** Comment bodies are wiki text (API v2) or an Atlassian document (API v3): keep the words. */
function plain(body: unknown): string {
  if (typeof body === 'string') return body.replace(/\s+/g, ' ').trim();
  const node = asObject(body);
  if (!node) return '';
  if (typeof node.text === 'string') return node.text;
  const parts = Array.isArray(node.content) ? node.content.map(plain) : [];
  return parts
    .join(node.type === 'doc' ? ' ' : '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Issue {
  key: string;
  title: string;
  service: string | null;
  attrs: Obj;
  file: string;
  line: number;
}

function issueOf(raw: Obj, file: string, line: number): Issue {
  const fields = asObject(raw.fields) ?? {};
  const component = asObject(Array.isArray(fields.components) ? fields.components[0] : null);
  const attrs = {
    key: raw.key,
    issueType: asText(asObject(fields.issuetype)?.name),
    priority: asText(asObject(fields.priority)?.name),
    currentStatus: asText(asObject(fields.status)?.name),
    project: asText(asObject(fields.project)?.key),
    ...(Array.isArray(fields.labels) && fields.labels.length ? { labels: fields.labels } : {}),
  };
  const key = String(raw.key);
  return {
    key,
    title: asText(fields.summary) ?? '',
    service: asText(component?.name) ?? null,
    attrs,
    file,
    line,
  };
}

function event(
  issue: Issue,
  ts: number,
  ref: string,
  kind: 'ticket' | 'note',
  summary: string,
  extra: Obj,
): RawEvent {
  const attrs = { ...issue.attrs, ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v != null)) };
  return {
    ts,
    kind,
    service: issue.service,
    ref,
    summary,
    attrs,
    source: { file: issue.file, line: issue.line },
  };
}

function created(issue: Issue, at: unknown, user: unknown, ctx: ReadContext): RawEvent[] {
  const ts = payloadTime(at, ctx.time);
  if (ts == null) {
    ctx.skip(issue.line, `Jira issue ${issue.key} has no readable created time`);
    return [];
  }
  const summary = `${issue.key} ${issue.attrs.issueType ?? 'issue'} opened: ${issue.title}`;
  return [event(issue, ts, `jira-${issue.key}`, 'ticket', summary, { user: asText(user), opened: true })];
}

/** Status changes of one changelog history; other fields (assignee, rank…) say nothing about the incident. */
function transitions(issue: Issue, history: Obj, at: unknown, ctx: ReadContext): RawEvent[] {
  const items = (Array.isArray(history.items) ? history.items : [])
    .map(asObject)
    .filter((i) => i?.field === 'status');
  const ts = payloadTime(history.created ?? at, ctx.time);
  if (!items.length) return [];
  if (ts == null) {
    ctx.skip(issue.line, `Jira status change of ${issue.key} has no readable time`);
    return [];
  }
  const user = asText(asObject(history.author)?.displayName);
  return items.map((item, i) => {
    const to = asText(item!.toString) ?? '?';
    const summary = `${issue.key} ${asText(item!.fromString) ?? '?'} → ${to}: ${issue.title}`;
    const ref = `jira-${issue.key}-${history.id ?? ts}${i ? `-${i}` : ''}`;
    return event(issue, ts, ref, 'ticket', summary, {
      status: DONE.test(to) ? 'resolved' : to,
      statusName: to,
      user,
    });
  });
}

function comment(issue: Issue, c: Obj, ctx: ReadContext): RawEvent[] {
  const ts = payloadTime(c.created, ctx.time);
  const text = plain(c.body);
  if (ts == null || !text) {
    if (ts == null) ctx.skip(issue.line, `Jira comment ${c.id} on ${issue.key} has no readable created time`);
    return [];
  }
  return [
    event(issue, ts, `jira-${issue.key}-c${c.id}`, 'note', text, {
      user: asText(asObject(c.author)?.displayName),
    }),
  ];
}

function fromWebhook(p: Obj, file: string, line: number, ctx: ReadContext): RawEvent[] {
  const issue = issueOf(asObject(p.issue)!, file, line);
  const kind = String(p.webhookEvent);
  const user = asObject(p.user)?.displayName;
  if (kind === 'jira:issue_created')
    return created(issue, asObject(asObject(p.issue)!.fields)!.created ?? p.timestamp, user, ctx);
  if (kind === 'jira:issue_updated') {
    const changelog = asObject(p.changelog) ?? {};
    return transitions(issue, { ...changelog, author: p.user }, p.timestamp, ctx);
  }
  return kind === 'comment_created' && asObject(p.comment) ? comment(issue, asObject(p.comment)!, ctx) : [];
}

function fromIssue(raw: Obj, file: string, line: number, ctx: ReadContext): RawEvent[] {
  const issue = issueOf(raw, file, line);
  const fields = asObject(raw.fields)!;
  const histories = asObject(raw.changelog)?.histories;
  const comments = asObject(fields.comment)?.comments;
  return [
    ...created(issue, fields.created, asObject(fields.reporter)?.displayName, ctx),
    ...(Array.isArray(histories) ? histories : []).flatMap((h) =>
      transitions(issue, asObject(h) ?? {}, null, ctx),
    ),
    ...(Array.isArray(comments) ? comments : []).flatMap((c) => comment(issue, asObject(c) ?? {}, ctx)),
  ];
}

function eventsOf({ value, line, locate }: Payload, file: string, ctx: ReadContext): RawEvent[] {
  const p = asObject(value);
  if (isWebhook(p)) return fromWebhook(p!, file, line, ctx);
  const issues = Array.isArray(p?.issues) ? p.issues.map(asObject) : [p];
  if (!issues.length || !issues.every(isIssue)) {
    ctx.skip(line, 'not a Jira issue, search result or issue webhook');
    return [];
  }
  return issues.flatMap((i) => fromIssue(i!, file, issues.length > 1 ? locate(`"${i!.key}"`) : line, ctx));
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const events = (await readPayloads(input, ctx)).flatMap((p) => eventsOf(p, input.name, ctx));
  yield* events.sort((a, b) => a.ts - b.ts);
}

/** Jira issues from the REST API (with `expand=changelog`), search results and issue webhooks. */
export const jira: Source = {
  name: 'jira',
  title: 'Jira: REST issues with changelog, search results, issue and comment webhooks',
  example:
    'curl -s -u "$USER:$TOKEN" "https://example.atlassian.net/rest/api/2/issue/INC-42?expand=changelog" > jira.json',
  detect,
  read,
};
