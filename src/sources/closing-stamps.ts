// A status page's history copied as text: each update's words, then the line that dates it
// ("**Resolved** - This incident has been resolved." over "Mar 9, 2026 - 10:31 UTC", or "Posted
// Mar 09, 2026 - 10:31 UTC"). The stamp closes its paragraph; read as a timeline, it dates the
// words above it, not the next update's.
import { isBroken, readStamp } from '../time/index.js';
import type { SourceLine } from './timeline-setting.js';

/** Lines that are no paragraph text: headings, list items, tables, quotes, HTML, fences. */
const NOT_TEXT = /^\s{0,3}(?:#|[-*+]\s|\d{1,3}[.)]\s|\||>|<|```|~~~)/;
/** "Posted", "Updated", "Posted 2 hours ago." before the stamp, as a status page prints it. */
const POSTED =
  /^\s{0,3}(?:posted|updated)\s{1,3}(?:[\w\s]{1,30}\s{1,3}ago\.?\s{1,3})?(?:on\s{1,3}|at\s{1,3})?/i;
/** A line that is one capitalised word: a status ("Resolved", "Investigating") set over its words. */
const LONE_WORD = /^\s{0,3}[*_]{0,2}[A-Z][a-z]{2,20}[*_]{0,2}\s*$/;
/** The words before the stamp end as a sentence or a closed bracket or quote. */
const SENTENCE_END = /[.!?)"'’”]\s*$/;

/** The line's stamp when it is nothing but a day and a time (after "Posted"), else null. */
function stampOnly(text: string): string | null {
  const bare = text.replace(POSTED, '').replace(/[*_]/g, '').trim();
  const stamp = bare ? readStamp(bare) : null;
  return stamp && !isBroken(stamp) && stamp.clock && stamp.day && stamp.rest === '' ? bare : null;
}

/**
 * The lines with each paragraph that ends in a line holding only its day and time moved to read
 * "stamp - words": the stamp leads the paragraph's first line (keeping that line's number), and its
 * own line is left blank. A paragraph whose other lines carry a time, or whose words before the
 * stamp do not end a sentence, is left as it is.
 */
export function stampsClosingParagraphs(lines: SourceLine[]): SourceLine[] {
  const out = lines.map((l) => ({ ...l }));
  let start = -1;
  let fenced = false;
  const close = (end: number) => {
    // The paragraph runs from `start` to `end` (inclusive); its last line may be its stamp.
    if (start < 0 || end - start < 1) return;
    const stamp = stampOnly(out[end].text);
    const words = out.slice(start, end);
    if (!stamp || !SENTENCE_END.test(words.at(-1)!.text)) return;
    if (words.some((l) => NOT_TEXT.test(l.text) || stampOnly(l.text) || readsAsStamped(l.text))) return;
    // A status word on a line of its own over the update's words ("Resolved" over "This incident
    // has been resolved."), as a status page prints it, labels them as its dash would.
    const label = words.length > 1 && LONE_WORD.test(words[0].text) ? `${words[0].text.trim()} - ` : '';
    if (label) out[start + 1] = { ...out[start + 1], text: '' };
    const first = label ? words[1].text.trim() : out[start].text.trim();
    out[start] = { ...out[start], text: `${stamp} - ${label}${first}` };
    out[end] = { ...out[end], text: '' };
  };
  for (let i = 0; i < out.length; i++) {
    const text = out[i].text;
    if (/^\s{0,3}(?:```|~~~)/.test(text)) fenced = !fenced;
    if (fenced || !text.trim() || /^\s{0,3}(?:#|```|~~~)/.test(text)) {
      close(i - 1);
      start = -1;
      continue;
    }
    if (start < 0) start = i;
  }
  close(out.length - 1);
  return out;
}

/** A line that opens with a time of its own: an entry, not words a later stamp dates. */
function readsAsStamped(text: string): boolean {
  const stamp = readStamp(text.replace(/[*_]/g, '').trim());
  return stamp !== null && !isBroken(stamp) && stamp.clock !== null;
}
