import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { asObject, asText, readPayloads, samplePayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

const isDeployment = (d: Obj | null) =>
  !!d && 'sha' in d && 'environment' in d && 'created_at' in d && 'id' in d;
/** A deployment status from the REST API names its deployment only in its URL. */
const STATUS_URL = /\/deployments\/(\d+)\/statuses\/\d+$/;
const isStatus = (s: Obj | null) =>
  !!s && 'state' in s && 'created_at' in s && STATUS_URL.test(String(s.url ?? ''));
const ROLLBACK = /\b(roll(ing|ed)?[ -]?back|rollback|revert(ed|ing)?)\b/i;
const VERSION = /^v?\d+\.\d+(\.\d+)?([-+][\w.]+)?$/;

/** `deployment` or `deployment_status` webhook deliveries, or REST deployments / statuses lists. */
function kindOf(p: Obj | null): 'webhook' | 'deployment' | 'status' | null {
  if (!p) return null;
  if (isDeployment(asObject(p.deployment))) return 'webhook';
  if (isDeployment(p) && /\/deployments\/\d+$/.test(String(p.url ?? ''))) return 'deployment';
  return isStatus(p) ? 'status' : null;
}

function detect(input: Input): boolean {
  const [first] = samplePayloads(input, 1);
  return kindOf(asObject(first)) !== null;
}

interface Status {
  id: unknown;
  state: string;
  at: string;
  description?: string;
}

interface Draft {
  event: RawEvent;
  deployment: Obj;
  repository: string | null;
  statuses: Status[];
}

/** The deployment's own payload; the REST API returns it as an object, older tools as a JSON string. */
function payloadOf(value: unknown): Obj {
  if (typeof value !== 'string') return asObject(value) ?? {};
  try {
    return asObject(JSON.parse(value)) ?? {};
  } catch {
    return {};
  }
}

const repoFromUrl = (url: unknown) =>
  String(url ?? '').match(/\/repos\/([^/]+\/[^/]+)\/deployments/)?.[1] ?? null;

function draftOf(d: Obj, repo: Obj | null, file: string, line: number, ctx: ReadContext): Draft | null {
  const ts = payloadTime(d.created_at, ctx.time);
  if (ts == null) {
    ctx.skip(line, `GitHub deployment ${d.id} has no readable created_at`);
    return null;
  }
  const repository = asText(repo?.full_name) ?? repoFromUrl(d.url);
  const payload = payloadOf(d.payload);
  const service = asText(payload.service) ?? asText(repo?.name) ?? repository?.split('/')[1] ?? null;
  const sha = asText(d.sha);
  const ref = asText(d.ref);
  const version = asText(payload.version) ?? (ref && VERSION.test(ref) ? ref : undefined);
  const attrs: Obj = {
    deploymentId: d.id,
    sha,
    ref,
    environment: asText(d.environment),
    task: asText(d.task),
    description: asText(d.description),
    repository,
    author: asText(asObject(d.creator)?.login),
    ...(version ? { version } : {}),
    ...(asText(payload.image) ? { image: asText(payload.image) } : {}),
    ...(Object.keys(payload).length ? { payload } : {}),
  };
  const event: RawEvent = {
    ts,
    kind: 'change',
    service,
    ref: `gh-deploy-${d.id}`,
    summary: '',
    attrs,
    source: { file, line },
  };
  return { event, deployment: d, repository, statuses: [] };
}

function statusOf(s: Obj): Status {
  return { id: s.id, state: String(s.state), at: String(s.created_at), description: asText(s.description) };
}

/** Rollback when the deployment says so, or when it brings back a sha that an earlier one in the file replaced. */
function markRollbacks(drafts: Draft[]) {
  const history = new Map<string, { sha: string; ref: string }[]>();
  for (const draft of drafts.sort((a, b) => a.event.ts - b.event.ts)) {
    const a = draft.event.attrs!;
    const key = `${draft.repository}|${a.environment}`;
    const before = history.get(key) ?? [];
    const sha = String(a.sha);
    const said =
      ROLLBACK.test(`${a.task ?? ''} ${a.description ?? ''}`) || asObject(a.payload)?.rollback === true;
    const earlier = before.at(-1)?.sha === sha ? undefined : [...before].reverse().find((b) => b.sha === sha);
    if (said || earlier) draft.event.kind = 'rollback';
    if (earlier) a.rollbackTo = earlier.ref;
    history.set(key, [...before, { sha, ref: draft.event.ref! }]);
  }
}

/** A payload field naming the change request or ticket the deployment carries out. */
const CHANGE_KEYS = /^(?:change|change_?id|change_?ref|change_?request|cr|ticket|ticket_?id|jira|issue)$/i;
const CHANGE_ID = /^[A-Z][A-Z0-9]{1,15}-\d{1,10}$/;

/** The change or ticket id the deployment's payload names (`"change": "DEP-7781"`), if any. */
function changeIdOf(payload: Obj): string | undefined {
  for (const [key, value] of Object.entries(payload)) {
    const id = asText(value);
    if (id && CHANGE_KEYS.test(key) && CHANGE_ID.test(id)) return id;
  }
  return undefined;
}

/**
 * `Deploy checkout main@f95f852 to production (success): description`, with the change id its
 * payload names in front of the description when the description does not say it (the id is how
 * the team speaks of the change).
 */
function summaryOf(draft: Draft): string {
  const a = draft.event.attrs!;
  const name = draft.event.service ?? draft.repository ?? 'repository';
  const version = `${a.ref ?? ''}@${String(a.sha).slice(0, 7)}`;
  const verb = draft.event.kind === 'rollback' ? 'Rollback deploy of' : 'Deploy';
  const state = draft.statuses.length ? ` (${draft.statuses[draft.statuses.length - 1].state})` : '';
  const id = changeIdOf((a.payload as Obj | undefined) ?? {});
  const description = asText(a.description) ?? '';
  const told =
    id && !description.includes(id) ? `${id}${description ? `: ${description}` : ''}` : description;
  return `${verb} ${name} ${version} to ${a.environment}${state}${told ? `: ${told}` : ''}`;
}

/** Deployments by id, each with the statuses found for it anywhere in the file. */
async function collect(input: Input, ctx: ReadContext): Promise<Draft[]> {
  const drafts = new Map<string, Draft>();
  const orphans: { id: string; status: Obj; line: number }[] = [];
  for (const { value, line } of await readPayloads(input, ctx)) {
    const p = asObject(value);
    const kind = kindOf(p);
    if (!kind) ctx.skip(line, 'not a GitHub deployment, deployment_status or deployments API record');
    if (!kind || !p) continue;
    if (kind === 'status') {
      orphans.push({ id: String(p.url).match(STATUS_URL)![1], status: p, line });
      continue;
    }
    const d = kind === 'webhook' ? asObject(p.deployment)! : p;
    const draft = drafts.get(String(d.id)) ?? draftOf(d, asObject(p.repository), input.name, line, ctx);
    if (!draft) continue;
    drafts.set(String(d.id), draft);
    const status = asObject(p.deployment_status);
    if (status) draft.statuses.push(statusOf(status));
  }
  for (const o of orphans) {
    const draft = drafts.get(o.id);
    if (draft) draft.statuses.push(statusOf(o.status));
    else ctx.skip(o.line, `deployment status for deployment ${o.id}, which is not in this file`);
  }
  return [...drafts.values()];
}

/** Statuses in time order, once each (a status arrives with every later webhook too). */
function settle(draft: Draft): RawEvent {
  const seen = new Set<unknown>();
  const statuses = draft.statuses
    .filter((s) => !seen.has(s.id) && seen.add(s.id))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  draft.statuses = statuses;
  const attrs = draft.event.attrs!;
  attrs.statuses = statuses.map(({ state, at, description }) => ({
    state,
    at,
    ...(description ? { description } : {}),
  }));
  if (statuses.length) attrs.state = statuses[statuses.length - 1].state;
  draft.event.summary = summaryOf(draft);
  return draft.event;
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const drafts = await collect(input, ctx);
  markRollbacks(drafts);
  for (const draft of drafts) yield settle(draft);
}

/** GitHub deployments: `deployment` / `deployment_status` webhooks and the REST deployments and statuses lists. */
export const githubDeployments: Source = {
  name: 'github-deployments',
  aliases: ['github'],
  title:
    'GitHub deployments: deployment and deployment_status webhook deliveries, REST deployments/statuses lists',
  example:
    'gh api repos/OWNER/REPO/deployments > deployments.json   # statuses: gh api repos/OWNER/REPO/deployments/ID/statuses',
  detect,
  read,
};
