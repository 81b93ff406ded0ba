import type { RawEvent } from '../model/index.js';
import { EventKind } from '../model/index.js';
import { parseTime, type TimeContext } from '../time/index.js';

/** Column and key names that generic event records use for each field, first match wins. */
export const FIELD_NAMES = {
  ts: ['ts', 'timestamp', 'time', '@timestamp', 'date', 'datetime', 'at', 'when'],
  kind: ['kind', 'type', 'event_type', 'category'],
  service: ['service', 'app', 'application', 'component', 'system'],
  ref: ['ref', 'id', 'key', 'event_id'],
  summary: ['summary', 'message', 'text', 'description', 'event', 'title', 'msg'],
} as const;

const lower = (k: string) => k.trim().toLowerCase();
export const pick = (keys: string[], names: readonly string[]) =>
  names.map((n) => keys.find((k) => lower(k) === n)).find(Boolean);

const KIND_ALIASES: Record<string, EventKind> = {
  deploy: 'change',
  deployment: 'change',
  config: 'change',
  release: 'change',
  migration: 'change',
  revert: 'rollback',
  resolved: 'alert_resolved',
  alert_resolve: 'alert_resolved',
  acknowledge: 'ack',
  acknowledged: 'ack',
  message: 'chat',
  slack: 'chat',
  comment: 'note',
  incident: 'ticket',
  healthcheck: 'health',
};

/** A kind as records write it (`deploy`, `CHANGE`, `alert_resolved`), or undefined to classify from text. */
export function readKind(value: unknown): EventKind | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const parsed = EventKind.safeParse(v);
  return parsed.success ? parsed.data : KIND_ALIASES[v];
}

export type RecordResult = { ok: true; event: Omit<RawEvent, 'source'> } | { ok: false; reason: string };

/** Turns one flat record (a JSON object or a CSV row) into a raw event; extra fields become attrs. */
export function recordToEvent(record: Record<string, unknown>, time: TimeContext): RecordResult {
  const keys = Object.keys(record);
  const tsKey = pick(keys, FIELD_NAMES.ts);
  if (!tsKey || record[tsKey] == null || record[tsKey] === '')
    return { ok: false, reason: 'no timestamp field' };
  const parsed = parseTime(String(record[tsKey]), time);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const used = new Set<string>([tsKey]);
  const take = (names: readonly string[]) => {
    const k = pick(keys, names);
    if (!k) return undefined;
    used.add(k);
    const v = record[k];
    return v == null || v === '' ? undefined : String(v);
  };
  const kindText = take(FIELD_NAMES.kind);
  const service = take(FIELD_NAMES.service);
  const ref = take(FIELD_NAMES.ref);
  const summary = take(FIELD_NAMES.summary);
  if (!summary && !kindText) return { ok: false, reason: 'record has neither a summary nor a kind' };
  const attrs: Record<string, unknown> = {};
  for (const k of keys)
    if (!used.has(k) && record[k] !== '' && record[k] != null) attrs[lower(k)] = record[k];
  return {
    ok: true,
    event: {
      ts: parsed.ms,
      kind: readKind(kindText),
      service: service ?? null,
      ref,
      summary: summary ?? kindText!,
      attrs,
    },
  };
}

/** True when a record's keys look like a generic event: a time and a summary or kind. */
export function looksLikeEventRecord(keys: string[]): boolean {
  return (
    Boolean(pick(keys, FIELD_NAMES.ts)) && Boolean(pick(keys, ['summary', 'kind', 'event', 'description']))
  );
}
