// One pass over each token's bytes decides whether it is a variable; no regex chain. Masking works
// on UTF-8 bytes, where they lie in a file's block or encoded from a string: every character that
// decides anything is ASCII, and a byte loop is much cheaper than reading a string's characters.

export const WILDCARD = '<*>';

const LT = 60;
const STAR = 42;
const GT = 62;
const SPACE = 32;
const SLASH = 47;
const COLON = 58;
const EQUALS = 61;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const isLead = (c: number) => c === 40 || c === 91 || c === 123 || c === 34 || c === 39 || c === 60;
const isTrail = (c: number) =>
  c === 41 ||
  c === 93 ||
  c === 125 ||
  c === 44 ||
  c === 59 ||
  c === 58 ||
  c === 34 ||
  c === 39 ||
  c === 46 ||
  c === 62;
const isInnerSeparator = (c: number) => c === 44 || c === 59 || c === 124 || c === 38;
/** Letters, digits, `_`, `-` and `.`: a token made only of these has no parts to read separately. */
const isWordChar = (c: number) => isDigit(c) || isLetter(c) || c === 95 || c === 45 || c === 46;

const hexOnly = (src: Uint8Array, start: number, end: number) => {
  for (let i = start; i < end; i++) {
    const c = src[i] | 32;
    if (c < 97 || c > 102) return false;
  }
  return true;
};

const isLetters = (src: Uint8Array, start: number, end: number) => {
  for (let i = start; i < end; i++) if (!isLetter(src[i])) return false;
  return true;
};

/** True when bytes [start, end) hold `://`. */
const holdsScheme = (src: Uint8Array, start: number, end: number) => {
  for (let i = start; i + 2 < end; i++)
    if (src[i] === COLON && src[i + 1] === SLASH && src[i + 2] === SLASH) return true;
  return false;
};

// Names in dates (`at Sun Jul 17 15:09:14 EDT 2005`) vary like the numbers beside them.
const CALENDAR_NAMES =
  'jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun utc gmt est edt cst cdt mst mdt pst pdt cet cest bst'.split(
    ' ',
  );

/** A word of up to six letters as one number, whatever its case: `Jul`, `JUL` and `jul` are equal. */
function letterCode(src: Uint8Array, start: number, end: number): number {
  let code = 0;
  for (let i = start; i < end; i++) code = code * 32 + ((src[i] | 32) - 96);
  return code;
}

// Names of three or four letters have codes below 32 ** 4: one bit each in a 128 KiB table.
const CALENDAR = new Uint8Array(32 ** 4 / 8);
for (const name of CALENDAR_NAMES) {
  const code = letterCode(Buffer.from(name), 0, name.length);
  CALENDAR[code >> 3] |= 1 << (code & 7);
}

/** True when bytes [start, end), letters only, name a month, a weekday or a zone (`Jul`, `EDT`). */
const isCalendarName = (src: Uint8Array, start: number, end: number) => {
  if (end - start < 3 || end - start > 4) return false;
  const code = letterCode(src, start, end);
  return (CALENDAR[code >> 3] & (1 << (code & 7))) !== 0;
};

/** Writes bytes [start, end) of `src` into `out` at `w`; returns the new end of `out`. */
function copy(src: Uint8Array, start: number, end: number, out: Uint8Array, w: number): number {
  for (let i = start; i < end; i++) out[w++] = src[i];
  return w;
}

/** Writes `src[start, from)`, `<*>`, `src[to, end)`: a token whose core [from, to) is a value. */
function writeMasked(
  src: Uint8Array,
  start: number,
  from: number,
  to: number,
  end: number,
  out: Uint8Array,
  w: number,
) {
  w = copy(src, start, from, out, w);
  out[w++] = LT;
  out[w++] = STAR;
  out[w++] = GT;
  return copy(src, to, end, out, w);
}

const isWildcardAt = (out: Uint8Array, from: number, to: number) =>
  to - from === 3 && out[from] === LT && out[from + 1] === STAR && out[from + 2] === GT;

