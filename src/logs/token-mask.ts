// One pass over each token's characters decides whether it is a variable; no regex chain.

export const WILDCARD = '<*>';

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

const hexOnly = (token: string, start: number, end: number) => {
  for (let i = start; i < end; i++) {
    const c = token.charCodeAt(i) | 32;
    if (c < 97 || c > 102) return false;
  }
  return true;
};

const isLetters = (text: string, start: number, end: number) => {
  for (let i = start; i < end; i++) if (!isLetter(text.charCodeAt(i))) return false;
  return true;
};

const isInnerSeparator = (c: number) => c === 44 || c === 59 || c === 124 || c === 38;

/**
 * Masks one token: numbers, hex, UUIDs, IPs and ports, times, ids with digits (`blk_-123`,
 * `core.42`), paths and URLs become `<*>`; a `key=value` keeps its key; brackets and trailing
 * punctuation stay, so `(took 42ms)` reads `(took <*>)`. Pieces joined by `,` `;` `|` `&`
 * (`a=1,b=2`) are masked one by one.
 */
export function maskToken(token: string): string {
  let lead = 0;
  while (lead < token.length && isLead(token.charCodeAt(lead))) lead++;
  // Paths and URLs are one value, whatever query string they carry.
  if (token.charCodeAt(lead) === 47 || token.includes('://')) return maskPiece(token);
  let from = 0;
  let out = '';
  let allMasked = true;
  for (let i = 1; i < token.length - 1; i++) {
    if (!isInnerSeparator(token.charCodeAt(i))) continue;
    const piece = maskPiece(token.slice(from, i));
    allMasked &&= piece === WILDCARD;
    out += piece + token[i];
    from = i + 1;
  }
  if (from === 0) return maskPiece(token);
  const last = maskPiece(token.slice(from));
  // A list of values (`10.0.0.1,10.0.0.2`) is one value.
  return allMasked && last === WILDCARD ? WILDCARD : out + last;
}

// Names in dates (`at Sun Jul 17 15:09:14 EDT 2005`) vary like the numbers beside them.
const CALENDAR_NAMES =
  'jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun utc gmt est edt cst cdt mst mdt pst pdt cet cest bst'.split(
    ' ',
  );

/** A word of up to six letters as one number, whatever its case: `Jul`, `JUL` and `jul` are equal. */
function letterCode(text: string, start: number, end: number): number {
  let code = 0;
  for (let i = start; i < end; i++) code = code * 32 + ((text.charCodeAt(i) | 32) - 96);
  return code;
}

const CALENDAR = new Set(CALENDAR_NAMES.map((name) => letterCode(name, 0, name.length)));

/** True when `text` from `start` to `end`, letters only, names a month, a weekday or a zone (`Jul`, `EDT`). */
const isCalendarName = (text: string, start: number, end: number) =>
  end - start >= 3 && end - start <= 4 && CALENDAR.has(letterCode(text, start, end));

function maskPiece(token: string): string {
  const n = token.length;
  let start = 0;
  let end = n;
  while (start < end && isLead(token.charCodeAt(start))) start++;
  while (end > start && isTrail(token.charCodeAt(end - 1))) end--;
  // Empty brackets are an empty value: `()` reads like `(host.example.com)`.
  if (start === end)
    return n === 2 && isLead(token.charCodeAt(0)) ? `${token[0]}${WILDCARD}${token[1]}` : token;
  if (end - start <= 4 && isLetters(token, start, end) && isCalendarName(token, start, end))
    return `${token.slice(0, start)}${WILDCARD}${token.slice(end)}`;
  let digits = 0;
  let letters = 0;
  let equals = -1;
  let word = true; // only letters and `_` so far: `index:5` is a key and a value, `host.net:80` is not
  for (let i = start; i < end; i++) {
    const c = token.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (isLetter(c)) letters++;
    else if ((c === 61 || (c === 58 && word)) && equals < 0) equals = i;
    if (!isLetter(c) && c !== 95) word = false;
  }
  const first = token.charCodeAt(start);
  const isPath = first === 47 && end - start > 1;
  const isUrl = isLetter(first) && token.indexOf('://', start) > 0;
  if (equals > start && !isPath && !isUrl) {
    const value = token.slice(equals + 1, end);
    const masked = value ? maskPiece(value) : value;
    return masked === value ? token : `${token.slice(0, equals + 1)}${masked}${token.slice(end)}`;
  }
  if (digits === 0 && end - start >= 8 && hexOnly(token, start, end))
    return `${token.slice(0, start)}${WILDCARD}${token.slice(end)}`;
  // A word with one digit and nothing else (`ssh2`, `IPv4`) is a name, not a value.
  const name = digits === 1 && letters >= 2 && digits + letters === end - start;
  if ((digits === 0 || name) && !isPath && !isUrl) return token;
  if (start === 0 && end === n) return WILDCARD;
  return `${token.slice(0, start)}${WILDCARD}${token.slice(end)}`;
}

/** Start of a token's core: after its opening brackets and quotes (`[exec-6]` → `exec-6]`). */
function coreStart(text: string, start: number, end: number): number {
  while (start < end && isLead(text.charCodeAt(start))) start++;
  return start;
}

