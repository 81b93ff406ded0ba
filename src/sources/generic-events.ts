import type { Input } from '../bundle/index.js';
import { InputError } from '../errors.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { csvRecords } from './csv-records.js';
import { looksLikeEventRecord, recordToEvent } from './fields.js';
import { documentOf, linesOf } from './read-text.js';

const firstLine = (sample: string) => sample.split('\n').find((l) => l.trim()) ?? '';

function shape(input: Input): 'array' | 'lines' | 'csv' | null {
  if (input.isDirectory) return null;
  const text = input.sample.trimStart();
  if (text.startsWith('[')) {
    const keys = [...text.slice(0, 4000).matchAll(/"([^"]+)"\s*:/g)].map((m) => m[1]);
    return looksLikeEventRecord(keys) ? 'array' : null;
  }
  const line = firstLine(text);
  if (line.startsWith('{')) {
    try {
      const first = JSON.parse(line);
      return first && typeof first === 'object' && looksLikeEventRecord(Object.keys(first)) ? 'lines' : null;
    } catch {
      return null;
    }
  }
  const header = line.split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  return header.length >= 2 && looksLikeEventRecord(header) ? 'csv' : null;
}

async function* readArray(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  let records: unknown;
  try {
    records = JSON.parse(await documentOf(input.path, ctx));
  } catch (error) {
    ctx.skip(null, `not valid JSON: ${(error as Error).message}`);
    return;
  }
  if (!Array.isArray(records)) return ctx.skip(1, 'expected a JSON array of events');
  for (const [i, record] of records.entries()) {
    if (!record || typeof record !== 'object') {
      ctx.skip(null, `item ${i}: not an object`);
      continue;
    }
    const r = recordToEvent(record as Record<string, unknown>, ctx.time);
    if (r.ok)
      yield { ...r.event, source: { file: input.name, line: null }, attrs: { ...r.event.attrs, index: i } };
    else ctx.skip(null, `item ${i}: ${r.reason}`);
  }
}

async function* readJsonLines(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  for await (const line of linesOf(input, ctx)) {
    if (!line.text.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(line.text);
    } catch {
      ctx.skip(line.number, 'not valid JSON');
      continue;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      ctx.skip(line.number, 'not a JSON object');
      continue;
    }
    const r = recordToEvent(record as Record<string, unknown>, ctx.time);
    if (r.ok) yield { ...r.event, source: { file: input.name, line: line.number } };
    else ctx.skip(line.number, r.reason);
  }
}

async function* readCsv(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  for await (const { record, line } of csvRecords(linesOf(input, ctx), ctx)) {
    const r = recordToEvent(record, ctx.time);
    if (r.ok) yield { ...r.event, source: { file: input.name, line } };
    else ctx.skip(line, r.reason);
  }
}

/** Events as JSON Lines, a JSON array or CSV with `ts, kind, service, ref, summary` (+ attributes). */
export const genericEvents: Source = {
  name: 'events',
  title:
    'Generic events: JSON Lines, JSON array or CSV with ts, kind, service, ref, summary (+ extra columns)',
  example: "echo 'ts,kind,service,ref,summary' > events.csv   # one row per deploy, alert, action…",
  detect: (input) => shape(input) !== null,
  read(input, ctx) {
    if (input.isDirectory)
      throw new InputError(
        'NOT_EVENTS',
        input.name,
        'a folder cannot be read as generic events: name a file',
      );
    const s = shape(input);
    return s === 'array'
      ? readArray(input, ctx)
      : s === 'lines'
        ? readJsonLines(input, ctx)
        : readCsv(input, ctx);
  },
};
