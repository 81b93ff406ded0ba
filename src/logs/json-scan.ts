// Reads only the wanted fields of a one-line JSON object, without building the object: a log line
// carries ten fields and a reader needs four, so skipping the rest beats JSON.parse.

/** What a found value is. Strings span their content, without the quotes. */
export const VALUE = {
  none: 0,
  string: 1,
  /** A string holding `\` escapes: decode it with `decodeString`. */
  escaped: 2,
  number: 3,
  object: 4,
  array: 5,
  true: 6,
  false: 7,
  null: 8,
} as const;

export type ValueKind = (typeof VALUE)[keyof typeof VALUE];

const QUOTE = 34;
const BACKSLASH = 92;
const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isNumberChar = (c: number) => isDigit(c) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;

/** The index of the quote closing the string whose content starts at `from`, or -1. */
function stringEnd(line: string, from: number): number {
  let quote = line.indexOf('"', from);
  while (quote > 0) {
    let slashes = 0;
    while (line.charCodeAt(quote - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote;
    quote = line.indexOf('"', quote + 1);
  }
  return -1;
}

/** The index just past the object or array opening at `from` (strings inside skipped), or -1. */
function nestedEnd(line: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < to; i++) {
        const d = line.charCodeAt(i);
        if (d === QUOTE) break;
        if (d === BACKSLASH) i++;
      }
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * A scanner for a fixed list of keys. `scan` walks one object's top level, noting each wanted
 * key's value as a span of the line (the last one wins, as in JSON.parse) and skipping all other
 * values. It answers false for anything it does not settle on its own (not an object, truncated,
 * an escaped key, a stray character): the caller then falls back to JSON.parse, which knows why.
 * Values it skips are only checked for balance, not validated.
 * @example const s = jsonFieldScanner(['msg']); s.scan('{"msg":"hi"}'); s.text('{"msg":"hi"}', 0) // 'hi'
 */
export function jsonFieldScanner(keys: readonly string[]) {
  // Candidates by (length, first character): most unwanted keys are turned away by one lookup.
  const shape = (length: number, first: number) => length * 128 + (first & 127);
  const byShape: number[][] = [];
  keys.forEach((key, k) => {
    byShape[shape(key.length, key.charCodeAt(0))] ??= [];
    byShape[shape(key.length, key.charCodeAt(0))].push(k);
  });
  // A value counts only when it was found in the current scan: no clearing between lines.
  let scanNumber = 0;
  const foundIn = new Float64Array(keys.length);
  const kind = new Uint8Array(keys.length);
  const start = new Int32Array(keys.length);
  const end = new Int32Array(keys.length);

  const wanted = (line: string, from: number, length: number): number => {
    const candidates = byShape[shape(length, line.charCodeAt(from))];
    if (candidates === undefined) return -1;
    for (const k of candidates) if (line.startsWith(keys[k], from)) return k;
    return -1;
  };

  // The next backslash at or after a string's start tells whether that string holds escapes:
  // one forward search per line rather than one per string.
  let backslash = -1;
  const escapedWithin = (line: string, from: number, to: number): boolean => {
    if (backslash >= 0 && backslash < from) backslash = line.indexOf('\\', from);
    return backslash >= 0 && backslash < to;
  };

  /** Scans the object spanning [from, to); false when the scanner cannot vouch for it. */
  function scan(line: string, from = 0, to = line.length): boolean {
    scanNumber++;
    backslash = line.indexOf('\\', from);
    let i = from;
    while (i < to && isSpace(line.charCodeAt(i))) i++;
    if (line.charCodeAt(i) !== 123) return false;
    i++;
    while (i < to && isSpace(line.charCodeAt(i))) i++;
    if (line.charCodeAt(i) === 125) return closes(line, i + 1, to);
    for (;;) {
      if (line.charCodeAt(i) !== QUOTE) return false;
      const keyStart = i + 1;
      i = line.indexOf('"', keyStart);
      if (i < 0 || i >= to || escapedWithin(line, keyStart, i)) return false;
      const k = wanted(line, keyStart, i - keyStart);
      i++;
      while (i < to && isSpace(line.charCodeAt(i))) i++;
      if (line.charCodeAt(i) !== 58) return false;
      i++;
      while (i < to && isSpace(line.charCodeAt(i))) i++;
      let valueStart = i;
      let valueEnd: number;
      const c = line.charCodeAt(i);
      let found: ValueKind;
      if (c === QUOTE) {
        valueStart = ++i;
        i = stringEnd(line, i);
        if (i < 0 || i >= to) return false;
        found = escapedWithin(line, valueStart, i) ? VALUE.escaped : VALUE.string;
        valueEnd = i++;
      } else if (c === 123 || c === 91) {
        i = nestedEnd(line, i, to);
        if (i < 0) return false;
        found = c === 123 ? VALUE.object : VALUE.array;
        valueEnd = i;
      } else if (isDigit(c) || c === 45) {
        while (i < to && isNumberChar(line.charCodeAt(i))) i++;
        found = VALUE.number;
        valueEnd = i;
      } else if (line.startsWith('true', i)) {
        valueEnd = i += 4;
        found = VALUE.true;
      } else if (line.startsWith('false', i)) {
        valueEnd = i += 5;
        found = VALUE.false;
      } else if (line.startsWith('null', i)) {
        valueEnd = i += 4;
        found = VALUE.null;
      } else return false;
      if (k >= 0) {
        foundIn[k] = scanNumber;
        kind[k] = found;
        start[k] = valueStart;
        end[k] = valueEnd;
      }
      while (i < to && isSpace(line.charCodeAt(i))) i++;
      const next = line.charCodeAt(i);
      if (next === 125) return closes(line, i + 1, to);
      if (next !== 44) return false;
      i++;
      while (i < to && isSpace(line.charCodeAt(i))) i++;
    }
  }

  /** Only whitespace may follow the closing brace. */
  function closes(line: string, from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (!isSpace(line.charCodeAt(i))) return false;
    return true;
  }

  return {
    scan,
    /** What the last scan found for key number `k`. */
    kind: (k: number): ValueKind => (foundIn[k] === scanNumber ? (kind[k] as ValueKind) : VALUE.none),
    start: (k: number) => start[k],
    end: (k: number) => end[k],
    /** Key number `k`'s string value (escapes decoded), or undefined when it is not a string. */
    text(line: string, k: number): string | undefined {
      if (foundIn[k] !== scanNumber) return undefined;
      if (kind[k] === VALUE.string) return line.slice(start[k], end[k]);
      if (kind[k] === VALUE.escaped) return JSON.parse(line.slice(start[k] - 1, end[k] + 1)) as string;
      return undefined;
    },
    /** Key number `k`'s value when it is a number, else undefined. */
    number(line: string, k: number): number | undefined {
      if (foundIn[k] !== scanNumber || kind[k] !== VALUE.number) return undefined;
      // Whole numbers below 2^53 (levels, epochs) without a slice; anything else through Number.
      const negative = line.charCodeAt(start[k]) === 45;
      let n = 0;
      for (let i = negative ? start[k] + 1 : start[k]; i < end[k]; i++) {
        const c = line.charCodeAt(i);
        if (!isDigit(c) || n > 9e14) {
          const parsed = Number(line.slice(start[k], end[k]));
          return Number.isNaN(parsed) ? undefined : parsed;
        }
        n = n * 10 + (c - 48);
      }
      if (end[k] === start[k] + (negative ? 1 : 0)) return undefined;
      return negative ? -n : n;
    },
  };
}

export type JsonFieldScanner = ReturnType<typeof jsonFieldScanner>;
