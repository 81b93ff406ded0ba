import type { Input } from '../bundle/index.js';
import type { EventKind, RawEvent, ReadContext, Signal, Source } from '../model/index.js';
import { asObject, asText, type Payload, readPayloads, samplePayloads } from './json-payloads.js';
import { attrsOf, fromIncident, incidentsOf } from './pagerduty-incident.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

/**
 * What an incident step is on the timeline, how it reads, and what it signals by PagerDuty's own
 * account (notes and status updates have no stated signals: their text is read instead); keyed
 * by log-entry type or webhook event.
 */
const STEPS: Record<string, { kind: EventKind; verb: string; signals?: Signal[] }> = {
  trigger: { kind: 'page', verb: 'Triggered', signals: ['symptom', 'detect'] },
  notify: { kind: 'page', verb: 'On-call notified', signals: ['detect'] },
  acknowledge: { kind: 'ack', verb: 'Acknowledged', signals: ['ack'] },
  unacknowledge: { kind: 'note', verb: 'Acknowledgement timed out', signals: [] },
  resolve: { kind: 'alert_resolved', verb: 'Resolved', signals: ['recovery'] },
  reopen: { kind: 'page', verb: 'Reopened', signals: ['symptom', 'detect'] },
  escalate: { kind: 'action', verb: 'Escalated', signals: [] },
  assign: { kind: 'action', verb: 'Assigned', signals: [] },
  delegate: { kind: 'action', verb: 'Delegated', signals: [] },
  priority: { kind: 'action', verb: 'Priority changed', signals: [] },
  responder: { kind: 'action', verb: 'Responder requested', signals: [] },
  annotate: { kind: 'note', verb: 'Note' },
  status: { kind: 'note', verb: 'Status update' },
};

/** Steps PagerDuty takes on every page: recorded, but no news beside the trigger they follow. */
const ROUTINE_STEPS = new Set(['notify', 'assign']);

// Webhook v3 event types name the same steps in the past tense.
const WEBHOOK_STEP: Record<string, string> = {
  'incident.triggered': 'trigger',
  'incident.acknowledged': 'acknowledge',
  'incident.unacknowledged': 'unacknowledge',
  'incident.resolved': 'resolve',
  'incident.reopened': 'reopen',
  'incident.escalated': 'escalate',
  'incident.reassigned': 'assign',
  'incident.delegated': 'delegate',
  'incident.priority_updated': 'priority',
  'incident.responder.added': 'responder',
  'incident.annotated': 'annotate',
  'incident.status_update_published': 'status',
};

const isWebhook = (p: Obj | null) => !!p && /^incident\./.test(String(asObject(p.event)?.event_type ?? ''));
const isLogEntry = (p: Obj | null) => !!p && /_log_entry$/.test(String(p.type ?? '')) && 'created_at' in p;

/** Log entries in a payload: `{log_entries}`, `{log_entry}`, a bare entry, or v2 webhook `{messages}`. */
function logEntries(p: Obj | null): Obj[] | null {
  if (!p) return null;
  if (isLogEntry(p)) return [p];
  if (Array.isArray(p.log_entries)) return p.log_entries.map(asObject).filter((e): e is Obj => isLogEntry(e));
  if (isLogEntry(asObject(p.log_entry))) return [asObject(p.log_entry)!];
  if (Array.isArray(p.messages)) return p.messages.flatMap((m) => logEntries(asObject(m)) ?? []);
  return null;
}

