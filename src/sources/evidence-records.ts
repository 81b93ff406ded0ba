// The guarded-deploy evidence (health checks, deploy history, watch states) comes as JSON Lines
// or as CSV with the same field names: one reader hands both over as flat records with their line.
import type { Input } from '../bundle/index.js';
import type { ReadContext } from '../model/index.js';
import { csvRecords } from './csv-records.js';
import { linesOf } from './read-text.js';

export type EvidenceRecord = Record<string, unknown>;

const firstLine = (sample: string) =>
  sample
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? '';

/** The lines of a CSV header or row, split on commas outside quotes (enough for a sample's first rows). */
const cells = (line: string) => line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));

/**
 * The first record of a sample and its field names, for detection: a JSON object on the first
 * line, or a CSV header with its first row.
 */
export function firstRecord(input: Input): { shape: 'lines' | 'csv'; record: EvidenceRecord } | null {
  if (input.isDirectory) return null;
  const lines = input.sample.split('\n').filter((l) => l.trim());
  const head = firstLine(input.sample);
  if (head.startsWith('{')) {
    try {
      const record = JSON.parse(head);
      return record && typeof record === 'object' && !Array.isArray(record)
        ? { shape: 'lines', record }
        : null;
    } catch {
      return null;
    }
  }
  if (!head.includes(',')) return null;
  const header = cells(head);
  const row = lines[1] ? cells(lines[1]) : [];
  return { shape: 'csv', record: Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])) };
}

/**
 * The records of a JSON Lines or CSV file, each with the line it starts on; a line that is not a
 * JSON object is skipped with its line.
 * @example for await (const { record, line } of evidenceRecords(input, ctx)) use(record)
 */
export async function* evidenceRecords(
  input: Input,
  ctx: Pick<ReadContext, 'skip'>,
): AsyncIterable<{ record: EvidenceRecord; line: number }> {
  if (firstRecord(input)?.shape === 'csv') {
    yield* csvRecords(linesOf(input, ctx), ctx);
    return;
  }
  for await (const line of linesOf(input, ctx)) {
    if (!line.text.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(line.text);
    } catch {
      ctx.skip(line.number, 'not valid JSON');
      continue;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record))
      ctx.skip(line.number, 'not a JSON object');
    else yield { record: record as EvidenceRecord, line: line.number };
  }
}

/** A field as text, or undefined when absent or empty. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** A finite number from a JSON number or a CSV cell, else null. */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !value.trim()) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A yes/no from a JSON boolean or a CSV cell (`true`, `false`, `1`, `0`, `yes`, `no`), else null. */
export function booleanOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const text =
    typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : '';
  if (['true', '1', 'yes', 'ok', 'pass', 'passed'].includes(text)) return true;
  if (['false', '0', 'no', 'fail', 'failed'].includes(text)) return false;
  return null;
}

/** A field by any of its spellings (`latencyMs`, `latency_ms`), case aside. */
export function field(record: EvidenceRecord, ...names: string[]): unknown {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const key = Object.keys(record).find((k) => wanted.has(k.trim().toLowerCase()));
  return key === undefined ? undefined : record[key];
}
