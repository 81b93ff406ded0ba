import type { Input } from '../bundle/index.js';
import { type RawEvent, type ReadContext, type Source, STATUSPAGE_STATUS } from '../model/index.js';
import { asObject, asText, type Payload, readPayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

const isIncident = (v: unknown): v is Obj => Array.isArray(asObject(v)?.incident_updates);

/** The incidents of a payload: `incidents.json`/`summary.json` (with maintenances), a page of them, or one. */
function incidentsOf(value: unknown): Obj[] | null {
  if (isIncident(value)) return [value];
  const p = asObject(value);
  if (!p) return null;
  if (isIncident(p.incident)) return [p.incident as Obj];
  const lists = [p.incidents, p.scheduled_maintenances].filter(Array.isArray) as unknown[][];
  return lists.length ? lists.flat().filter(isIncident) : null;
}

function detect(input: Input): boolean {
  if (input.isDirectory) return false;
  const s = input.sample;
  return /"incident_updates"\s*:\s*\[/.test(s) && /"(page_id|shortlink)"\s*:/.test(s);
}

function updatesOf(incident: Obj, payload: Payload, file: string, ctx: ReadContext): RawEvent[] {
  const name = asText(incident.name) ?? 'incident';
  const components = (Array.isArray(incident.components) ? incident.components : [])
    .map((c) => asText(asObject(c)?.name))
    .filter((c): c is string => !!c);
  const events: RawEvent[] = [];
  for (const raw of incident.incident_updates as unknown[]) {
    const update = asObject(raw);
    const id = asText(update?.id);
    const line = id ? payload.locate(`"${id}"`) : payload.line;
    if (!update) {
      ctx.skip(line, `Statuspage incident "${name}" has an update that is not an object`);
      continue;
    }
    const status = String(update.status ?? '');
    const meaning = STATUSPAGE_STATUS[status];
    const ts = payloadTime(update.display_at ?? update.created_at, ctx.time);
    if (!meaning || ts == null) {
      ctx.skip(
        line,
        `Statuspage update of "${name}" has ${meaning ? 'no readable display_at or created_at' : `an unknown status "${status}"`}`,
      );
      continue;
    }
    const body = asText(update.body);
    events.push({
      ts,
      kind: meaning.kind,
      signals: meaning.signals,
      service: components[0] ?? null,
      ref: `sp-${id ?? `${asText(incident.id)}-${events.length + 1}`}`,
      summary: `${meaning.verb}: ${name}${body ? ` — ${body}` : ''}`,
      attrs: {
        status,
        incidentId: asText(incident.id),
        impact: asText(incident.impact),
        components,
        shortlink: asText(incident.shortlink),
      },
      source: { file, line },
    });
  }
  return events;
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const events: RawEvent[] = [];
  for (const payload of await readPayloads(input, ctx)) {
    const incidents = incidentsOf(payload.value);
    if (!incidents) {
      ctx.skip(payload.line, 'not a Statuspage incident, incident list or summary');
      continue;
    }
    for (const incident of incidents) events.push(...updatesOf(incident, payload, input.name, ctx));
  }
  yield* events.sort((a, b) => a.ts - b.ts);
}

/** Statuspage incidents with their updates, each update's status stating what it signals. */
export const statuspage: Source = {
  name: 'statuspage',
  title:
    'Statuspage: incidents and their updates (public API v2 incidents.json or summary.json, or the manage API)',
  example: 'curl -s https://status.example.com/api/v2/incidents.json > statuspage.json',
  detect,
  read,
};
