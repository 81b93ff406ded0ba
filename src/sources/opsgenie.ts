import type { Input } from '../bundle/index.js';
import type { EventKind, RawEvent, ReadContext, Signal, Source } from '../model/index.js';
import {
  asObject,
  asText,
  type Payload,
  parsePayloads,
  readPayloads,
  samplePayloads,
} from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

const KIND: Record<string, EventKind> = {
  create: 'alert',
  acknowledge: 'ack',
  addnote: 'note',
  close: 'alert_resolved',
};
const VERB: Record<string, string> = {
  acknowledge: 'Acknowledged',
  close: 'Closed',
  unacknowledge: 'Unacknowledged',
};

const isWebhook = (p: Record<string, unknown> | null) =>
  !!p && typeof p.action === 'string' && !!asObject(p.alert)?.alertId;
// The REST API wraps one alert (GET /v2/alerts/{id}) or a page of them (GET /v2/alerts) in `data`.
const apiAlerts = (p: Record<string, unknown> | null) => {
  const data = p?.data;
  const list = (Array.isArray(data) ? data : [data]).map(asObject);
  return list.length && list.every((a) => a && 'tinyId' in a && 'createdAt' in a)
    ? (list as Record<string, unknown>[])
    : null;
};

/**
 * An alert's activity as the REST API lists it, newest first: `GET /v2/alerts/{id}/logs` (entries
 * `{log, type, owner, createdAt, offset}`) or `GET /v2/alerts/{id}/notes` (`{note, owner, createdAt,
 * offset}`). Neither entry names its alert: the id is read from the page links when they give it.
 */
interface Activity {
  what: 'log' | 'note';
  items: Obj[];
  alertId?: string;
}

