// CSV read record by record, so that one bad row (a stray or unclosed quote) costs that row and
// is reported with its line, instead of ending the reading of the whole file.
import { parse } from 'csv-parse/sync';
import type { Line } from '../bundle/index.js';
import type { ReadContext } from '../model/index.js';

/** Lines one quoted cell may span; an unclosed quote is given up on after this many. */
const MAX_RECORD_LINES = 100;

/** True when a line, entered inside a quoted cell or not, ends inside one. */
function endsInQuotes(text: string, inQuotes: boolean): boolean {
  let quoted = inQuotes;
  let fieldStart = !inQuotes;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== 34) continue;
      if (text.charCodeAt(i + 1) === 34) i++;
      else quoted = false;
    } else if (c === 44) fieldStart = true;
    else if (c === 34 && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c !== 32 && c !== 9) fieldStart = false;
  }
  return quoted;
}

const OPTIONS = { relax_quotes: true, relax_column_count: true, trim: true, bom: true } as const;

export interface CsvRecord {
  record: Record<string, string>;
  /** Line the record starts on. */
  line: number;
}

/**
 * The records of a CSV, keyed by its header row; a row that cannot be read is skipped with its line.
 * @example for await (const { record, line } of csvRecords(linesOf(input, ctx), ctx)) use(record)
 */
export async function* csvRecords(
  lines: AsyncIterable<Line>,
  ctx: Pick<ReadContext, 'skip'>,
): AsyncIterable<CsvRecord> {
  let header: string[] | null = null;
  let pending: Line[] = [];
  let inQuotes = false;

  /** Parses the pending lines as one record; on failure skips the first line and reads the rest again. */
  function* settle(force: boolean): Generator<CsvRecord> {
    while (pending.length && (force || !inQuotes)) {
      const first = pending[0];
      let rows: string[][] | null = null;
      let reason = 'unclosed quote';
      if (!inQuotes) {
        try {
          rows = parse(pending.map((l) => l.text).join('\n'), OPTIONS) as string[][];
        } catch (error) {
          reason = `CSV: ${(error as Error).message.replace(/ at line \d+$/, '')}`;
        }
      }
      if (rows) {
        pending = [];
        for (const row of rows) {
          if (!row.some((cell) => cell !== '')) continue;
          if (!header) header = row;
          else yield { record: toRecord(header, row), line: first.number };
        }
        return;
      }
      ctx.skip(first.number, reason);
      const rest = pending.slice(1);
      pending = [];
      inQuotes = false;
      for (const line of rest) {
        pending.push(line);
        inQuotes = endsInQuotes(line.text, inQuotes);
        if (!inQuotes) yield* settle(false);
      }
      if (!force) return;
    }
  }

  for await (const line of lines) {
    if (!pending.length && !line.text.trim()) continue;
    pending.push(line);
    inQuotes = endsInQuotes(line.text, inQuotes);
    if (!inQuotes || pending.length >= MAX_RECORD_LINES) yield* settle(pending.length >= MAX_RECORD_LINES);
  }
  yield* settle(true);
}

function toRecord(header: string[], row: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  header.forEach((name, i) => {
    if (row[i] !== undefined) record[name] = row[i];
  });
  return record;
}
