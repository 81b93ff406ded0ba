import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { type AlertEntry, alertEpisodes, groupKeys } from './alert-episodes.js';
import { isGrafanaPayload } from './alertmanager.js';
import { asObject, asText, type Payload, readPayloads, samplePayloads } from './json-payloads.js';

// Grafana before 8 sent one rule state without any time: nothing to place on a timeline.
const isLegacy = (p: Record<string, unknown>) => 'ruleName' in p && 'evalMatches' in p;
const isGrafana = (p: Record<string, unknown> | null) =>
  !!p && ((Array.isArray(p.alerts) && isGrafanaPayload(p)) || isLegacy(p));

function detect(input: Input): boolean {
  const [first] = samplePayloads(input, 1);
  if (first !== undefined) return isGrafana(asObject(first));
  return /"alerts"\s*:\s*\[/.test(input.sample) && /"(silenceURL|valueString)"\s*:/.test(input.sample);
}

const GRAFANA_KEYS = ['values', 'valueString', 'dashboardURL', 'panelURL', 'imageURL'];

function entriesOf({ value, line, locate }: Payload, ctx: ReadContext): AlertEntry[] {
  const p = asObject(value);
  if (!isGrafana(p)) {
    ctx.skip(line, 'not a Grafana alerting webhook payload');
    return [];
  }
  if (isLegacy(p!)) {
    ctx.skip(line, 'legacy Grafana alert notification (before Grafana 8) carries no timestamp');
    return [];
  }
  const truncated = Number(p!.truncatedAlerts ?? 0);
  if (truncated > 0) ctx.skip(line, `Grafana left ${truncated} alerts out of this notification`);
  const groupStatus = asText(p!.status);
  const common = { receiver: asText(p!.receiver), orgId: p!.orgId, ...groupKeys(p!) };
  return (p!.alerts as unknown[]).flatMap((a) => {
    const alert = asObject(a);
    if (!alert) return [];
    const extra = Object.fromEntries(
      GRAFANA_KEYS.filter((k) => asText(alert[k]) || asObject(alert[k])).map((k) => [k, alert[k]]),
    );
    return [{ alert, line: locate('"startsAt"'), groupStatus, attrs: { ...common, ...extra } }];
  });
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const entries = (await readPayloads(input, ctx)).flatMap((p) => entriesOf(p, ctx));
  yield* alertEpisodes(entries, 'grafana', input.name, ctx);
}

/** Grafana unified alerting (8+) webhook notifications. */
export const grafana: Source = {
  name: 'grafana',
  aliases: ['grafana-alerting'],
  title: 'Grafana alerting webhook notifications (JSON, array or JSON Lines)',
  example: 'Save the bodies your Grafana webhook contact point received, one per line: webhook.jsonl',
  detect,
  read,
};