const ACTIVITY_URL = /\/v2\/alerts\/([^/?#\s]+)\/(logs|notes)\b(?:\?([^#\s]*))?/;

/** The alert id in the page links (`paging.first`, `next`…) when the list was asked for by id. */
function linkedAlert(paging: unknown): { id?: string; what: 'log' | 'note' } | null {
  for (const url of Object.values(asObject(paging) ?? {})) {
    const m = typeof url === 'string' ? ACTIVITY_URL.exec(url) : null;
    if (!m) continue;
    const byId = (new URLSearchParams(m[3] ?? '').get('identifierType') ?? 'id') === 'id';
    return { id: byId && /^[\w-]+$/.test(m[1]) ? m[1] : undefined, what: m[2] === 'logs' ? 'log' : 'note' };
  }
  return null;
}

function activityOf(p: Obj | null): Activity | null {
  const data = p?.data;
  if (!Array.isArray(data)) return null;
  const link = linkedAlert(p!.paging);
  // An alert with no notes yet: an empty page, known by its links.
  if (!data.length) return link ? { what: link.what, items: [], alertId: link.id } : null;
  const items = data.map(asObject);
  for (const what of ['log', 'note'] as const) {
    const entry = (i: Obj | null) => !!i && typeof i[what] === 'string';
    // A damaged entry (no time, no text) is still the list's, to be skipped as such when read.
    const all = items.every((i) => i && !('tinyId' in i) && (entry(i) || 'offset' in i || 'createdAt' in i));
    if (all && items.some((i) => entry(i) && 'createdAt' in i! && 'offset' in i!))
      return { what, items: items as Obj[], alertId: link?.id };
  }
  return null;
}

/** The first complete entries of a `{"data": [...]}` page longer than the sample, for detection. */
function headOfList(sample: string): Obj | null {
  const open = /^\s*\{\s*"data"\s*:\s*\[/.exec(sample);
  if (!open) return null;
  const items = parsePayloads(sample.slice(open[0].length - 1), { limit: 3 }).payloads.map((x) => x.value);
  return items.length ? { data: items } : null;
}

function detect(input: Input): boolean {
  const [first] = samplePayloads(input, 1);
  const p = asObject(first) ?? (first === undefined && !input.isDirectory ? headOfList(input.sample) : null);
  return isWebhook(p) || apiAlerts(p) !== null || activityOf(p) !== null;
}

/** Hands over an event; `key` is its ref (numbered when it recurs), none when the source has no id for it. */
type Emit = (event: Omit<RawEvent, 'source' | 'service'> & { key?: string; line?: number }) => void;

/** One webhook delivery: the action is the event; its time is updatedAt (ns), Create's is createdAt (ms). */
function fromWebhook(p: Record<string, unknown>, line: number, emit: Emit, ctx: ReadContext) {
  const alert = asObject(p.alert)!;
  const action = String(p.action);
  const key = action.toLowerCase();
  const ts = payloadTime(key === 'create' ? alert.createdAt : (alert.updatedAt ?? alert.createdAt), ctx.time);
  if (ts == null) return ctx.skip(line, `Opsgenie ${action} has no readable createdAt/updatedAt`);
  const message = asText(alert.message) ?? asText(alert.alias) ?? 'alert';
  const kind = KIND[key] ?? 'action';
  const summary =
    key === 'create'
      ? message
      : key === 'addnote'
        ? (asText(alert.note) ?? message)
        : `${VERB[key] ?? action}: ${message}`;
  const attrs = {
    action,
    alertId: alert.alertId,
    tinyId: alert.tinyId,
    alias: alert.alias,
    dedupKey: asText(alert.alias),
    entity: asText(alert.entity),
    tags: alert.tags,
    priority: alert.priority,
    user: asText(alert.username),
    integration: asText(p.integrationName),
  };
  const id = `opsgenie-${alert.alertId}`;
  emit({
    key: key === 'create' ? id : `${id}-${key === 'close' ? 'resolved' : key}`,
    ts,
    kind,
    summary,
    attrs,
  });
}

/** One alert as the REST API returns it: created, and acknowledged or closed after report durations. */
function fromApi(alert: Record<string, unknown>, line: number, emit: Emit, ctx: ReadContext) {
  const created = payloadTime(alert.createdAt, ctx.time);
  if (created == null) return ctx.skip(line, 'Opsgenie alert has no readable createdAt');
  const message = asText(alert.message) ?? 'alert';
  const report = asObject(alert.report) ?? {};
  const attrs = {
    alertId: alert.id,
    tinyId: alert.tinyId,
    alias: alert.alias,
    dedupKey: asText(alert.alias),
    entity: asText(alert.entity),
    tags: alert.tags,
  };
  const id = `opsgenie-${alert.id}`;
  emit({
    key: id,
    ts: created,
    kind: 'alert',
    summary: message,
    signals: ['symptom', 'detect'],
    attrs: { ...attrs, status: alert.status },
  });
  const ackTime = Number(report.ackTime);
  if (ackTime > 0)
    emit({
      key: `${id}-acknowledge`,
      ts: created + ackTime,
      kind: 'ack',
      summary: `Acknowledged: ${message}`,
      signals: ['ack'],
      attrs,
    });
  const closeTime = Number(report.closeTime);
  if (closeTime > 0 && alert.status === 'closed') {
    emit({
      key: `${id}-resolved`,
      ts: created + closeTime,
      kind: 'alert_resolved',
      summary: `Closed: ${message}`,
      signals: ['recovery'],
      attrs,
    });
  }
}

interface LogStep {
  test: RegExp;
  step: string;
  /** No kind: a routine entry, counted but not made an entry. */
  kind?: EventKind;
  signals?: Signal[];
}

/**
 * What an entry of an alert's activity log is on the timeline, read from the words Opsgenie writes
 * before any ": …" or "with message" (the alert's message may say anything). As PagerDuty's log
 * entries are read: the alert detects; notifying the on-call is a page that detects; an
 * acknowledgement acknowledges; a close recovers, by a person or by the integration alike (a
 * webhook Close does the same: the responder closing it held it resolved). Escalations,
 * assignments and priority changes are steps of the response an SRE wants to see (who was brought
 * in, when it was judged worse) but signal nothing. Views and "note added" markers are left out as
 * routine: a view tells nothing of the incident, and a note's words come from the notes list.
 * Anything else is a plain note with no signal: a tool's log line is not a responder's words.
 */
const LOG_STEPS: LogStep[] = [
  { test: /\bcreated\b/i, step: 'create', kind: 'alert', signals: ['symptom', 'detect'] },
  {
    test: /\bnotes?\s+(added|updated|edited|deleted|removed)\b|\b(added|updated|edited|deleted|removed)\s+(an?\s+)?notes?\b/i,
    step: 'note',
  },
  { test: /\bun-?ack(nowledged?)?\b/i, step: 'unacknowledge', kind: 'note', signals: [] },
  { test: /\back(nowledged?)?\b/i, step: 'acknowledge', kind: 'ack', signals: ['ack'] },
  { test: /\bclosed?\b/i, step: 'close', kind: 'alert_resolved', signals: ['recovery'] },
  { test: /\bview(ed|s)?\b|\bseen\b/i, step: 'view' },
  {
    test: /\bnotif(y|ied|ication)\b|\b(sms|e-?mail|voice|push|phone call)\b/i,
    step: 'notify',
    kind: 'page',
    signals: ['detect'],
  },
  { test: /\bescalat/i, step: 'escalate', kind: 'action', signals: [] },
  { test: /\bassign|\bownership\b|\bresponders?\b|\bteams?\b/i, step: 'assign', kind: 'action', signals: [] },
  { test: /\bpriority\b/i, step: 'priority', kind: 'action', signals: [] },
  { test: /\bsnooz/i, step: 'snooze', kind: 'note', signals: [] },
  // A custom action run on the alert ("restart", "scale up"): its words tell whether it mitigates.
  { test: /\bactions?\b|\bexecuted\b/i, step: 'action', kind: 'action' },
];
const OTHER_STEP: LogStep = { test: /$/, step: 'other', kind: 'note', signals: [] };

/** The words of a log entry that name its step: before the alert's message, without addresses. */
const headOf = (log: string) =>
  log
    .split(/\swith message\b|:\s/i)[0]
    .replace(/\S+@\S+/g, ' ')
    .trim();
const stepOf = (log: string) => LOG_STEPS.find((s) => s.test.test(headOf(log))) ?? OTHER_STEP;

/** How the step was taken: "via mobile", "via Prometheus", "by API". */
function viaOf(log: string): string | undefined {
  const head = headOf(log);
  const [, via] = /\bvia\s+\[?([\w.-]+(?:\s[\w.-]+)*?)\]?\s*$/i.exec(head) ?? [];
  return via ?? /\bby\s+\[?([\w.-]+(?:\s[\w.-]+)*?)\]?\s*$/i.exec(head)?.[1];
}

/** An entry of an activity page with its time and the line it starts on. */
interface Dated {
  item: Obj;
  line: number;
  ts: number;
  offset?: string;
}

/** The entries of one page in time order (the API lists them newest first); undated ones skipped. */
function dated(activity: Activity, payload: Payload, ctx: ReadContext): Dated[] {
  const out: Dated[] = [];
  for (const [index, item] of activity.items.entries()) {
    const offset = asText(item.offset);
    const line = payload.locate(offset ? `"${offset}"` : `"${activity.what}"`);
    const text = asText(item[activity.what]);
    const name = `Opsgenie alert ${activity.what === 'log' ? 'log entry' : 'note'} ${offset ?? `#${index + 1}`}${
      text && activity.what === 'log' ? ` ("${text.slice(0, 60)}")` : ''
    }`;
    if (!text) {
      ctx.skip(line, `${name} has no ${activity.what} text`);
      continue;
    }
    const ts = payloadTime(item.createdAt, ctx.time);
    if (ts == null) ctx.skip(line, `${name} has no readable createdAt`);
    else out.push({ item, line, ts, offset });
  }
  const byOffset = (a?: string, b?: string) => (a ?? '').localeCompare(b ?? '', 'en', { numeric: true });
  return out.sort((a, b) => a.ts - b.ts || byOffset(a.offset, b.offset));
}

const ownerOf = (item: Obj) => {
  const owner = asText(item.owner);
  return owner && !/^system$/i.test(owner) ? owner : undefined;
};

/**
 * An alert's activity log. The alert's creation, acknowledgement and close take the refs the alert
 * itself gives them (`GET /v2/alerts/{id}`, webhooks), so that the timeline keeps one entry for each
 * when both are in the bundle; without the alert's id they take no ref, and the timeline matches
 * them to the alert's own record by time, kind and words. Other entries are known by their offset.
 */
function fromLogs(activity: Activity, payload: Payload, emit: Emit, ctx: ReadContext) {
  const id = activity.alertId ? `opsgenie-${activity.alertId}` : undefined;
  const routine = new Map<string, number>();
  for (const { item, line, ts, offset } of dated(activity, payload, ctx)) {
    const log = asText(item.log)!;
    const { step, kind, signals } = stepOf(log);
    if (!kind) {
      routine.set(step, (routine.get(step) ?? 0) + 1);
      continue;
    }
    const shared = { create: id, acknowledge: id && `${id}-acknowledge`, close: id && `${id}-resolved` };
    const key =
      step in shared ? shared[step as keyof typeof shared] : offset ? `opsgenie-log-${offset}` : undefined;
    const message = step === 'create' ? /\swith message:\s*(.+)$/is.exec(log)?.[1]?.trim() : undefined;
    emit({
      key,
      line,
      ts,
      kind,
      summary: message || log,
      ...(signals ? { signals } : {}),
      attrs: {
        alertId: activity.alertId,
        step,
        log,
        logType: asText(item.type),
        via: viaOf(log),
        user: ownerOf(item),
        offset,
      },
    });
  }
  const count = [...routine.values()].reduce((a, b) => a + b, 0);
  if (count)
    ctx.note(
      null,
      `${count} routine Opsgenie alert log entr${count === 1 ? 'y' : 'ies'} (${[...routine.keys()].join(', ')}) not made entries: a view tells nothing of the incident, and a note's words are read from the alert's notes list`,
    );
}

/**
 * An alert's notes: the responders' own words, read as a line of a written timeline is (no kind,
 * so that "The rollback is complete…" reads as the recovery it tells).
 */
function fromNotes(activity: Activity, payload: Payload, emit: Emit, ctx: ReadContext) {
  for (const { item, line, ts, offset } of dated(activity, payload, ctx))
    emit({
      key: offset ? `opsgenie-note-${offset}` : undefined,
      line,
      ts,
      summary: asText(item.note)!,
      attrs: { alertId: activity.alertId, user: ownerOf(item), offset },
    });
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const events: RawEvent[] = [];
  const used = new Map<string, number>();
  for (const payload of await readPayloads(input, ctx)) {
    const p = asObject(payload.value);
    const api = apiAlerts(p);
    const activity = api ? null : activityOf(p);
    if (!isWebhook(p) && !api && !activity) {
      ctx.skip(payload.line, 'not an Opsgenie webhook payload, API alert, or alert logs or notes');
      continue;
    }
    const emit: Emit = ({ key, line = payload.line, ...event }) => {
      const n = key ? (used.get(key) ?? 0) + 1 : 0;
      if (key) used.set(key, n);
      const ref = key && n > 1 ? `${key}-${n}` : key;
      events.push({
        ...event,
        ...(ref ? { ref } : {}),
        service: asText(event.attrs?.entity) ?? null,
        source: { file: input.name, line },
      });
    };
    if (api) for (const alert of api) fromApi(alert, payload.line, emit, ctx);
    else if (activity?.what === 'log') fromLogs(activity, payload, emit, ctx);
    else if (activity) fromNotes(activity, payload, emit, ctx);
    else fromWebhook(p!, payload.line, emit, ctx);
  }
  yield* events.sort((a, b) => a.ts - b.ts);
}

/** Opsgenie outgoing-webhook deliveries (Create, Acknowledge, AddNote, Close, …), REST API alerts and their logs and notes. */
export const opsgenie: Source = {
  name: 'opsgenie',
  title:
    'Opsgenie: outgoing webhook deliveries (one per line or an array), REST API alerts and their activity logs and notes',
  example:
    'curl -s -H "Authorization: GenieKey $KEY" "https://api.opsgenie.com/v2/alerts/$ID?identifierType=id" > opsgenie.json',
  detect,
  read,
};
