// Saved results of a log query, as the log service's own tool or API returns them: CloudWatch
// Logs, Google Cloud Logging, Elasticsearch/OpenSearch, Datadog, Splunk and Loki. Each record's
// time, text, level and service are read from its fields, and the records are mined into templates
// as a log file's lines are (a record's text through the reader of a line whose time is kept
// beside it: JSON, logfmt or text).
import {
  type LineMessage,
  lineMessageReader,
  maskedGroups,
  mineGroups,
  serviceFromFileName,
  serviceFromLabels,
} from '../logs/index.js';
import { levelFromValue } from '../logs/level.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import type { TimeContext } from '../time/index.js';
import { asObject, type Payload, readPayloads, samplePayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Json = Record<string, unknown>;

/** One record of a saved result, as its shape reads it. */
export interface ExportedLine {
  /** Epoch ms, or null when the record's time cannot be read. */
  ts: number | null;
  /** The record's text, read as a log line is (JSON, logfmt or text). */
  text: string;
  /** A level the record states beside its text (`severity`, `status`), read before the text's own. */
  level?: unknown;
  /** A service the record states beside its text (a container, a label), before the text's own. */
  service?: string | null;
  /** A string unique to the record in the file (its id, found as a quoted JSON string), to find its line. */
  needle?: string;
  /** Set when the record is a write someone made (an audit record): an entry, not mined; a change unless it failed. */
  change?: { summary: string; service: string | null; attrs: Json };
}

/** The records of one JSON value, null for one that is not a record; null for a value of another shape. */
type Records = (ExportedLine | null)[] | null;

interface ExportShape {
  /** The records of one JSON value of the file, or null when the value is not of this shape. */
  lines(value: unknown, time: TimeContext): Records;
  /** Keys the head of a file holds when it is of this shape, for a document too long to sample whole. */
  probe: (head: string) => boolean;
}

const UTC: TimeContext = { zone: 'UTC', date: null };
const obj = (v: unknown): Json => asObject(v) ?? {};
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** The records of a list, or null when it is no list or none of its items is a record. */
const each = (items: unknown, read: (item: unknown) => ExportedLine | null): Records => {
  if (!Array.isArray(items)) return null;
  const out = items.map(read);
  return !items.length || out.some((l) => l !== null) ? out : null;
};
/** True when the head holds each of the groups' keys: one of each group, quoted as JSON keys. */
const holds =
  (...groups: string[][]) =>
  (head: string) =>
    groups.every((keys) => keys.some((k) => head.includes(`"${k}"`)));

/** `aws logs filter-log-events` / `get-log-events`: `{"events":[{timestamp (ms), message, …}]}`. */
const cloudwatchEvent = (item: unknown, time: TimeContext): ExportedLine | null => {
  const e = asObject(item);
  if (!e || typeof e.message !== 'string' || typeof e.timestamp !== 'number') return null;
  if (!('ingestionTime' in e || 'eventId' in e || 'logStreamName' in e)) return null;
  return { ts: payloadTime(e.timestamp, time), text: e.message, needle: text(e.eventId) };
};

/** Logs Insights' `get-query-results`: rows of `{field, value}`, `@timestamp` in UTC. */
const insightsRow = (row: unknown): ExportedLine | null => {
  if (!Array.isArray(row)) return null;
  const field: Json = {};
  for (const cell of row) {
    const c = asObject(cell);
    if (c && typeof c.field === 'string') field[c.field] = c.value;
  }
  const message = text(field['@message']);
  if (message === undefined || !('@timestamp' in field)) return null;
  // `123456789012:/aws/lambda/checkout` → `checkout`.
  const group = text(field['@log'])?.split(/[:/]/).filter(Boolean).at(-1);
  return { ts: payloadTime(field['@timestamp'], UTC), text: message, service: group ?? null };
};

/** Google Cloud Logging's LogEntry (`gcloud logging read --format=json`, a sink's export). */
const gcpEntry = (item: unknown, time: TimeContext): ExportedLine | null => {
  const e = asObject(item);
  if (!e || !(typeof e.logName === 'string' || typeof e.insertId === 'string')) return null;
  const payload =
    text(e.textPayload) ??
    (asObject(e.jsonPayload) ? JSON.stringify(e.jsonPayload) : undefined) ??
    auditText(asObject(e.protoPayload)) ??
    requestText(asObject(e.httpRequest));
  if (payload === undefined) return null;
  const labels = obj(obj(e.resource).labels);
  const service =
    text(labels.container_name) ??
    text(labels.service_name) ??
    text(labels.function_name) ??
    text(labels.job_name) ??
    text(labels.module_id) ??
    null;
  const severity = e.severity === 'DEFAULT' ? undefined : e.severity;
  return {
    ts: payloadTime(e.timestamp ?? e.receiveTimestamp, time),
    text: payload,
    level: severity,
    service,
    needle: text(e.insertId),
    change: auditChange(asObject(e.protoPayload)) ?? undefined,
  };
};

/** An audit record (`protoPayload`): what was called on what, and how it ended; never who called it. */
function auditText(p: Json | null): string | undefined {
  if (!p || typeof p.methodName !== 'string') return undefined;
  const status = text(obj(p.status).message);
  return [p.methodName, text(p.resourceName), status && `(${status})`].filter(Boolean).join(' ');
}

/** A method that writes: its last word (`deployments.patch`, `ClusterManager.UpdateCluster`, `SetIamPolicy`). */
const WRITE =
  /^(?:create|insert|update|patch|delete|set|add|remove|replace|deploy|rollback|resize|scale|enable|disable|apply|attach|detach|start|stop|reset|restart|undelete|upgrade|rotate|publish|cancel|suspend|resume)/i;
/**
 * Google's own agents (`service-123@container-engine-robot.iam.gserviceaccount.com`,
 * `123@cloudservices.gserviceaccount.com`) and Kubernetes' components (`system:…`) act for the
 * platform: what they write follows from a change, it is not one.
 */
const AGENT = /^system:|^service-\d+@|@cloudservices\.gserviceaccount\.com$|@system\.gserviceaccount\.com$/;
/** Collections whose item is a service: its name is the change's service. */
const WORKLOADS = new Set([
  'deployments',
  'statefulsets',
  'daemonsets',
  'services',
  'functions',
  'jobs',
  'cronjobs',
]);

/**
 * The change an audit record tells (a write by a person or a pipeline's own account), or null: a
 * read, a platform agent's write, or no method. The summary is what was called on what; who called
 * it stays out (blameless), as does everything the request carried.
 */
function auditChange(p: Json | null): ExportedLine['change'] | null {
  if (!p || typeof p.methodName !== 'string') return null;
  const method = p.methodName.split('.');
  if (!WRITE.test(method.at(-1) ?? '')) return null;
  const principal = text(obj(p.authenticationInfo).principalEmail) ?? '';
  if (AGENT.test(principal)) return null;
  const resource = (text(p.resourceName) ?? '').split('/').filter(Boolean);
  const status = obj(p.status);
  const failed = typeof status.code === 'number' && status.code !== 0;
  const what = `${method.slice(-2).join('.')} ${resource.slice(-2).join('/')}`.trim();
  const collection = resource.at(-2);
  return {
    summary: failed ? `${what} (failed: ${text(status.message) ?? `code ${status.code}`})` : what,
    service: collection && WORKLOADS.has(collection) ? (resource.at(-1) ?? null) : null,
    attrs: {
      method: p.methodName,
      resource: text(p.resourceName) ?? null,
      ...(failed ? { failed: true } : {}),
    },
  };
}

/** A request log (Cloud Run, a load balancer): the method, the URL's path and the status, as an access log's. */
function requestText(r: Json | null): string | undefined {
  if (!r || typeof r.requestMethod !== 'string') return undefined;
  const url = text(r.requestUrl) ?? '';
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/, '') || '/';
  return `${r.requestMethod} ${path} ${r.status ?? ''}`.trim();
}

