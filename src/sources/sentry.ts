import type { Input } from '../bundle/index.js';
import { levelFromValue } from '../logs/index.js';
import type { LogTemplate, ReadContext, Source } from '../model/index.js';
import { asObject, asText, type Payload, readPayloads, samplePayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

/**
 * Sentry issues: the API's issue list (`/api/0/projects/{org}/{project}/issues/`,
 * `/organizations/{org}/issues/`), the issue webhook (`{"action":…,"data":{"issue":…}}`) and the
 * legacy webhook plugin's notification of one event. An
 * issue is a group of errors counted as one, as a log template is: each is handed over as the
 * template it is (its title, level, count, first and last seen, the project as its service), and
 * the timeline judges it as it judges a log's: an issue first seen during the incident is news, one
 * that has been seen for weeks is not, unless its hourly counts (`stats`) burst.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const isIssue = (o: Obj | null): boolean =>
  !!o &&
  typeof o.title === 'string' &&
  'firstSeen' in o &&
  'lastSeen' in o &&
  ('shortId' in o || 'culprit' in o);

/** The issues one JSON value holds: an issue (an item of the list), or a webhook's `data.issue`. */
function issuesOf(value: unknown): Obj[] | null {
  const o = asObject(value);
  if (o && isIssue(o)) return [o];
  const hooked = asObject(asObject(o?.data)?.issue);
  if (hooked && isIssue(hooked)) return [hooked];
  const legacy = o && legacyIssue(o);
  return legacy ? [legacy] : null;
}

/**
 * The legacy webhook plugin's notification (`{"project_slug","culprit","level","message","event":{…}}`):
 * one event of an issue, read as an issue seen once, at the event's time.
 */
function legacyIssue(o: Obj): Obj | null {
  const event = asObject(o.event);
  const at = event?.timestamp ?? event?.datetime;
  if (
    !event ||
    at === undefined ||
    typeof o.culprit !== 'string' ||
    !('project_slug' in o || 'project_name' in o)
  )
    return null;
  const title = asText(event.title) ?? asText(o.message);
  if (!title) return null;
  return {
    id: o.id,
    title,
    culprit: o.culprit,
    level: o.level ?? event.level,
    firstSeen: at,
    lastSeen: at,
    count: 1,
    project: { slug: asText(o.project_slug) ?? asText(o.project_name) },
  };
}

/**
 * Occurrences per minute: the issue's hourly counts (`stats`, the list's default `24h` or the
 * period asked for) spread over the minutes of each hour that fall between first and last seen;
 * without them, every occurrence at the first minute it was seen.
 */
function perMinute(issue: Obj, first: number, last: number, count: number): [number, number][] {
  const stats = asObject(issue.stats);
  const series = stats ? Object.values(stats).find(Array.isArray) : undefined;
  const out: [number, number][] = [];
  const from = first - (first % MINUTE);
  if (Array.isArray(series))
    for (const p of series) {
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || p[1] <= 0) continue;
      const hour = p[0] * 1000;
      const minutes: number[] = [];
      for (let m = Math.max(hour, from); m < hour + HOUR && m <= last; m += MINUTE) minutes.push(m);
      if (!minutes.length) minutes.push(Math.max(hour, from));
      const each = Math.floor(p[1] / minutes.length);
      minutes.forEach((m, i) => {
        const n = each + (i < p[1] % minutes.length ? 1 : 0);
        if (n > 0) out.push([m, n]);
      });
    }
  return out.length ? out.sort((a, b) => a[0] - b[0]) : [[from, count]];
}

function templateOf(issue: Obj, line: number, file: string, ctx: ReadContext): LogTemplate | null {
  const first = payloadTime(issue.firstSeen, ctx.time);
  const last = payloadTime(issue.lastSeen, ctx.time);
  if (first == null || last == null) {
    const id = asText(issue.shortId) ?? asText(issue.id);
    ctx.skip(line, `Sentry issue${id ? ` ${id}` : ''} has no readable first or last seen`);
    return null;
  }
  // The list writes counts as strings (`"1234"`).
  const count = Number(issue.count) > 0 ? Number(issue.count) : 1;
  const project = asObject(issue.project);
  const title = issue.title as string;
  const culprit = asText(issue.culprit);
  return {
    service: asText(project?.slug) ?? asText(project?.name) ?? asText(issue.project) ?? null,
    template: title,
    level: levelFromValue(issue.level) ?? 'error',
    count,
    firstSeen: first,
    lastSeen: Math.max(first, last),
    perMinute: perMinute(issue, first, Math.max(first, last), count),
    example: culprit ? `${title} — ${culprit}` : title,
    source: { file, line },
    offset: null,
  };
}

function detect(input: Input): boolean {
  if (input.isDirectory) return false;
  const values = samplePayloads(input);
  if (values.length) return values.some((v) => issuesOf(v) !== null);
  // A long list cut short in the sample: an issue's keys in its head.
  const s = input.sample;
  return /"shortId"\s*:/.test(s) && /"culprit"\s*:/.test(s) && /"firstSeen"\s*:/.test(s);
}

async function* read(input: Input, ctx: ReadContext) {
  const templates: LogTemplate[] = [];
  for (const payload of await readPayloads(input, ctx)) {
    const issues = issuesOf(payload.value);
    if (!issues) {
      ctx.skip(payload.line, 'not a Sentry issue or issue webhook');
      continue;
    }
    for (const issue of issues) {
      const t = templateOf(issue, lineOf(payload, issue), input.name, ctx);
      if (t) templates.push(t);
    }
  }
  ctx.addLogTemplates(templates);
  yield* [];
}

const lineOf = (payload: Payload, issue: Obj) => {
  const id = asText(issue.shortId) ?? asText(issue.id);
  return id ? payload.locate(JSON.stringify(id)) : payload.line;
};

export const sentry: Source = {
  name: 'sentry',
  aliases: ['sentry-issues'],
  title: 'Sentry issues: the API issue list and issue webhooks (each issue judged as a log template)',
  example:
    "curl -H 'Authorization: Bearer $SENTRY_TOKEN' 'https://sentry.io/api/0/projects/acme/checkout/issues/?statsPeriod=24h' > logs/sentry-issues.json",
  detect,
  read,
};
