// The Markdown parser's time and stack grow with nesting and line length: bound both before parsing.

/** What one postmortem is read up to; past these, text is cut for reading and each cut is reported. */
export const READING_LIMITS = {
  /** Characters of one document (ten times the longest public postmortem we have seen). */
  documentChars: 256 * 1024,
  /** Characters of one line. */
  lineChars: 10_000,
  /** Quote and list markers opening one line (`> > - 1.`). */
  nesting: 32,
  /** Columns of indentation and markers before a line's text (nested lists grow by indentation). */
  indentColumns: 128,
} as const;
export type ReadingLimits = { [K in keyof typeof READING_LIMITS]: number };

/** One place the text was cut for reading; line is null for a note that counts several lines. */
export interface ReadingCut {
  line: number | null;
  reason: 'document' | 'line' | 'nesting' | 'indent';
  message: string;
}

/** The text as read, and what was cut from it. */
export interface BoundedText {
  text: string;
  cuts: ReadingCut[];
}

const count = (n: number) => n.toLocaleString('en-US');
/** Cut at a code unit boundary that does not split a surrogate pair. */
const cutAt = (text: string, n: number) => {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
};

/** A list marker (`-`, `*`, `+`, `1.`, `1)`) at i, followed by a space, a tab or the end: its length, else 0. */
function listMarkerAt(line: string, i: number): number {
  let j = i;
  const c = line[j];
  if (c === '-' || c === '*' || c === '+') j++;
  else {
    while (j < line.length && j - i < 9 && line[j] >= '0' && line[j] <= '9') j++;
    if (j === i || (line[j] !== '.' && line[j] !== ')')) return 0;
    j++;
  }
  return j === line.length || line[j] === ' ' || line[j] === '\t' ? j - i : 0;
}

interface PrefixCut {
  line: string;
  markers: number;
  columns: number;
  reason: 'nesting' | 'indent' | null;
}

/**
 * Keeps the line's leading quote and list markers up to the nesting limit and its leading columns
 * up to the indent limit; the text after them is kept whole.
 */
function boundPrefix(line: string, limits: ReadingLimits): PrefixCut {
  let i = 0;
  let columns = 0;
  let markers = 0;
  let kept = -1;
  let reason: PrefixCut['reason'] = null;
  while (i < line.length) {
    const c = line[i];
    let width: number;
    let columnsAfter: number;
    let isMarker = false;
    if (c === ' ') {
      width = 1;
      columnsAfter = columns + 1;
    } else if (c === '\t') {
      width = 1;
      columnsAfter = columns + 4 - (columns % 4);
    } else if (c === '>') {
      width = 1;
      columnsAfter = columns + 1;
      isMarker = true;
    } else {
      width = listMarkerAt(line, i);
      if (!width) break;
      columnsAfter = columns + width;
      isMarker = true;
    }
    if (kept < 0 && isMarker && markers + 1 > limits.nesting) {
      kept = i;
      reason = 'nesting';
    } else if (kept < 0 && columnsAfter > limits.indentColumns) {
      kept = i;
      reason = 'indent';
    }
    if (isMarker) markers++;
    columns = columnsAfter;
    i += width;
  }
  if (kept < 0) return { line, markers, columns, reason: null };
  return { line: line.slice(0, kept) + line.slice(i), markers, columns, reason };
}

/** A top-level fence opener at column 0 (code inside it is text, never nesting): its marker, else null. */
function fenceOpener(line: string): string | null {
  const c = line[0];
  if (c !== '`' && c !== '~') return null;
  let n = 0;
  while (line[n] === c) n++;
  if (n < 3) return null;
  if (c === '`' && line.indexOf('`', n) >= 0) return null;
  return c.repeat(n);
}

function closesFence(line: string, fence: string): boolean {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let n = 0;
  while (line[i + n] === fence[0]) n++;
  return n >= fence.length && line.slice(i + n).trim() === '';
}

const MORE: Record<ReadingCut['reason'], (limits: ReadingLimits) => string> = {
  document: () => 'cut at the document limit',
  line: (l) => `over ${count(l.lineChars)} characters, cut to ${count(l.lineChars)} for reading`,
  nesting: (l) => `nested past ${count(l.nesting)} quotes or lists, read to that depth`,
  indent: (l) => `indented past ${count(l.indentColumns)} columns, read to that indentation`,
};

/** The first `listed` cuts of each reason, and one note per reason counting the rest. */
function summarised(cuts: ReadingCut[], limits: ReadingLimits, listed: number): ReadingCut[] {
  const out: ReadingCut[] = [];
  const rest = new Map<ReadingCut['reason'], { n: number; first: number; last: number }>();
  const seen = new Map<ReadingCut['reason'], number>();
  for (const cut of cuts) {
    const n = (seen.get(cut.reason) ?? 0) + 1;
    seen.set(cut.reason, n);
    if (n <= listed || cut.line == null) {
      out.push(cut);
      continue;
    }
    const r = rest.get(cut.reason) ?? { n: 0, first: cut.line, last: cut.line };
    r.n++;
    r.last = cut.line;
    rest.set(cut.reason, r);
  }
  for (const [reason, r] of rest)
    out.push({
      line: null,
      reason,
      message: `${count(r.n)} more lines (lines ${count(r.first)}–${count(r.last)}) ${MORE[reason](limits)}`,
    });
  return out;
}

/**
 * Bounds a document before it is parsed: its length, each line's length, and each line's nesting
 * of quotes, lists and indentation. Lines keep their numbers; every cut is reported.
 * @example boundForReading('>'.repeat(100) + ' hi').cuts[0].message // 'line 1 opens 100 nested quotes or lists; …'
 */
export function boundForReading(
  source: string,
  limits: ReadingLimits = READING_LIMITS,
  { listed = 20 }: { listed?: number } = {},
): BoundedText {
  const cuts: ReadingCut[] = [];
  let text = source;
  const cut = text.length > limits.documentChars;
  if (cut) {
    text = cutAt(text, limits.documentChars);
    const line = text.split('\n').length;
    cuts.push({
      line,
      reason: 'document',
      message: `the document is longer than ${count(limits.documentChars)} characters (the limit for one postmortem); it is read up to line ${line} and the rest is not read`,
    });
  }
  const lines = text.split('\n');
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (fence) {
      if (closesFence(line, fence)) fence = null;
    } else {
      fence = fenceOpener(line);
      const bounded = boundPrefix(line, limits);
      if (bounded.reason === 'nesting')
        cuts.push({
          line: i + 1,
          reason: 'nesting',
          message: `line ${i + 1} opens ${count(bounded.markers)} nested quotes or lists; only the first ${count(limits.nesting)} are read`,
        });
      else if (bounded.reason === 'indent')
        cuts.push({
          line: i + 1,
          reason: 'indent',
          message: `line ${i + 1} is indented ${count(bounded.columns)} columns; only the first ${count(limits.indentColumns)} are read`,
        });
      line = bounded.line;
    }
    if (line.length > limits.lineChars) {
      // The last line of a cut document ran on past the cut.
      const atLeast = cut && i === lines.length - 1 ? 'at least ' : '';
      cuts.push({
        line: i + 1,
        reason: 'line',
        message: `line ${i + 1} is ${atLeast}${count(line.length)} characters; lines over ${count(limits.lineChars)} are cut to ${count(limits.lineChars)} for reading`,
      });
      line = cutAt(line, limits.lineChars);
    }
    lines[i] = line;
  }
  return { text: cuts.length ? lines.join('\n') : text, cuts: summarised(cuts, limits, listed) };
}
