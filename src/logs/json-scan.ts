// Reads only the wanted fields of a one-line JSON object from its UTF-8 bytes, without decoding the
// line or building the object: a log line carries ten fields and a reader needs four, so skipping
// the rest beats JSON.parse, and a loop over bytes beats one over the characters of a string.

/** What a found value is. Strings span their content, without the quotes. */
export const VALUE = {
  none: 0,
  string: 1,
  /** A string holding `\` escapes: `text` decodes them. */
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

/** True when one of the four bytes of `x` is zero. */
const hasZeroByte = (x: number) => ((x - 0x01010101) & ~x & 0x80808080) !== 0;
/** True when one of four bytes read as a little-endian word is a quote or a backslash. */
const hasQuoteOrBackslash = (word: number) =>
  hasZeroByte(word ^ 0x22222222) || hasZeroByte(word ^ 0x5c5c5c5c);

const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');

/** True when the bytes of `word` start at `from`, before `to`. */
function bytesAt(bytes: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (from + word.length > to) return false;
  for (let k = 0; k < word.length; k++) if (bytes[from + k] !== word[k]) return false;
  return true;
}

/** The index just past the object or array opening at `from` (strings inside skipped), or -1. */
function nestedEnd(bytes: Uint8Array, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      for (i++; i < to; i++) {
        const d = bytes[i];
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

/** Only whitespace may follow the closing brace. */
function closes(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(bytes[i])) return false;
  return true;
}

/**
 * A scanner for a fixed list of keys. `scan` walks the top level of the object in bytes
 * [from, to) of a buffer, noting each wanted key's value as a byte span (the last one wins, as in
 * JSON.parse) and skipping all other values. It answers false for anything it does not settle on
 * its own (not an object, truncated, an escaped key, a stray character): the caller then falls back
 * to JSON.parse, which knows why. Values it skips are only checked for balance, not validated.
 * A class rather than a closure: its code stays as fast when a program makes several scanners.
 */
class FieldScanner {
  private readonly keyBytes: Buffer[];
  /** Candidates by (length, first byte): most unwanted keys are turned away by one lookup. */
  private readonly byShape: (number[] | null)[];
  private readonly longest: number;
  /** A value counts only when it was found in the current scan: no clearing between lines. */
  private scanNumber = 0;
  private readonly foundIn: Float64Array;
  private readonly kinds: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  // Strings are skipped four bytes at a time, read through a view of the buffer being scanned.
  private viewed: Uint8Array | null = null;
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

  constructor(keys: readonly string[]) {
    this.keyBytes = keys.map((key) => Buffer.from(key));
    this.longest = Math.max(0, ...this.keyBytes.map((key) => key.length));
    this.byShape = Array.from({ length: (this.longest + 1) * 128 }, () => null);
    this.keyBytes.forEach((key, k) => {
      const shape = key.length * 128 + (key[0] & 127);
      this.byShape[shape] ??= [];
      this.byShape[shape].push(k);
    });
    this.foundIn = new Float64Array(keys.length);
    this.kinds = new Uint8Array(keys.length);
    this.starts = new Int32Array(keys.length);
    this.ends = new Int32Array(keys.length);
  }

  /** The number of the wanted key spanning bytes [from, to), or -1. */
  private wanted(bytes: Uint8Array, from: number, to: number): number {
    if (to - from > this.longest) return -1;
    const candidates = this.byShape[(to - from) * 128 + (bytes[from] & 127)];
    if (candidates === null) return -1;
    for (const k of candidates) if (bytesAt(bytes, from, to, this.keyBytes[k])) return k;
    return -1;
  }

  /** Scans the object spanning bytes [from, to); false when the scanner cannot vouch for it. */
  scan(bytes: Uint8Array, from: number, to: number): boolean {
    const scanNumber = ++this.scanNumber;
    if (bytes !== this.viewed) {
      this.viewed = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const view = this.view;
    let i = from;
    while (i < to && isSpace(bytes[i])) i++;
    if (i >= to || bytes[i] !== 123) return false;
    i++;
    while (i < to && isSpace(bytes[i])) i++;
    if (i < to && bytes[i] === 125) return closes(bytes, i + 1, to);
    for (;;) {
      if (i >= to || bytes[i] !== QUOTE) return false;
      const keyStart = ++i;
      while (i < to && bytes[i] !== QUOTE && bytes[i] !== BACKSLASH) i++;
      if (i >= to || bytes[i] === BACKSLASH) return false;
      const k = this.wanted(bytes, keyStart, i);
      i++;
      while (i < to && isSpace(bytes[i])) i++;
      if (i >= to || bytes[i] !== 58) return false;
      i++;
      while (i < to && isSpace(bytes[i])) i++;
      if (i >= to) return false;
      let valueStart = i;
      let valueEnd: number;
      const c = bytes[i];
      let found: ValueKind;
      if (c === QUOTE) {
        valueStart = ++i;
        found = VALUE.string;
        for (;;) {
          while (i + 4 <= to && !hasQuoteOrBackslash(view.getUint32(i, true))) i += 4;
          if (i >= to) return false;
          const d = bytes[i];
          if (d === QUOTE) break;
          if (d === BACKSLASH) {
            found = VALUE.escaped;
            i += 2;
          } else i++;
        }
        valueEnd = i++;
      } else if (c === 123 || c === 91) {
        i = nestedEnd(bytes, i, to);
        if (i < 0) return false;
        found = c === 123 ? VALUE.object : VALUE.array;
        valueEnd = i;
      } else if (isDigit(c) || c === 45) {
        while (i < to && isNumberChar(bytes[i])) i++;
        found = VALUE.number;
        valueEnd = i;
      } else if (bytesAt(bytes, i, to, TRUE)) {
        valueEnd = i += 4;
        found = VALUE.true;
      } else if (bytesAt(bytes, i, to, FALSE)) {
        valueEnd = i += 5;
        found = VALUE.false;
      } else if (bytesAt(bytes, i, to, NULL)) {
        valueEnd = i += 4;
        found = VALUE.null;
      } else return false;
      if (k >= 0) {
        this.foundIn[k] = scanNumber;
        this.kinds[k] = found;
        this.starts[k] = valueStart;
        this.ends[k] = valueEnd;
      }
      while (i < to && isSpace(bytes[i])) i++;
      if (i >= to) return false;
      const next = bytes[i];
      if (next === 125) return closes(bytes, i + 1, to);
      if (next !== 44) return false;
      i++;
      while (i < to && isSpace(bytes[i])) i++;
    }
  }

  /** What the last scan found for key number `k`. */
  kind(k: number): ValueKind {
    return this.foundIn[k] === this.scanNumber ? (this.kinds[k] as ValueKind) : VALUE.none;
  }

  /** Where key number `k`'s value starts (after the quote for a string). */
  start(k: number): number {
    return this.starts[k];
  }

  /** Where key number `k`'s value ends (at the closing quote for a string). */
  end(k: number): number {
    return this.ends[k];
  }

  /**
   * Key number `k`'s string value (escapes decoded), or undefined when it is not a string. With
   * `ascii` (the caller knows the buffer is all ASCII) it decodes as latin1, the cheapest decoder.
   */
  text(bytes: Buffer, k: number, ascii = false): string | undefined {
    const kind = this.kind(k);
    // Cut at its quotes, a string's bytes decode as they do within the whole line.
    if (kind === VALUE.string) return bytes.toString(ascii ? 'latin1' : 'utf8', this.starts[k], this.ends[k]);
    if (kind === VALUE.escaped)
      return JSON.parse(bytes.toString('utf8', this.starts[k] - 1, this.ends[k] + 1)) as string;
    return undefined;
  }

  /** Key number `k`'s value when it is a number, else undefined. */
  number(bytes: Buffer, k: number): number | undefined {
    if (this.kind(k) !== VALUE.number) return undefined;
    const start = this.starts[k];
    const end = this.ends[k];
    // Whole numbers below 2^53 (levels, epochs) without a string; anything else through Number.
    const negative = bytes[start] === 45;
    let n = 0;
    for (let i = negative ? start + 1 : start; i < end; i++) {
      const c = bytes[i];
      if (!isDigit(c) || n > 9e14) {
        const parsed = Number(bytes.toString('latin1', start, end));
        return Number.isNaN(parsed) ? undefined : parsed;
      }
      n = n * 10 + (c - 48);
    }
    if (end === start + (negative ? 1 : 0)) return undefined;
    return negative ? -n : n;
  }
}

/**
 * A scanner for the values of `keys` in one-line JSON objects: see `FieldScanner`.
 * @example const s = jsonFieldScanner(['msg']); const b = Buffer.from('{"msg":"hi"}'); s.scan(b, 0, b.length); s.text(b, 0, true) // 'hi'
 */
export function jsonFieldScanner(keys: readonly string[]): FieldScanner {
  return new FieldScanner(keys);
}

export type JsonFieldScanner = FieldScanner;