/** End of a token's core: before its trailing punctuation (`updated:` → `updated`). */
function coreEnd(text: string, start: number, end: number): number {
  while (end > start && isTrail(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Letters, digits, `_`, `-` and `.`: a token made only of these has no parts to read separately. */
const isWordChar = (c: number) => isDigit(c) || isLetter(c) || c === 95 || c === 45 || c === 46;

/**
 * True when a token is one word between brackets and punctuation (`[exec-6]`, `(42ms),`): its core
 * is not empty, its `others` (characters that are not word characters) all sit in its opening and
 * closing runs, and no `,` or `;` before its last character makes it a list.
 */
function isBracketedWord(text: string, start: number, from: number, to: number, end: number, others: number) {
  if (from >= to) return false;
  let outside = from - start;
  for (let i = to; i < end; i++) {
    const c = text.charCodeAt(i);
    if (i < end - 1 && isInnerSeparator(c)) return false;
    if (!isWordChar(c)) outside++;
  }
  return outside === others;
}

/**
 * Whether a token core of letters, digits, `_`, `-` and `.` is a value, as `maskToken` decides:
 * `blk_-42` and `deadbeef` are, `ssh2` (a word with one digit) and `Connection` are not, and the
 * names in dates (`Jul`, `EDT`) are.
 */
function isValueWord(text: string, start: number, end: number, letters: number, digits: number): boolean {
  const length = end - start;
  if (length === 0) return false;
  if (digits > 0) return !(digits === 1 && letters >= 2 && digits + letters === length);
  if (letters < length) return false;
  return isCalendarName(text, start, end) || (length >= 8 && hexOnly(text, start, end));
}

/**
 * The masked form of the token from `start` to `end` of `text`, or null when it stays as it is;
 * `letters`, `digits` and `others` count its characters. Numbers, words with their brackets and
 * punctuation, and paths are settled here; anything else goes to `maskToken`.
 */
function maskedForm(
  text: string,
  start: number,
  end: number,
  letters: number,
  digits: number,
  others: number,
): string | null {
  if (digits === end - start) return WILDCARD;
  const from = others === 0 ? start : coreStart(text, start, end);
  const to = coreEnd(text, from, end);
  let isValue: boolean;
  if (others === 0 || isBracketedWord(text, start, from, to, end, others))
    isValue = isValueWord(text, from, to, letters, digits);
  else if (text.charCodeAt(from) === 47 && to - from > 1)
    isValue = true; // a path: one value
  else return maskToken(text.slice(start, end));
  if (!isValue) return null;
  return from === start && to === end ? WILDCARD : text.slice(start, from) + WILDCARD + text.slice(to, end);
}

// FNV-1a, cut to 30 bits so that hashes stay small integers (cheap Map keys).
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const nextHash = (hash: number, c: number) => Math.imul(hash ^ c, FNV_PRIME);

/** A hash of `text` from `start` to `end`; equal texts have equal hashes. */
export function hashText(text: string, start = 0, end = text.length): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = nextHash(hash, text.charCodeAt(i));
  return hash & 0x3fffffff;
}

const WILDCARD_HASH = hashText(WILDCARD);

/** A masked line: its tokens, and one hash of them all (equal token lists, equal hashes). */
export interface MaskedLine {
  tokens: string[];
  hash: number;
}

/**
 * Splits a message on whitespace into `line.tokens`, masking each token; hashes the result into
 * `line.hash` and returns the token count.
 * @example const line = { tokens: [], hash: 0 }; maskLine('took 42 ms', line) // 3, ['took', '<*>', 'ms']
 */
export function maskLine(message: string, line: MaskedLine): number {
  const out = line.tokens;
  let lineHash = FNV_OFFSET;
  let count = 0;
  let i = 0;
  const n = message.length;
  while (i < n) {
    while (i < n && message.charCodeAt(i) <= 32) i++;
    if (i >= n) break;
    const start = i;
    let letters = 0;
    let digits = 0;
    let others = 0;
    let hash = FNV_OFFSET;
    for (; i < n; i++) {
      const c = message.charCodeAt(i);
      if (c <= 32) break;
      hash = nextHash(hash, c);
      if (isDigit(c)) digits++;
      else if (isLetter(c)) letters++;
      else if (!isWordChar(c)) others++;
    }
    hash &= 0x3fffffff;
    const masked = maskedForm(message, start, i, letters, digits, others);
    if (masked === null) out[count++] = message.slice(start, i);
    else {
      out[count++] = masked;
      hash = masked === WILDCARD ? WILDCARD_HASH : hashText(masked);
    }
    lineHash = nextHash(lineHash, hash);
  }
  if (out.length !== count) out.length = count;
  line.hash = lineHash & 0x3fffffff;
  return count;
}

/**
 * Splits a message on whitespace into `out`, masking each token; returns the token count.
 * @example const tokens: string[] = []; maskTokens('took 42 ms', tokens) // 3, ['took', '<*>', 'ms']
 */
export function maskTokens(message: string, out: string[]): number {
  return maskLine(message, { tokens: out, hash: 0 });
}