/** An Elasticsearch/OpenSearch hit: `_source` is the log document. */
const searchHit = (item: unknown, time: TimeContext): ExportedLine | null => {
  const h = asObject(item);
  const source = asObject(h?._source);
  if (!h || !source) return null;
  return {
    ts: payloadTime(source['@timestamp'] ?? source.timestamp ?? source.time, time),
    text: JSON.stringify(source),
    needle: text(h._id),
  };
};

/** Datadog: v2 `data[].attributes`, v1 `logs[].content`. */
const datadogLog = (item: unknown, time: TimeContext): ExportedLine | null => {
  const l = asObject(item);
  const a = asObject(l?.attributes) ?? asObject(l?.content);
  if (!l || !a || typeof a.message !== 'string' || !('timestamp' in a)) return null;
  if (l.type !== undefined && l.type !== 'log') return null;
  return {
    ts: payloadTime(a.timestamp, time),
    text: a.message,
    level: a.status,
    service: text(a.service) ?? null,
    needle: text(l.id),
  };
};

/** Splunk: `{"result":{"_time","_raw",…}}` a line (`output_mode=json` export), or `results[]`. */
const splunkResult = (item: unknown, time: TimeContext): ExportedLine | null => {
  const r = asObject(item);
  if (!r || typeof r._raw !== 'string' || !('_time' in r)) return null;
  return { ts: payloadTime(r._time, time), text: r._raw };
};

