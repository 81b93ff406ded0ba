import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Input } from '../bundle/index.js';
import { InputError } from '../errors.js';
import type { LogTemplate, RawEvent, ReadContext } from '../model/index.js';
import { isPrintableTime } from '../time/index.js';
import { byteFinder } from './byte-finder.js';
import { type ByteRange, readLogLines } from './line-reader.js';
import { emptyRecord, type RecordReaderFactory } from './log-record.js';
import { type Miner, type MinerOptions, miner } from './miner.js';
import { ownCopy } from './own-copy.js';
import { logWorkers, mineInParallel } from './parallel-mine.js';
import { RECORD_READERS, type RecordReaderName } from './record-readers.js';
import { type TemplateTable, templateTable } from './template-table.js';

export interface MineLogOptions {
  miner?: MinerOptions;
  maxLineBytes?: number;
  /** Mines only this byte range of an uncompressed file; line numbers then count from its start. */
  range?: ByteRange;
}

/** What mining a file or a range of it gives: the templates, and the lines read and timed. */
export interface MinedLog {
  templates: LogTemplate[];
  lines: number;
  /** Lines with a time of their own: 0 means every line so far continued an earlier record. */
  timed: number;
}

const KUBELET_LINK = /^[^_/]{1,253}_[^_/]{1,63}_(.{1,63})-[0-9a-f]{64}\.log$/;
const ROTATION_FILE = /^\d{1,6}\.log(?:\.\d{8}-\d{6})?(?:\.gz)?$/;

/**
 * `checkout-2024-05-01.log.gz` → `checkout`: the file's name without dates, numbers and extensions;
 * for the kubelet's container logs, the container's name.
 */
export function serviceFromFileName(name: string): string {
  const file = basename(name);
  // The kubelet's links, `/var/log/containers/<pod>_<namespace>_<container>-<container id>.log`.
  const link = KUBELET_LINK.exec(file);
  if (link) return link[1];
  // Its files, `/var/log/pods/<namespace>_<pod>_<uid>/<container>/0.log` (rotated `0.log.20240305-…`).
  const parent = basename(dirname(name));
  if (ROTATION_FILE.test(file) && parent && parent !== '.') return parent;
  const stem = basename(name).replace(/(\.(gz|log|jsonl?|ndjson|txt|out|\d+))+$/i, '');
  return stem.replace(/[-_.]?\d{4}-?\d{2}-?\d{2}.*$/, '').replace(/[-_.]+$/, '') || stem || name;
}

/**
 * Streams one log file through a record reader and a template miner per service; returns the
 * templates with their counts. Bad lines go to `ctx.skip`; lines without their own time
 * (stack traces) continue the previous record and are not mined.
 */
export async function mineLog(
  input: Input,
  ctx: ReadContext,
  readerFor: RecordReaderFactory,
  options: MineLogOptions = {},
): Promise<LogTemplate[]> {
  return (await mineRange(input, ctx, readerFor, options)).templates;
}