/**
 * One piece of a token, masked: numbers, hex, UUIDs, IPs and ports, times, ids with digits
 * (`blk_-123`, `core.42`), paths and URLs become `<*>`; a `key=value` keeps its key; brackets and
 * trailing punctuation stay.
 */
function writePiece(src: Uint8Array, start: number, end: number, out: Uint8Array, w: number): number {
  let from = start;
  let to = end;
  while (from < to && isLead(src[from])) from++;
  while (to > from && isTrail(src[to - 1])) to--;
  // Empty brackets are an empty value: `()` reads like `(host.example.com)`.
  if (from === to) {
    if (end - start === 2 && isLead(src[start]))
      return writeMasked(src, start, start + 1, start + 1, end, out, w);
    return copy(src, start, end, out, w);
  }
  if (to - from <= 4 && isLetters(src, from, to) && isCalendarName(src, from, to))
    return writeMasked(src, start, from, to, end, out, w);
  let digits = 0;
  let letters = 0;
  let equals = -1;
  let word = true; // only letters and `_` so far: `index:5` is a key and a value, `host.net:80` is not
  for (let i = from; i < to; i++) {
    const c = src[i];
    if (isDigit(c)) digits++;
    else if (isLetter(c)) letters++;
    else if ((c === EQUALS || (c === COLON && word)) && equals < 0) equals = i;
    if (!isLetter(c) && c !== 95) word = false;
  }
  const first = src[from];
  const isPath = first === SLASH && to - from > 1;
  const isUrl = isLetter(first) && holdsScheme(src, from, end);
  if (equals > from && !isPath && !isUrl) {
    w = copy(src, start, equals + 1, out, w);
    if (to > equals + 1) w = writePiece(src, equals + 1, to, out, w);
    return copy(src, to, end, out, w);
  }
  if (digits === 0 && to - from >= 8 && hexOnly(src, from, to))
    return writeMasked(src, start, from, to, end, out, w);
  // A word with one digit and nothing else (`ssh2`, `IPv4`) is a name, not a value.
  const name = digits === 1 && letters >= 2 && digits + letters === to - from;
  if ((digits === 0 || name) && !isPath && !isUrl) return copy(src, start, end, out, w);
  return writeMasked(src, start, from, to, end, out, w);
}

/**
 * A token that is more than one word: pieces joined by `,` `;` `|` `&` (`a=1,b=2`) are masked one
 * by one, and a list of values (`10.0.0.1,10.0.0.2`) is one value. Paths and URLs are one value,
 * whatever query string they carry.
 */
function writeCompound(src: Uint8Array, start: number, end: number, out: Uint8Array, w: number): number {
  let lead = start;
  while (lead < end && isLead(src[lead])) lead++;
  if ((lead < end && src[lead] === SLASH) || holdsScheme(src, start, end))
    return writePiece(src, start, end, out, w);
  const begin = w;
  let from = start;
  let allMasked = true;
  for (let i = start + 1; i < end - 1; i++) {
    if (!isInnerSeparator(src[i])) continue;
    const piece = w;
    w = writePiece(src, from, i, out, w);
    allMasked &&= isWildcardAt(out, piece, w);
    out[w++] = src[i];
    from = i + 1;
  }
  if (from === start) return writePiece(src, start, end, out, w);
  const last = w;
  w = writePiece(src, from, end, out, w);
  if (!allMasked || !isWildcardAt(out, last, w)) return w;
  out[begin] = LT;
  out[begin + 1] = STAR;
  out[begin + 2] = GT;
  return begin + 3;
}

/** Start of a token's core: after its opening brackets and quotes (`[exec-6]` → `exec-6]`). */
function coreStart(src: Uint8Array, start: number, end: number): number {
  while (start < end && isLead(src[start])) start++;
  return start;
}

/** End of a token's core: before its trailing punctuation (`updated:` → `updated`). */
function coreEnd(src: Uint8Array, start: number, end: number): number {
  while (end > start && isTrail(src[end - 1])) end--;
  return end;
}

/**
 * True when a token is one word between brackets and punctuation (`[exec-6]`, `(42ms),`): its core
 * is not empty, its `others` (bytes that are not word characters) all sit in its opening and
 * closing runs, and no `,` or `;` before its last byte makes it a list.
 */
