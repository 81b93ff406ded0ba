// OpenTelemetry log records as the collector's file exporter writes them (OTLP JSON): one batch a
// line, many records in it.
import { epochFromDigits, epochToMs } from './json-record.js';
import { type Level, levelFromValue } from './level.js';
import type { LogRecord, RecordReader } from './log-record.js';

type Json = Record<string, unknown>;

const object = (value: unknown): Json | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** OTLP's severity numbers: 1–4 trace, 5–8 debug, 9–12 info, 13–16 warn, 17–20 error, 21–24 fatal. */
const SEVERITY: readonly Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** A record's level: its severity number, else its severity text, else unknown. */
function levelOf(record: Json): Level {
  const n = record.severityNumber;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 24) return SEVERITY[(n - 1) >> 2];
  return levelFromValue(record.severityText) ?? 'unknown';
}

/** A time in nanoseconds, as OTLP JSON writes it (a string of digits, or a number); NaN when unset. */
function nanosToMs(value: unknown): number {
  if (typeof value === 'number') return value > 0 ? epochToMs(value) : Number.NaN;
  if (typeof value !== 'string' || value === '0') return Number.NaN;
  return epochFromDigits(value) ?? Number.NaN;
}

/** An AnyValue as text: a string as it is, a number or boolean written out, anything else as JSON. */
function textOf(value: unknown): string {
  const any = object(value);
  if (!any) return '';
  if (typeof any.stringValue === 'string') return any.stringValue;
  for (const key of ['intValue', 'doubleValue', 'boolValue'])
    if (any[key] !== undefined && any[key] !== null) return String(any[key]);
  const rest = Object.values(any)[0];
  return rest === undefined ? '' : JSON.stringify(rest);
}

/** The `service.name` among a resource's attributes, or null. */
function serviceOf(resource: unknown): string | null {
  for (const attribute of list(object(resource)?.attributes)) {
    const a = object(attribute);
    if (a?.key === 'service.name') return textOf(a.value) || null;
  }
  return null;
}

/**
 * Reads OpenTelemetry collector file-exporter lines (`{"resourceLogs":[…]}`): each of a line's
 * records (`scopeLogs[].logRecords[]`) in turn, the first from the line and the rest from `next`.
 * The time is `timeUnixNano`, else `observedTimeUnixNano`; the level the severity number, else its
 * text; the message the body; the service the resource's `service.name`. `example` gives the
 * record's own JSON, not the whole batch.
 * @example otelRecordReader()('{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1700000000000000000","body":{"stringValue":"up"}}]}]}]}', record)
 */
export function otelRecordReader(): RecordReader {
  /** The records of the line last read, each with its resource's service, and the next one's index. */
  let records: Json[] = [];
  let services: (string | null)[] = [];
  let at = 0;

  const fill = (out: LogRecord): string | null => {
    const record = records[at];
    const service = services[at];
    at++;
    out.ts = nanosToMs(record.timeUnixNano);
    if (Number.isNaN(out.ts)) out.ts = nanosToMs(record.observedTimeUnixNano);
    if (Number.isNaN(out.ts)) return 'no readable time';
    out.level = levelOf(record);
    out.message = textOf(record.body);
    out.messageAt = -1;
    out.service = service;
    return null;
  };

  const readLine = (line: string, out: LogRecord): string | null => {
    records = [];
    services = [];
    at = 0;
    let batch: Json | null;
    try {
      batch = object(JSON.parse(line));
    } catch {
      return line.charCodeAt(0) === 123 ? 'truncated or invalid JSON' : 'not a JSON line';
    }
    if (!batch || !Array.isArray(batch.resourceLogs)) return 'not an OpenTelemetry resourceLogs batch';
    for (const resourceLogs of batch.resourceLogs) {
      const service = serviceOf(object(resourceLogs)?.resource);
      for (const scopeLogs of list(object(resourceLogs)?.scopeLogs))
        for (const record of list(object(scopeLogs)?.logRecords)) {
          const r = object(record);
          if (r) {
            records.push(r);
            services.push(service);
          }
        }
    }
    return records.length ? fill(out) : 'no log records in the batch';
  };

  const next = (out: LogRecord): string | null | undefined => (at < records.length ? fill(out) : undefined);
  const example = () => JSON.stringify(records[at - 1] ?? null);
  return Object.assign(readLine, { next, example });
}

/** True when a line is an OpenTelemetry collector file-exporter batch of logs. */
export function isOtelLogLine(line: string): boolean {
  if (!line.startsWith('{"resourceLogs"') && !/^\{\s{0,8}"resourceLogs"/.test(line)) return false;
  try {
    return Array.isArray(object(JSON.parse(line))?.resourceLogs);
  } catch {
    return false;
  }
}
