// Scanning a flat JSON line for the few fields a reader needs avoids building the whole object;
// anything unusual falls back to JSON.parse, which stays the judge.

const QUOTE = 34;

/**
 * End of the string whose opening quote is at `i`: the closing quote's index (-1 if none), and
 * whether it holds escapes. `plain` says the line has no backslash at all, the common case.
 */
function stringEnd(line: string, i: number, plain: boolean): { end: number; escaped: boolean } {
  let q = line.indexOf('"', i + 1);
  if (plain) return { end: q, escaped: false };
  let escaped = false;
  for (let p = i + 1; q > 0; ) {
    const b = line.indexOf('\\', p);
    if (b < 0 || b > q) break;
    escaped = true;
    p = b + 2;
    if (p > q) q = line.indexOf('"', p);
  }
  return { end: q, escaped };
}

/** Index just past the object or array starting at `i`, skipping strings; -1 if unbalanced. */
function nestedEnd(line: string, i: number, plain: boolean): number {
  let depth = 0;
  for (let p = i; p < line.length; p++) {
    const c = line.charCodeAt(p);
    if (c === QUOTE) {
      p = stringEnd(line, p, plain).end;
      if (p < 0) return -1;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (--depth === 0) return p + 1;
    }
  }
  return -1;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;

/**
 * The values of `wanted` top-level keys of a JSON object line (strings decoded, numbers,
 * booleans, null), or null when the line is not a well-formed object as far as the scan can tell
 * or a wanted field holds an object or array.
 */
export function scanJsonFields(line: string, wanted: ReadonlySet<string>): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  const plain = line.indexOf('\\') < 0;
  let i = 0;
  const n = line.length;
  const skip = () => {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
  };
  skip();
  if (line.charCodeAt(i++) !== 123) return null;
  skip();
  if (line.charCodeAt(i) === 125) return out;
  for (;;) {
    if (line.charCodeAt(i) !== QUOTE) return null;
    const k = stringEnd(line, i, plain);
    if (k.end < 0 || k.escaped) return null;
    const key = line.slice(i + 1, k.end);
    i = k.end + 1;
    skip();
    if (line.charCodeAt(i++) !== 58) return null;
    skip();
    const c = line.charCodeAt(i);
    let value: unknown;
    if (c === QUOTE) {
      const v = stringEnd(line, i, plain);
      if (v.end < 0) return null;
      if (wanted.has(key))
        value = v.escaped ? JSON.parse(line.slice(i, v.end + 1)) : line.slice(i + 1, v.end);
      i = v.end + 1;
    } else if (c === 123 || c === 91) {
      const end = nestedEnd(line, i, plain);
      if (end < 0) return null;
      // A wanted field that is an object (ECS `log: {level}`) needs the full parse.
      if (wanted.has(key)) return null;
      i = end;
    } else {
      const start = i;
      while (i < n && line.charCodeAt(i) !== 44 && line.charCodeAt(i) !== 125 && !isSpace(line.charCodeAt(i)))
        i++;
      if (wanted.has(key)) {
        const text = line.slice(start, i);
        value = text === 'true' ? true : text === 'false' ? false : text === 'null' ? null : Number(text);
        if (typeof value === 'number' && (Number.isNaN(value) || text === '')) return null;
      } else if (i === start) return null;
    }
    if (value !== undefined && wanted.has(key)) out[key] = value;
    skip();
    const next = line.charCodeAt(i++);
    if (next === 125) break;
    if (next !== 44) return null;
    skip();
  }
  skip();
  return i === n ? out : null;
}