function isBracketedWord(
  src: Uint8Array,
  start: number,
  from: number,
  to: number,
  end: number,
  others: number,
) {
  if (from >= to) return false;
  let outside = from - start;
  for (let i = to; i < end; i++) {
    const c = src[i];
    if (i < end - 1 && isInnerSeparator(c)) return false;
    if (!isWordChar(c)) outside++;
  }
  return outside === others;
}

/**
 * Whether a token core of letters, digits, `_`, `-` and `.` is a value: `blk_-42` and `deadbeef`
 * are, `ssh2` (a word with one digit) and `Connection` are not, and the names in dates (`Jul`,
 * `EDT`) are.
 */
function isValueWord(src: Uint8Array, start: number, end: number, letters: number, digits: number): boolean {
  const length = end - start;
  if (length === 0) return false;
  if (digits > 0) return !(digits === 1 && letters >= 2 && digits + letters === length);
  if (letters < length) return false;
  return isCalendarName(src, start, end) || (length >= 8 && hexOnly(src, start, end));
}

// A token's letters, digits, other bytes (neither word characters nor whitespace) and bytes beyond
// ASCII are counted in one add per byte, in four 7-bit fields: exact for a token under 128 bytes.
const FIELD = 0x7f;
const DIGITS = 7;
const OTHERS = 14;
const BEYOND_ASCII = 21;
const COUNT = new Int32Array(256);
for (let c = 33; c < 256; c++)
  COUNT[c] = isLetter(c)
    ? 1
    : isDigit(c)
      ? 1 << DIGITS
      : isWordChar(c)
        ? 0
        : (1 << OTHERS) | (c >= 128 ? 1 << BEYOND_ASCII : 0);

/** Exact counts of a token of any length: letters, digits, others, and whether any byte is beyond ASCII. */
const exact = new Int32Array(4);
function countBytes(src: Uint8Array, start: number, end: number): Int32Array {
  exact.fill(0);
  for (let i = start; i < end; i++) {
    const c = src[i];
    if (isLetter(c)) exact[0]++;
    else if (isDigit(c)) exact[1]++;
    else if (!isWordChar(c)) exact[2]++;
    if (c >= 128) exact[3] = 1;
  }
  return exact;
}

/**
 * Masks the token in bytes [start, end) of `src`, already copied into `out` at `w`; returns the
 * end of its masked form there. `letters`, `digits` and `others` count its bytes. Numbers, words
 * with their brackets and punctuation, and paths are settled in one look; anything else is
 * rewritten piece by piece.
 */
function maskCopiedToken(
  src: Uint8Array,
  start: number,
  end: number,
  letters: number,
  digits: number,
  others: number,
  out: Uint8Array,
  w: number,
): number {
  const length = end - start;
  if (digits === length) return writeMasked(src, start, start, end, end, out, w);
  if (others === 0) {
    const to = coreEnd(src, start, end); // a trailing `.` ends a sentence
    return isValueWord(src, start, to, letters, digits)
      ? writeMasked(src, start, start, to, end, out, w)
      : w + length;
  }
  const from = coreStart(src, start, end);
  const to = coreEnd(src, from, end);
  let isValue: boolean;
  if (isBracketedWord(src, start, from, to, end, others))
    isValue = isValueWord(src, from, to, letters, digits);
  else if (src[from] === SLASH && to - from > 1)
    isValue = true; // a path: one value
  else return writeCompound(src, start, end, out, w);
  // The bytes before the core are in place already.
  return isValue ? writeMasked(src, from, from, to, end, out, w + from - start) : w + length;
}

/**
 * Masks whole messages: the message split on whitespace, every token masked, joined by single
 * spaces, written as UTF-8 into bytes [0, length) of `out`. Equal masked lines are equal bytes, so
 * the bytes can find a repeated line before any string is made. One masker reuses its buffers from
 * message to message; `out` is valid until the next message.
 * @example lineMasker().text('took  42 ms') // 'took <*> ms'
 */
