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
const CALENDAR = new Set(
  'jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun utc gmt est edt cst cdt mst mdt pst pdt cet cest bst'.split(
    ' ',
  ),
);

function maskPiece(token: string): string {
  const n = token.length;
  let start = 0;
  let end = n;
  while (start < end && isLead(token.charCodeAt(start))) start++;
  while (end > start && isTrail(token.charCodeAt(end - 1))) end--;
  // Empty brackets are an empty value: `()` reads like `(host.example.com)`.
  if (start === end)
    return n === 2 && isLead(token.charCodeAt(0)) ? `${token[0]}${WILDCARD}${token[1]}` : token;
  if (end - start <= 4 && CALENDAR.has(token.slice(start, end).toLowerCase()))
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

/**
 * Splits a message on whitespace into `out`, masking each token; returns the token count.
 * @example const tokens: string[] = []; maskTokens('took 42 ms', tokens) // 3, ['took', '<*>', 'ms']
 */
export function maskTokens(message: string, out: string[]): number {
  let count = 0;
  let i = 0;
  const n = message.length;
  while (i < n) {
    while (i < n && message.charCodeAt(i) <= 32) i++;
    if (i >= n) break;
    const start = i;
    let letters = 0;
    let digits = 0;
    for (let c = message.charCodeAt(i); i < n && c > 32; c = message.charCodeAt(++i)) {
      if (isDigit(c)) digits++;
      else if (isLetter(c)) letters++;
    }
    const length = i - start;
    // Most tokens are plain words or plain numbers: settle them without the full classifier.
    if (digits === length) out[count++] = WILDCARD;
    else if (letters === length && length > 4 && length < 8) out[count++] = message.slice(start, i);
    else out[count++] = maskToken(message.slice(start, i));
  }
  out.length = count;
  return count;
}
