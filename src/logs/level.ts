import type { LogTemplate } from '../model/index.js';

export type Level = LogTemplate['level'];

/** Severity order, most severe first; a template keeps the most severe level it was seen at. */
export const LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'unknown'];
export const levelRank = (level: Level) => LEVELS.indexOf(level);
export const moreSevere = (a: Level, b: Level): Level => (levelRank(a) <= levelRank(b) ? a : b);

const WORDS: Record<string, Level> = {
  fatal: 'fatal',
  panic: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  alert: 'fatal',
  crit: 'fatal',
  critical: 'fatal',
  error: 'error',
  err: 'error',
  severe: 'error',
  e: 'error',
  eror: 'error',
  warn: 'warn',
  warning: 'warn',
  w: 'warn',
  wrn: 'warn',
  info: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  i: 'info',
  inf: 'info',
  debug: 'debug',
  d: 'debug',
  dbg: 'debug',
  fine: 'debug',
  config: 'debug',
  trace: 'trace',
  t: 'trace',
  finer: 'trace',
  finest: 'trace',
  verbose: 'trace',
  v: 'trace',
};

/** A level written as a word (`ERROR`, `warning`, `E`), or null when the word is not one. */
export function levelFromWord(word: string): Level | null {
  return WORDS[word.toLowerCase()] ?? null;
}

/** pino/bunyan numeric levels (10 trace … 60 fatal); syslog severities 0–7 when `syslog` is set. */
export function levelFromNumber(n: number, { syslog = false }: { syslog?: boolean } = {}): Level {
  if (syslog || n < 10)
    return n <= 2 ? 'fatal' : n === 3 ? 'error' : n === 4 ? 'warn' : n <= 6 ? 'info' : 'debug';
  if (n >= 60) return 'fatal';
  if (n >= 50) return 'error';
  if (n >= 40) return 'warn';
  if (n >= 30) return 'info';
  return n >= 20 ? 'debug' : 'trace';
}

/**
 * A level from a JSON field value: a number, a word, a word with decoration (`DEBUG5`), or a
 * syslog severity written as one digit from 0 to 7 (journald's `PRIORITY` is `"3"`).
 */
export function levelFromValue(value: unknown): Level | null {
  if (typeof value === 'number') return levelFromNumber(value);
  if (typeof value !== 'string') return null;
  if (value.length === 1 && value >= '0' && value <= '7')
    return levelFromNumber(Number(value), { syslog: true });
  return levelFromWord(value) ?? levelFromWord(value.replace(/[^a-z]/gi, ''));
}

const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

// Level words keyed by their letters lower-cased, packed base 27 (exact up to 11 letters): no
// substring or lower-casing per line.
const packed = (s: string) => {
  let key = 0;
  for (let i = 0; i < s.length; i++) key = key * 27 + ((s.charCodeAt(i) | 32) - 96);
  return key;
};
const PACKED = new Map<number, Level>(
  Object.entries(WORDS)
    .filter(([word]) => word.length <= 11)
    .map(([word, level]) => [packed(word), level]),
);
const isUpper = (src: Uint8Array, from: number, to: number) => {
  for (let i = from; i < to; i++) if (src[i] > 90) return false;
  return true;
};
const isSeparator = (c: number) => c === 44 || c === 59 || c === 124 || c === 9;
/** Between tokens: a space, or a tab (AWS Lambda's `<time>\t<request id>\tERROR\t…`). */
const isGap = (c: number) => c === 32 || c === 9;

const found = { level: 'unknown' as Level, end: 0 };

/**
 * `scanLevel` over the UTF-8 bytes of a line that starts at `lineStart` and ends at `end`, from
 * `from`; `end` of the answer is a byte offset. Level words are ASCII, so the bytes give the
 * answer the decoded line gives.
 */
export function scanLevelBytes(
  src: Uint8Array,
  lineStart: number,
  from: number,
  end: number,
  tokens = 4,
): typeof found | null {
  const n = end;
  let i = from;
  // Every token before this one was a number (a pid, a thread id): Android's `1702  2395 D Tag:`.
  let numbersOnly = true;
  while (i < n && (src[i] === 32 || isSeparator(src[i]))) i++;
  for (let seen = 0; seen < tokens && i < n; seen++) {
    const tokenStart = i;
    while (i < n && !isLetter(src[i]) && !isGap(src[i])) i++;
    const start = i;
    // The letters, packed as they are read (see PACKED).
    let key = 0;
    for (; i < n; i++) {
      const c = src[i] | 32;
      if (c < 97 || c > 122) break;
      key = key * 27 + c - 96;
    }
    const length = i - start;
    if (length > 0) {
      const before = start > lineStart ? src[start - 1] : -1;
      const after = i < n ? src[i] : -1;
      const bracketed =
        (before === 91 || before === 60 || before === 40) && (after === 93 || after === 62 || after === 41);
      if ((length >= 3 && length <= 13) || (length === 1 && (bracketed || (numbersOnly && seen > 0)))) {
        const level =
          length <= 11
            ? PACKED.get(key)
            : WORDS[
                Buffer.from(src.buffer, src.byteOffset + start, length)
                  .toString('latin1')
                  .toLowerCase()
              ];
        if (
          level &&
          (bracketed ||
            seen === 0 ||
            after === 58 ||
            (length === 1 ? start === tokenStart && after === 32 && before === 32 : isUpper(src, start, i)))
        ) {
          found.level = level;
          found.end = bracketed ? i + 1 : i;
          return found;
        }
      }
      numbersOnly = false;
    } else if (numbersOnly) {
      for (let k = tokenStart; k < start; k++) {
        const c = src[k];
        if (c < 48 || c > 57) numbersOnly = false;
      }
    }
    while (i < n && !isGap(src[i])) i++;
    while (i < n && isGap(src[i])) i++;
  }
  return null;
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(1024);

/**
 * The level word among the first `tokens` tokens of a plain-text line from `from`, or null; `end`
 * of the returned object (shared between calls: read it at once) is just past the word. See
 * {@link findLevel} for what counts as a level word.
 */
export function scanLevel(line: string, from: number, tokens = 4): typeof found | null {
  if (scratch.length < line.length * 3) scratch = new Uint8Array(line.length * 3 + 1024);
  const { written } = encoder.encodeInto(line, scratch);
  if (written === line.length) return scanLevelBytes(scratch, 0, from, written, tokens);
  // Beyond ASCII, character offsets and byte offsets part: convert both ways.
  const hit = scanLevelBytes(scratch, 0, Buffer.byteLength(line.slice(0, from)), written, tokens);
  if (hit) hit.end = Buffer.from(scratch.buffer, 0, hit.end).toString('utf8').length;
  return hit;
}

/**
 * Finds a level word among the first tokens of a plain-text line (`INFO`, `[error]`, `:WARN:`,
 * `<E>`, or any case as the first token after the stamp); one-letter levels only count in
 * brackets or after numbers alone (Android's `1702  2395 D WindowManager:`). Sets `end` past the word.
 * @example findLevel('[error] 54053#0: *1 open()', 0, { tokens: 4 }) // { level: 'error', end: 7 }
 */
export function findLevel(
  line: string,
  from: number,
  { tokens = 4 }: { tokens?: number } = {},
): { level: Level; end: number } | null {
  const hit = scanLevel(line, from, tokens);
  return hit && { level: hit.level, end: hit.end };
}