/** Splunk's `output_mode=json_rows`: `fields` names each row's cells; undefined for another shape. */
function splunkRows(o: Json | null): Json[] | undefined {
  if (!o || !Array.isArray(o.fields) || !Array.isArray(o.rows)) return undefined;
  const fields = o.fields;
  return o.rows.map((row) =>
    Array.isArray(row) ? Object.fromEntries(fields.map((f, i) => [String(f), row[i]])) : {},
  );
}

/** `logcli query --output=jsonl`: `{"labels":{…},"line":"…","timestamp":"…"}`. */
const logcliLine = (item: unknown, time: TimeContext): ExportedLine | null => {
  const l = asObject(item);
  if (!l || typeof l.line !== 'string' || !asObject(l.labels) || !('timestamp' in l)) return null;
  return { ts: payloadTime(l.timestamp, time), text: l.line, service: serviceFromLabels(obj(l.labels)) };
};

/** Loki's `query_range` answer: streams of `[nanoseconds, line]`. */
function lokiStreams(value: unknown, time: TimeContext): ExportedLine[] | null {
  const data = asObject(asObject(value)?.data);
  if (data?.resultType !== 'streams' || !Array.isArray(data.result)) return null;
  const out: ExportedLine[] = [];
  for (const s of data.result) {
    const service = serviceFromLabels(obj(obj(s).stream));
    const values = obj(s).values;
    if (!Array.isArray(values)) continue;
    for (const v of values)
      if (Array.isArray(v) && typeof v[1] === 'string')
        out.push({ ts: payloadTime(v[0], time), text: v[1], service });
  }
  return out;
}

const SHAPES: ExportShape[] = [
  // CloudWatch Logs events
  {
    lines: (v, time) => {
      const events = asObject(v)?.events;
      return events !== undefined
        ? each(events, (e) => cloudwatchEvent(e, time))
        : each([v], (e) => cloudwatchEvent(e, time));
    },
    probe: holds(['events'], ['ingestionTime', 'eventId', 'logStreamName'], ['message']),
  },
  // CloudWatch Logs Insights results
  {
    lines: (v) => each(asObject(v)?.results, insightsRow),
    probe: holds(['results'], ['field'], ['@message']),
  },
  // Google Cloud Logging entries
  {
    lines: (v, time) => {
      const entries = asObject(v)?.entries;
      return each(Array.isArray(entries) ? entries : [v], (e) => gcpEntry(e, time));
    },
    probe: holds(['insertId', 'logName'], ['textPayload', 'jsonPayload', 'protoPayload']),
  },
  // Elasticsearch/OpenSearch hits
  {
    lines: (v, time) => each(asObject(asObject(v)?.hits)?.hits, (h) => searchHit(h, time)),
    probe: holds(['hits'], ['_source'], ['_index', '_id']),
  },
  // Datadog logs
  {
    lines: (v, time) => {
      const o = asObject(v);
      return each(o?.data ?? o?.logs, (l) => datadogLog(l, time));
    },
    probe: holds(
      ['data', 'logs'],
      ['attributes', 'content'],
      ['status'],
      ['service'],
      ['message'],
      ['timestamp'],
    ),
  },
  // Splunk results
  {
    lines: (v, time) => {
      const o = asObject(v);
      if (o && 'result' in o) return each([o.result], (r) => splunkResult(r, time));
      return each(o?.results ?? splunkRows(o), (r) => splunkResult(r, time));
    },
    probe: holds(['_raw'], ['_time']),
  },
  // Loki streams
  {
    lines: (v, time) => lokiStreams(v, time) ?? each([v], (l) => logcliLine(l, time)),
    probe: (head) => head.includes('"streams"') || holds(['labels'], ['line'], ['timestamp'])(head),
  },
];