function detect(input: Input): boolean {
  const [first] = samplePayloads(input, 1);
  const p = asObject(first);
  if (first !== undefined) return isWebhook(p) || !!logEntries(p)?.length || incidentsOf(p) !== null;
  return (
    /^\s*\{\s*"log_entries"\s*:\s*\[/.test(input.sample) && /"type"\s*:\s*"\w+_log_entry"/.test(input.sample)
  );
}

function fromLogEntry(e: Obj, file: string, line: number, ctx: ReadContext): RawEvent | null {
  const ts = payloadTime(e.created_at, ctx.time);
  const step = String(e.type).replace(/_log_entry$/, '');
  if (ts == null) {
    ctx.skip(line, `PagerDuty ${step} log entry has no readable created_at`);
    return null;
  }
  const incident = asObject(e.incident) ?? {};
  const service = asObject(e.service) ?? {};
  const channel = asObject(e.channel) ?? {};
  const { kind, verb, signals } = STEPS[step] ?? { kind: 'note', verb: asText(e.summary) ?? step };
  const title = asText(incident.summary) ?? '';
  const note =
    step === 'annotate' ? (asText(channel.summary) ?? asText(asObject(e.note)?.content)) : undefined;
  const how = step === 'notify' && asText(channel.type) ? ` by ${channel.type}` : '';
  const agent = asObject(e.agent);
  const extra = {
    step,
    channel: asText(channel.type),
    escalationLevel: e.escalation_level,
    user:
      asText(asObject(e.user)?.summary) ??
      (agent?.type === 'user_reference' ? asText(agent.summary) : undefined),
    detail: asText(e.summary),
  };
  const summary = note ?? `${verb}${how}${title ? `: ${title}` : ''}`;
  const id = asText(incident.id);
  const attrs = {
    ...attrsOf(incident, service, extra),
    // The page's own steps belong to its incident: notifying the on-call and assigning the page are
    // routine, folded into the entry they follow, as a rollout's scaling steps are.
    ...(id ? { object: `PagerDuty incident ${id}` } : {}),
    ...(id && ROUTINE_STEPS.has(step) ? { routine: true } : {}),
  };
  return {
    ts,
    kind,
    service: asText(service.summary) ?? null,
    ref: `pd-${e.id}`,
    summary,
    ...(signals ? { signals } : {}),
    attrs,
    source: { file, line },
  };
}

function fromWebhook(p: Obj, file: string, line: number, ctx: ReadContext): RawEvent | null {
  const event = asObject(p.event)!;
  const type = String(event.event_type);
  const ts = payloadTime(event.occurred_at, ctx.time);
  if (ts == null) {
    ctx.skip(line, `PagerDuty ${type} has no readable occurred_at`);
    return null;
  }
  const data = asObject(event.data) ?? {};
  const incident = data.type === 'incident' ? data : (asObject(data.incident) ?? {});
  const service = asObject(incident.service) ?? {};
  const step = WEBHOOK_STEP[type];
  const { kind, verb, signals } = STEPS[step] ?? {
    kind: 'note',
    verb: type.replace(/^incident\./, '').replace(/[._]/g, ' '),
  };
  const title = asText(incident.title) ?? asText(incident.summary) ?? '';
  const priority = asText(asObject(incident.priority)?.summary);
  const text =
    step === 'annotate' ? asText(data.content) : step === 'status' ? asText(data.message) : undefined;
  const head = step === 'priority' && priority ? `Priority set to ${priority}` : verb;
  const extra = {
    step: step ?? type,
    eventType: type,
    status: asText(incident.status),
    priority,
    user: asText(asObject(event.agent)?.summary),
  };
  const summary = text ?? `${head}${title ? `: ${title}` : ''}`;
  const attrs = attrsOf(incident, service, extra);
  return {
    ts,
    kind,
    service: asText(service.summary) ?? null,
    ref: `pd-${event.id}`,
    summary,
    ...(signals ? { signals } : {}),
    attrs,
    source: { file, line },
  };
}

function eventsOf({ value, line, locate }: Payload, file: string, ctx: ReadContext): RawEvent[] {
  const p = asObject(value);
  if (isWebhook(p)) return [fromWebhook(p!, file, line, ctx)].filter((e): e is RawEvent => e !== null);
  const incidents = incidentsOf(p);
  if (incidents) return incidents.flatMap((i) => fromIncident(i, file, locate(`"${i.id}"`), ctx));
  const entries = logEntries(p);
  if (!entries) {
    ctx.skip(line, 'not a PagerDuty webhook v3 event, log entry or incident');
    return [];
  }
  return entries
    .map((e) => fromLogEntry(e, file, locate(`"${e.id}"`), ctx))
    .filter((e): e is RawEvent => e !== null);
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const events = (await readPayloads(input, ctx)).flatMap((p) => eventsOf(p, input.name, ctx));
  yield* events.sort((a, b) => a.ts - b.ts);
}

/** PagerDuty incident log entries and incidents (REST), and webhooks v3 incident events. */
export const pagerduty: Source = {
  name: 'pagerduty',
  title:
    'PagerDuty: incident log entries and incidents (REST), webhooks v3 events (JSON, array or JSON Lines)',
  example:
    'curl -s -H "Authorization: Token token=$PD_TOKEN" "https://api.pagerduty.com/incidents/$ID/log_entries?is_overview=false" > pagerduty.json',
  detect,
  read,
};