/** `mineLog` over the whole file or one byte range of it, with the counts a caller merging ranges needs. */
export async function mineRange(
  input: Pick<Input, 'name' | 'path'>,
  ctx: Pick<ReadContext, 'skip' | 'time' | 'spec'>,
  readerFor: RecordReaderFactory,
  { miner: minerOptions = {}, maxLineBytes = 1 << 20, range }: MineLogOptions = {},
): Promise<MinedLog> {
  const readRecord = readerFor({ zone: ctx.time.zone, date: ctx.time.date ?? null });
  const record = emptyRecord();
  const fallbackService = ctx.spec?.service ?? serviceFromFileName(input.name);
  const services = new Map<string, { service: string; miner: Miner; table: TemplateTable }>();
  let timed = 0;

  // One miner per service and level: the same words at error and at info are different news.
  let last = {
    service: '',
    level: '',
    state: null as { service: string; miner: Miner; table: TemplateTable } | null,
  };
  const stateFor = (service: string, level: string) => {
    if (last.state && last.service === service && last.level === level) return last.state;
    const key = `${service}\u0000${level}`;
    let state = services.get(key);
    if (!state) {
      state = { service: ownCopy(service), miner: miner(minerOptions), table: templateTable() };
      services.set(ownCopy(key), state);
    }
    last = { service, level, state };
    return state;
  };

  let exampleTable: TemplateTable | null = null;
  let exampleId = 0;
  // The ASCII block and bounds of the line being read, when there is one: a message that is the
  // rest of its line (`record.messageAt`) is then mined from the block's bytes as it lies.
  let asciiBlock: Buffer | null = null;
  let lineStart = 0;
  let lineEnd = 0;
  /** Files the record just read from a line; true when that line is now its template's earliest. */
  const file = (reason: string | null, number: number, offset: number): boolean => {
    if (reason) {
      ctx.skip(number, reason);
      return false;
    }
    if (Number.isNaN(record.ts)) {
      if (timed === 0) ctx.skip(number, 'no timestamp');
      return false;
    }
    if (!isPrintableTime(record.ts)) {
      ctx.skip(number, 'time out of range (before year 0 or after 9999)');
      return false;
    }
    timed++;
    const state = stateFor(record.service ?? fallbackService, record.level);
    exampleId =
      asciiBlock && record.messageAt >= 0
        ? state.miner.addBytes(asciiBlock, lineStart + record.messageAt, lineEnd)
        : state.miner.add(record.message);
    exampleTable = state.table;
    return state.table.add(exampleId, record.ts, record.level, number, offset);
  };

  // A line may hold several records (an OpenTelemetry batch): the reader then gives the rest through
  // `next`, and each record's own text as its example.
  const { next, example } = readRecord;
  const decoded = (text: string, number: number, offset: number) => {
    if (file(readRecord(text, record), number, offset))
      exampleTable?.keepExample(exampleId, example ? example() : text);
    if (next === undefined) return;
    for (let reason = next(record); reason !== undefined; reason = next(record))
      if (file(reason, number, offset)) exampleTable?.keepExample(exampleId, example ? example() : text);
  };
  const line = (text: string, number: number, offset: number) => {
    if (text.length === 0 || (text.length < 200 && !text.trim())) return;
    if (text.indexOf('\u0000') >= 0) return ctx.skip(number, 'binary data');
    decoded(text, number, offset);
  };
  // A line opening with a printable ASCII byte is not blank, and without a NUL byte not binary
  // either: a reader that reads bytes takes it as it lies in the block, and the line is decoded
  // only to be an example. Other lines, and every line for other readers, are decoded; where the
  // block is ASCII, a message's place in the line is its place in the block.
  const readBytes = readRecord.readBytes;
  const holdsNul = byteFinder(0);
  const bytes = (
    block: Buffer,
    start: number,
    end: number,
    number: number,
    offset: number,
    isAscii: boolean,
  ) => {
    asciiBlock = isAscii ? block : null;
    lineStart = start;
    lineEnd = end;
    const opening = block[start];
    if (readBytes && opening > 32 && opening < 127 && !holdsNul(block, start, end)) {
      if (file(readBytes(block, start, end, record, isAscii), number, offset))
        exampleTable?.keepExample(exampleId, block.toString('utf8', start, end));
    } else {
      const text = block.toString(isAscii ? 'latin1' : 'utf8', start, end);
      if (readBytes || opening <= 32 || opening >= 127 || holdsNul(block, start, end))
        line(text, number, offset);
      else decoded(text, number, offset);
    }
    asciiBlock = null;
  };

  const { lines } = await readLogLines(
    input.path,
    {
      line,
      bytes,
      overlong(number) {
        ctx.skip(number, `line longer than ${maxLineBytes} bytes`);
      },
    },
    { maxLineBytes, range },
  );
  const templates: LogTemplate[] = [];
  for (const state of services.values()) {
    templates.push(...state.table.toTemplates(state.service, input.name, state.miner.template));
  }
  return { templates, lines, timed };
}

/**
 * A Source's `read` for a log format: mines the file (a big one on worker threads) and hands the
 * templates over, yielding no events.
 */
export function mineInto(reader: RecordReaderName, options: MineLogOptions = {}) {
  return async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
    if (input.isDirectory)
      throw new InputError(
        'NOT_A_LOG_FILE',
        input.name,
        'a folder cannot be read as a log: name the log file',
      );
    const workers = logWorkers(input.path, (await stat(input.path)).size);
    ctx.addLogTemplates(
      workers > 1
        ? await mineInParallel(input, ctx, reader, workers, options)
        : await mineLog(input, ctx, RECORD_READERS[reader], options),
    );
    yield* [];
  };
}
