import type { Input } from '../bundle/index.js';
import type { EventKind, RawEvent, ReadContext, Signal, Source } from '../model/index.js';
import { asObject, asText, type Payload, parseJsonObject, readPayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

/**
 * Amazon CloudWatch alarms, in the three shapes a team keeps them: the alarm's history as the CLI
 * prints it (`aws cloudwatch describe-alarm-history`), the notification an alarm sends through SNS
 * (the message alone, the SNS envelope, or the Lambda event holding it), and the EventBridge event
 * "CloudWatch Alarm State Change". Each state change is one entry: into ALARM an alert, from ALARM
 * back to OK its resolution, and a change to or from INSUFFICIENT_DATA a note (the metric stopped
 * or started reporting). The alarm's actions and configuration updates in its history are notes.
 */

/** One state change of one alarm, whichever shape told it. */
interface Transition {
  alarm: string;
  from: string | null;
  to: string;
  reason: string | null;
  at: unknown;
  line: number;
  attrs: Obj;
}

/** Dimensions that name the service an alarm watches. */
const SERVICE_DIMENSIONS = [
  'ServiceName',
  'FunctionName',
  'service',
  'Service',
  'ClusterName',
  'DBInstanceIdentifier',
];

function serviceOf(dimensions: unknown): string | null {
  if (!Array.isArray(dimensions)) return null;
  const named = new Map(
    dimensions
      .map((d) => asObject(d))
      .flatMap((d) => {
        const name = asText(d?.name ?? d?.Name);
        const value = asText(d?.value ?? d?.Value);
        return name && value ? [[name, value] as const] : [];
      }),
  );
  return SERVICE_DIMENSIONS.map((n) => named.get(n)).find(Boolean) ?? null;
}

/** An alarm's message as SNS delivers it: `NewStateValue`, `OldStateValue`, `StateChangeTime`. */
function fromSnsMessage(m: Obj, line: number): Transition | null {
  const alarm = asText(m.AlarmName);
  const to = asText(m.NewStateValue);
  if (!alarm || !to) return null;
  const trigger = asObject(m.Trigger);
  return {
    alarm,
    from: asText(m.OldStateValue) ?? null,
    to,
    reason: asText(m.NewStateReason) ?? null,
    at: m.StateChangeTime,
    line,
    attrs: {
      region: asText(m.Region),
      alarmArn: asText(m.AlarmArn),
      metric: asText(trigger?.MetricName),
      namespace: asText(trigger?.Namespace),
      service: serviceOf(trigger?.Dimensions),
    },
  };
}

/**
 * The EventBridge event (`detail`) or the event an alarm's Lambda action sends (`alarmData`): each
 * holds `state` and `previousState`.
 */
function fromAlarmEvent(p: Obj, line: number): Transition | null {
  const detail = asObject(p.detail) ?? asObject(p.alarmData);
  const state = asObject(detail?.state);
  const alarm = asText(detail?.alarmName);
  const to = asText(state?.value);
  if (!alarm || !to) return null;
  const metrics = asObject(detail?.configuration)?.metrics;
  // The first metric the alarm reads (an expression over metrics names none of its own).
  const first =
    (Array.isArray(metrics) ? metrics : [])
      .map((m) => asObject(asObject(asObject(m)?.metricStat)?.metric))
      .find(Boolean) ?? null;
  return {
    alarm,
    from: asText(asObject(detail?.previousState)?.value) ?? null,
    to,
    reason: asText(state?.reason) ?? null,
    at: state?.timestamp ?? p.time,
    line,
    attrs: {
      region: asText(p.region),
      alarmArn: asText(p.alarmArn) ?? (Array.isArray(p.resources) ? asText(p.resources[0]) : undefined),
      metric: asText(first?.name),
      namespace: asText(first?.namespace),
      service: serviceOf(
        Object.entries(asObject(first?.dimensions) ?? {}).map(([name, value]) => ({ name, value })),
      ),
    },
  };
}

/** "Alarm updated from OK to ALARM": the history's summary, when its data cannot be read. */
const SUMMARY = /^Alarm updated from ([A-Z_]+) to ([A-Z_]+)$/;

type HistoryEntry = Transition | { note: string; alarm: string; at: unknown; line: number; type: string };

/** An item of `describe-alarm-history`: a state update, an action taken, or the alarm reconfigured. */
function fromHistory(item: Obj, line: number): HistoryEntry | null {
  const alarm = asText(item.AlarmName);
  const type = asText(item.HistoryItemType);
  const summary = asText(item.HistorySummary) ?? '';
  if (!alarm || !type) return null;
  if (type !== 'StateUpdate') return { note: summary || type, alarm, at: item.Timestamp, line, type };
  const data = parseJsonObject(item.HistoryData);
  const oldState = asObject(data?.oldState);
  const newState = asObject(data?.newState);
  const told = SUMMARY.exec(summary);
  const to = asText(newState?.stateValue) ?? told?.[2];
  if (!to) return null;
  return {
    alarm,
    from: asText(oldState?.stateValue) ?? told?.[1] ?? null,
    to,
    reason: asText(newState?.stateReason) ?? null,
    at: item.Timestamp,
    line,
    attrs: { alarmType: asText(item.AlarmType) },
  };
}

/** What one payload holds: history items, or one transition in any of the notification shapes. */
function entriesOf(payload: Payload): HistoryEntry[] | null {
  const p = asObject(payload.value);
  if (!p) return null;
  if (Array.isArray(p.AlarmHistoryItems)) {
    return p.AlarmHistoryItems.flatMap((raw) => {
      const item = asObject(raw);
      const stamp = asText(item?.Timestamp);
      const entry = item && fromHistory(item, stamp ? payload.locate(`"${stamp}"`) : payload.line);
      return entry ? [entry] : [];
    });
  }
  if (Array.isArray(p.Records)) {
    const all = p.Records.map((r) => asObject(asObject(r)?.Sns)).filter((s): s is Obj => !!s);
    return all.length ? all.flatMap((s) => entriesOf({ ...payload, value: s }) ?? []) : null;
  }
  const message = p.Type === 'Notification' ? parseJsonObject(p.Message) : null;
  if (message) return entriesOf({ ...payload, value: message });
  if (
    p.source === 'aws.cloudwatch' &&
    (p['detail-type'] === 'CloudWatch Alarm State Change' || p.alarmData)
  ) {
    const t = fromAlarmEvent(p, payload.line);
    return t ? [t] : [];
  }
  const t = fromSnsMessage(p, payload.line);
  return t ? [t] : null;
}

/** What a state change means on a timeline. */
function meaning(t: Transition): { kind: EventKind; signals: Signal[]; told: string } {
  if (t.to === 'ALARM') return { kind: 'alert', signals: ['symptom', 'detect'], told: 'in ALARM' };
  if (t.to === 'OK' && t.from === 'ALARM')
    return { kind: 'alert_resolved', signals: ['recovery'], told: 'back to OK' };
  if (t.to === 'INSUFFICIENT_DATA') return { kind: 'note', signals: [], told: 'has insufficient data' };
  return { kind: 'note', signals: [], told: `in ${t.to}${t.from ? ` (from ${t.from})` : ''}` };
}

function eventOf(entry: HistoryEntry, file: string, ctx: ReadContext): RawEvent | null {
  const ts = payloadTime(entry.at, ctx.time);
  if (ts == null) {
    ctx.skip(entry.line, `CloudWatch alarm ${entry.alarm} has no readable time`);
    return null;
  }
  const source = { file, line: entry.line };
  if ('note' in entry)
    return {
      ts,
      kind: 'note',
      signals: [],
      summary: `CloudWatch alarm ${entry.alarm}: ${entry.note}`,
      attrs: { alarm: entry.alarm, historyItemType: entry.type },
      source,
    };
  const { kind, signals, told } = meaning(entry);
  const service = typeof entry.attrs.service === 'string' ? entry.attrs.service : null;
  const attrs = Object.fromEntries(
    Object.entries(entry.attrs).filter(([k, v]) => v != null && k !== 'service'),
  );
  return {
    ts,
    kind,
    signals,
    service,
    ref: `cloudwatch-${entry.alarm}-${ts}`,
    summary: `CloudWatch alarm ${entry.alarm} ${told}${entry.reason ? `: ${entry.reason}` : ''}`,
    attrs: { ...attrs, alarm: entry.alarm, state: entry.to, previousState: entry.from },
    source,
  };
}

function detect(input: Input): boolean {
  if (input.isDirectory) return false;
  const s = input.sample;
  return (
    /"AlarmHistoryItems"\s*:\s*\[/.test(s) ||
    /"detail-type"\s*:\s*"CloudWatch Alarm State Change"/.test(s) ||
    (/"source"\s*:\s*"aws\.cloudwatch"/.test(s) && /"alarmData"\s*:/.test(s)) ||
    (/\\?"AlarmName\\?"\s*:/.test(s) && /\\?"NewStateValue\\?"\s*:/.test(s))
  );
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const events: RawEvent[] = [];
  for (const payload of await readPayloads(input, ctx)) {
    const entries = entriesOf(payload);
    if (!entries) {
      ctx.skip(
        payload.line,
        'not a CloudWatch alarm history, SNS alarm notification or EventBridge alarm event',
      );
      continue;
    }
    for (const entry of entries) {
      const event = eventOf(entry, input.name, ctx);
      if (event) events.push(event);
    }
  }
  yield* events.sort((a, b) => a.ts - b.ts);
}

/** Amazon CloudWatch alarm state changes. */
export const cloudwatch: Source = {
  name: 'cloudwatch',
  aliases: ['cloudwatch-alarms', 'aws-cloudwatch'],
  title:
    'Amazon CloudWatch alarms: describe-alarm-history output, SNS alarm notifications, EventBridge "CloudWatch Alarm State Change" and Lambda alarm-action events',
  example:
    'aws cloudwatch describe-alarm-history --start-date 2026-02-10T00:00Z --end-date 2026-02-11T00:00Z --output json > cloudwatch-alarms.json',
  detect,
  read,
};
