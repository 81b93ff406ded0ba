// Tools export one JSON document, an array of them, or one per line; every JSON source reads
// through here so that truncation and bad lines are reported the same way everywhere.
import type { Input } from '../bundle/index.js';
import type { ReadContext } from '../model/index.js';
import { documentOf } from './read-text.js';

/** One JSON value found in a file, with the 1-based line it starts on. */
export interface Payload {
  value: unknown;
  line: number;
  /** Line of the next occurrence of `needle` inside this value (successive calls move on), else the value's line. */
  locate(needle: string): number;
}

export interface ParsedPayloads {
  payloads: Payload[];
  problems: { line: number | null; message: string }[];
}

type Span = { start: number; end: number };

/**
 * Offsets of the top-level values, and of the items of top-level arrays; `end` -1 = cut off.
 * One pass as one state machine: split up, its string/depth state would have to travel along.
 */
function scan(text: string): { values: (Span & { array: boolean })[]; items: Span[][] } {
  const values: (Span & { array: boolean })[] = [];
  const items: Span[][] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let itemStart = -1;
  const inArray = () => depth === 1 && values[values.length - 1]?.array;
  const openItem = (i: number) => {
    if (inArray() && itemStart < 0) itemStart = i;
  };
  const closeItem = (i: number) => {
    if (itemStart >= 0) items[items.length - 1].push({ start: itemStart, end: i });
    itemStart = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      openItem(i);
      inString = true;
    } else if (c === '{' || c === '[') {
      if (depth === 0) {
        values.push({ start: i, end: -1, array: c === '[' });
        items.push([]);
      } else openItem(i);
      depth++;
    } else if (c === '}' || c === ']') {
      if (depth === 1 && inArray()) closeItem(i);
      depth = Math.max(0, depth - 1);
      if (depth === 0 && values.length) values[values.length - 1].end = i + 1;
    } else if (c === ',' && inArray()) closeItem(i);
    else if (c > ' ') openItem(i);
  }
  if (itemStart >= 0) items[items.length - 1].push({ start: itemStart, end: -1 });
  return { values, items };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function parseLines(text: string, limit: number): ParsedPayloads {
  const out: ParsedPayloads = { payloads: [], problems: [] };
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim() || out.payloads.length >= limit) return;
    try {
      const value = JSON.parse(raw);
      for (const v of Array.isArray(value) ? value : [value])
        out.payloads.push({ value: v, line: i + 1, locate: () => i + 1 });
    } catch {
      out.problems.push({ line: i + 1, message: 'not valid JSON' });
    }
  });
  return out;
}

/**
 * Every JSON value in a text: a document, the items of a top-level array, or one per line.
 * A cut-off text keeps the complete items before the cut and reports the rest.
 * @example parsePayloads('[{"a":1},{"b":').payloads // [{ value: { a: 1 }, line: 1 }]
 */
export function parsePayloads(source: string, { limit = Number.POSITIVE_INFINITY } = {}): ParsedPayloads {
  const text = source.replace(/^\uFEFF/, '');
  if (!text.trim()) return { payloads: [], problems: [{ line: null, message: 'empty file' }] };
  const whole = parseWhole(text, limit);
  if (!whole.problems.length) return whole;
  // A damaged line breaks the reading as one text, not the reading line by line: keep what reads more.
  const lines = parseLines(text, limit);
  const score = (p: ParsedPayloads) => p.payloads.length * 2 - p.problems.length;
  return score(lines) > score(whole) ? lines : whole;
}

function parseWhole(text: string, limit: number): ParsedPayloads {
  const out: ParsedPayloads = { payloads: [], problems: [] };
  const starts = lineStarts(text);
  const { values, items } = scan(text);
  const take = (span: Span, what: string) => {
    const line = lineAt(starts, span.start);
    if (span.end < 0)
      return out.problems.push({ line, message: `truncated JSON: the file ends inside this ${what}` });
    let cursor = span.start;
    const locate = (needle: string) => {
      const at = text.indexOf(needle, cursor);
      if (at < 0 || at >= span.end) return line;
      cursor = at + needle.length;
      return lineAt(starts, at);
    };
    try {
      out.payloads.push({ value: JSON.parse(text.slice(span.start, span.end)), line, locate });
    } catch (error) {
      out.problems.push({ line, message: `not valid JSON: ${(error as Error).message}` });
    }
  };
  if (!values.length)
    return { payloads: [], problems: [{ line: 1, message: 'not JSON: no object or array found' }] };
  values.forEach((value, i) => {
    if (value.array) for (const item of items[i].slice(0, limit)) take(item, 'item');
    else take(value, 'object');
  });
  return out;
}

/** The first few complete JSON values of a file's sample, for cheap detection. */
export function samplePayloads(input: Input, limit = 3): unknown[] {
  if (input.isDirectory) return [];
  const head = input.sample.trimStart()[0];
  if (head !== '{' && head !== '[') return [];
  return parsePayloads(input.sample, { limit })
    .payloads.slice(0, limit)
    .map((p) => p.value);
}

/** Reads an input's JSON values; what cannot be read goes to `ctx.skip`. */
export async function readPayloads(input: Input, ctx: ReadContext): Promise<Payload[]> {
  if (input.isDirectory) {
    ctx.skip(null, 'a folder, not a JSON file: name a file');
    return [];
  }
  const { payloads, problems } = parsePayloads(await documentOf(input.path, ctx));
  for (const p of problems) ctx.skip(p.line, p.message);
  return payloads;
}

/** A plain JSON object, or null. */
export const asObject = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** The object a JSON text holds (a message or record carried as a string), or null. */
export function parseJsonObject(text: unknown): Record<string, unknown> | null {
  if (typeof text !== 'string') return null;
  try {
    return asObject(JSON.parse(text));
  } catch {
    return null;
  }
}

/** A non-empty string, or undefined. */
export const asText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim()
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;