/** The records of one JSON value, by the first shape it is of; null when it is of none. */
function recordsOf(value: unknown, time: TimeContext): Records {
  for (const shape of SHAPES) {
    const lines = shape.lines(value, time);
    if (lines) return lines;
  }
  return null;
}

/**
 * True when a file's first values are records of a saved result; or, when its sample holds no whole
 * value (a long document cut short), when its head holds a shape's keys.
 */
function isExport(sample: string, values: unknown[]): boolean {
  if (values.length) return values.some((v) => recordsOf(v, UTC)?.some((l) => l !== null));
  const head = sample.trimStart();
  return (head.startsWith('{') || head.startsWith('[')) && SHAPES.some((s) => s.probe(head));
}

const NOT_A_RECORD = 'not a log record of a saved query result';

/**
 * Reads every record of a file's values into masked groups, and the changes audit records tell into
 * entries; what cannot be read is skipped with its line.
 */
function groupRecords(payloads: Payload[], ctx: ReadContext, file: string, fallbackService: string) {
  const groups = maskedGroups();
  const changes: RawEvent[] = [];
  const read = lineMessageReader();
  for (const payload of payloads) {
    const lines = recordsOf(payload.value, ctx.time);
    if (!lines) {
      ctx.skip(payload.line, NOT_A_RECORD);
      continue;
    }
    for (const record of lines) {
      if (!record) {
        ctx.skip(payload.line, NOT_A_RECORD);
        continue;
      }
      const line = record.needle ? payload.locate(JSON.stringify(record.needle)) : payload.line;
      if (record.ts === null) {
        ctx.skip(line, 'no readable time');
        continue;
      }
      if (record.change) {
        const { summary, service, attrs } = record.change;
        // A write that failed changed nothing: a note that says so.
        const kind = attrs.failed ? 'note' : 'change';
        changes.push({ ts: record.ts, kind, summary, service, attrs, source: { file, line } });
        continue;
      }
      const m: LineMessage = read(record.text);
      const level = levelFromValue(record.level) ?? m.level;
      groups.add(record.service ?? m.service ?? fallbackService, level, m.message, record.ts, line);
    }
  }
  return { groups, changes };
}

/**
 * Saved results of a log query: CloudWatch Logs (`aws logs filter-log-events`, `get-log-events`,
 * Logs Insights `get-query-results`), Google Cloud Logging (`gcloud logging read --format=json`, a
 * sink's JSON lines), Elasticsearch/OpenSearch `_search` answers, Datadog's logs API, Splunk's
 * JSON export, Loki (`logcli --output=jsonl`, `query_range` answers). Mined into templates.
 */
export const logExports: Source = {
  name: 'log-exports',
  aliases: [
    'cloudwatch-logs',
    'gcp-logging',
    'stackdriver',
    'elasticsearch',
    'opensearch',
    'datadog-logs',
    'splunk',
    'loki',
  ],
  title:
    'Saved log query results: CloudWatch Logs and Logs Insights, Google Cloud Logging, Elasticsearch/OpenSearch _search, Datadog, Splunk, Loki (mined into templates)',
  example:
    'aws logs filter-log-events --log-group-name /aws/lambda/checkout --start-time … > logs/checkout.json; gcloud logging read … --format=json > logs/gke.json',
  detect: (input) => !input.isDirectory && isExport(input.sample, samplePayloads(input)),
  async *read(input, ctx) {
    const payloads = await readPayloads(input, ctx);
    const service = ctx.spec?.service ?? serviceFromFileName(input.name);
    const { groups, changes } = groupRecords(payloads, ctx, input.name, service);
    ctx.addLogTemplates(mineGroups([...groups.groups()], { file: input.name }));
    yield* changes;
  },
};