export class LineMasker {
  /** The last masked line is bytes [0, length) of `out` (a buffer that may be replaced by a bigger one). */
  out = Buffer.alloc(4096);
  length = 0;
  private ascii = true;
  private input = Buffer.alloc(1024);
  private readonly encoder = new TextEncoder();

  /** Masks the UTF-8 message in bytes [start, end) of `src`. */
  maskBytes(src: Buffer, start: number, end: number): this {
    // A masked token is at most three times as long as the token (`5` → `<*>`).
    if (this.out.length < 3 * (end - start)) this.out = Buffer.alloc(3 * (end - start) + 1024);
    const out = this.out;
    let w = 0;
    let ascii = true;
    let i = start;
    while (i < end) {
      while (i < end && src[i] <= SPACE) i++;
      if (i >= end) break;
      const first = i;
      if (w > 0) out[w++] = SPACE;
      const at = w;
      let counts = 0;
      for (; i < end; i++) {
        const c = src[i];
        if (c <= SPACE) break;
        out[w++] = c;
        counts += COUNT[c];
      }
      if (i - first < 128) {
        const others = (counts >>> OTHERS) & FIELD;
        if (others > 0 && counts >>> BEYOND_ASCII > 0) ascii = false;
        w = maskCopiedToken(src, first, i, counts & FIELD, (counts >>> DIGITS) & FIELD, others, out, at);
      } else {
        const [letters, digits, others, beyond] = countBytes(src, first, i);
        if (beyond) ascii = false;
        w = maskCopiedToken(src, first, i, letters, digits, others, out, at);
      }
    }
    this.length = w;
    this.ascii = ascii;
    return this;
  }

  /** Masks `message`. */
  maskText(message: string): this {
    if (this.input.length < 3 * message.length) this.input = Buffer.alloc(3 * message.length + 1024);
    return this.maskBytes(this.input, 0, this.encoder.encodeInto(message, this.input).written);
  }

  /** The last masked line as a string. */
  toString(): string {
    return this.out.toString(this.ascii ? 'latin1' : 'utf8', 0, this.length);
  }

  /** The masked form of the UTF-8 message in bytes [start, end) of `src`. */
  bytes(src: Buffer, start: number, end: number): string {
    return this.maskBytes(src, start, end).toString();
  }

  /** The masked form of `message`. */
  text(message: string): string {
    return this.maskText(message).toString();
  }
}

export const lineMasker = () => new LineMasker();

const shared = lineMasker();
const encoder = new TextEncoder();
let tokenBytes = Buffer.allocUnsafe(1024);
let maskedBytes = Buffer.allocUnsafe(4096);

/**
 * Masks one token: numbers, hex, UUIDs, IPs and ports, times, ids with digits (`blk_-123`,
 * `core.42`), paths and URLs become `<*>`; a `key=value` keeps its key; brackets and trailing
 * punctuation stay, so `(took 42ms)` reads `(took <*>)`. Pieces joined by `,` `;` `|` `&`
 * (`a=1,b=2`) are masked one by one. This reads every token piece by piece, the long way that
 * `lineMasker` shortens for plain numbers and words: each gives the other's answer.
 */
export function maskToken(text: string): string {
  if (tokenBytes.length < 3 * text.length) tokenBytes = Buffer.allocUnsafe(3 * text.length + 1024);
  const { written } = encoder.encodeInto(text, tokenBytes);
  if (maskedBytes.length < 3 * written) maskedBytes = Buffer.allocUnsafe(3 * written + 1024);
  return maskedBytes.toString('utf8', 0, writeCompound(tokenBytes, 0, written, maskedBytes, 0));
}

/**
 * Splits a message on whitespace into `out`, masking each token; returns the token count.
 * @example const tokens: string[] = []; maskTokens('took 42 ms', tokens) // 3, ['took', '<*>', 'ms']
 */
export function maskTokens(message: string, out: string[]): number {
  const masked = shared.text(message);
  const tokens = masked ? masked.split(' ') : [];
  out.length = tokens.length;
  for (let i = 0; i < tokens.length; i++) out[i] = tokens[i];
  return tokens.length;
}
