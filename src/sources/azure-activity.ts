import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { asObject, asText, type Payload, readPayloads, samplePayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

/**
 * The Azure Activity Log: `az monitor activity-log list` (an array of events), the REST answer
 * (`{"value":[…]}`), and the records a diagnostic setting exports (`{"records":[…]}`). An
 * administrative operation that succeeded (a write, a delete, an action such as a restart) is a
 * change named by what it did to what ("Microsoft.Web/sites/write checkout"), never by who did it;
 * one that failed is a note. An operation's started and accepted events are its steps, not more
 * changes. An alert rule's activation is an alert and its resolution the alert resolved; a
 * resource gone unavailable or degraded is a symptom, back to available a recovery; service health
 * notices (an Azure incident) and autoscale are notes.
 */

/** Where an operation ends: the event that tells the change happened, or that it failed. */
const DONE = new Set(['succeeded', 'success', 'failed', 'failure']);
const FAILED = new Set(['failed', 'failure']);
/** Categories that are notes of their own: Azure's incidents, autoscale. */
const NOTED = new Set(['servicehealth', 'autoscale']);
/** Alerts an alert rule fired and resolved (`Alert`; before 2016, `Microsoft.Insights/alertrules`). */
const ALERTS = new Set(['alert', 'microsoft.insights/alertrules']);
const FIRED = new Set(['activated', 'active', 'fired']);
/** A resource's health that is an outage of it. */
const DOWN = new Set(['unavailable', 'degraded']);
/** Resource types whose item is a running service: the change is to that service. */
const SERVICES =
  /^microsoft\.(?:web\/sites|app\/containerapps|containerinstance\/containergroups|web\/sites\/slots)$/i;

/** A value Azure writes either as text or as `{"value":…,"localizedValue":…}`. */
const plain = (v: unknown): string | undefined => asText(v) ?? asText(asObject(v)?.value);
const localized = (v: unknown): string | undefined => asText(asObject(v)?.localizedValue) ?? plain(v);

/** The resource an event is about: `resourceId`, or `resourceUri` as the API wrote it before 2016. */
const resourceIdOf = (o: Obj): string | undefined => asText(o.resourceId) ?? asText(o.resourceUri);

const isEvent = (o: Obj | null): boolean =>
  !!o &&
  plain(o.operationName) !== undefined &&
  ('eventTimestamp' in o || 'time' in o) &&
  resourceIdOf(o) !== undefined;

/** The events one JSON value holds: an event (an item of the CLI's array), or a list under `value`/`records`. */
function eventsOf(value: unknown): Obj[] | null {
  const o = asObject(value);
  if (!o) return null;
  if (isEvent(o)) return [o];
  const list = o.value ?? o.records;
  if (!Array.isArray(list)) return null;
  const events = list.map(asObject).filter((e): e is Obj => isEvent(e));
  return events.length || !list.length ? events : null;
}

/** `/subscriptions/…/providers/Microsoft.Web/sites/checkout` → its type `Microsoft.Web/sites` and name `checkout`. */
function resourceOf(id: string): { type: string | null; name: string | null } {
  const parts = id.split('/').filter(Boolean);
  const at = parts.map((p) => p.toLowerCase()).lastIndexOf('providers');
  // A resource group is named; a subscription's id is no name.
  if (at < 0 || at + 3 > parts.length)
    return {
      type: null,
      name: parts.at(-2)?.toLowerCase() === 'resourcegroups' ? (parts.at(-1) ?? null) : null,
    };
  const rest = parts.slice(at + 1);
  // namespace, then type/name pairs: Microsoft.Web/sites/checkout/slots/staging.
  const types = [rest[0]];
  for (let i = 1; i < rest.length; i += 2) types.push(rest[i]);
  return { type: types.join('/'), name: rest.at(-1) ?? null };
}

/** What an event is, by its category and status; null for one that is none of these (a step, a recommendation). */
function meaningOf(
  category: string,
  status: string,
  properties: Obj,
):
  | (Pick<RawEvent, 'kind' | 'signals'> & { told: 'change' | 'failed' | 'noted' | 'health' | 'alert' })
  | null {
  if (category === 'administrative' && DONE.has(status))
    return FAILED.has(status) ? { kind: 'note', told: 'failed' } : { kind: 'change', told: 'change' };
  if (NOTED.has(category)) return { kind: 'note', told: 'noted' };
  if (ALERTS.has(category)) {
    if (FIRED.has(status)) return { kind: 'alert', signals: ['symptom', 'detect'], told: 'alert' };
    if (status === 'resolved') return { kind: 'alert_resolved', signals: ['recovery'], told: 'alert' };
    return null;
  }
  if (category === 'resourcehealth') {
    const now = (asText(properties.currentHealthStatus) ?? '').toLowerCase();
    const before = (asText(properties.previousHealthStatus) ?? '').toLowerCase();
    if (DOWN.has(now)) return { kind: 'note', signals: ['symptom'], told: 'health' };
    if (now === 'available' && DOWN.has(before))
      return { kind: 'note', signals: ['recovery'], told: 'health' };
    return { kind: 'note', told: 'health' };
  }
  return null;
}

function eventOf(e: Obj, line: number, file: string, ctx: ReadContext): RawEvent | null {
  const status = (plain(e.status) ?? plain(e.resultType) ?? '').toLowerCase();
  const category = (plain(e.category) ?? '').toLowerCase();
  const properties = asObject(e.properties) ?? {};
  const meaning = meaningOf(category, status, properties);
  if (!meaning) return null;
  const ts = payloadTime(e.eventTimestamp ?? e.time, ctx.time);
  if (ts == null) {
    ctx.skip(line, 'Azure activity log event has no readable time');
    return null;
  }
  const operation = plain(e.operationName) as string;
  const { type, name } = resourceOf(resourceIdOf(e) as string);
  const what = name ? `${operation} ${name}` : operation;
  const of = name ? ` (${name})` : '';
  const { told, ...kind } = meaning;
  const summary =
    told === 'change'
      ? what
      : told === 'failed'
        ? `${what} failed`
        : told === 'alert'
          ? `Azure alert ${status}: ${asText(e.description) ?? asText(properties.RuleName) ?? what}`
          : told === 'health'
            ? `Resource health${of}: ${asText(properties.currentHealthStatus) ?? asText(properties.title) ?? status}${
                asText(properties.previousHealthStatus)
                  ? ` (was ${asText(properties.previousHealthStatus)})`
                  : ''
              }`
            : `${localized(e.category)}: ${asText(properties.title) ?? localized(e.operationName)}${of}`;
  return {
    ts,
    ...kind,
    service: type && SERVICES.test(type) ? name : null,
    summary,
    attrs: {
      operation,
      ...(type ? { resourceType: type } : {}),
      ...(name ? { resource: name } : {}),
      category: plain(e.category) ?? null,
      ...(status ? { status } : {}),
    },
    source: { file, line },
  };
}

function detect(input: Input): boolean {
  if (input.isDirectory) return false;
  const values = samplePayloads(input);
  if (values.length) return values.some((v) => eventsOf(v)?.length);
  const s = input.sample;
  return (
    /"operationName"\s*:/.test(s) && /"resourceId"\s*:/.test(s) && /"eventTimestamp"|"resultType"/.test(s)
  );
}

const lineOf = (payload: Payload, e: Obj) => {
  const id = asText(e.eventDataId) ?? asText(e.correlationId);
  return id ? payload.locate(JSON.stringify(id)) : payload.line;
};

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  for (const payload of await readPayloads(input, ctx)) {
    const events = eventsOf(payload.value);
    if (!events) {
      ctx.skip(payload.line, 'not an Azure activity log event');
      continue;
    }
    for (const e of events) {
      const event = eventOf(e, lineOf(payload, e), input.name, ctx);
      if (event) yield event;
    }
  }
}

export const azureActivity: Source = {
  name: 'azure-activity',
  aliases: ['azure-activity-log', 'activity-log'],
  title:
    'Azure Activity Log: az monitor activity-log list, the REST answer, diagnostic exports; administrative operations that succeeded as changes',
  example:
    'az monitor activity-log list --start-time 2024-03-05T09:00Z --end-time 2024-03-05T12:00Z > changes/azure-activity.json',
  detect,
  read,
};
