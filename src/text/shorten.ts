// Cut text for a sentence: it ends on a whole word, and every quote or bracket it opened is closed.

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”', '‘': '’' };
const SYMMETRIC = new Set(['"', '`']);

/** The quotes and brackets left open at the end of `text`, innermost last. */
function openedIn(text: string): string[] {
  const open: string[] = [];
  for (const c of text) {
    if (SYMMETRIC.has(c)) {
      if (open.at(-1) === c) open.pop();
      else open.push(c);
    } else if (CLOSERS[c]) open.push(c);
    else if (Object.values(CLOSERS).includes(c) && open.length && CLOSERS[open.at(-1)!] === c) open.pop();
  }
  return open;
}

/**
 * `text` at most `max` characters long: cut at the last word boundary, marked with "…", and its
 * open quotes and brackets closed after the mark.
 * @example shorten('Get "http://10.0.0.1/healthz/ready": timeout', 20) // 'Get "http://10.0.0.1…"'
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(1, max - 4);
  let cut = text.slice(0, room);
  // Mid-word: go back to the last space, unless that loses more than half the text.
  if (/\S/.test(text[room] ?? '') && /\S/.test(cut.at(-1) ?? '')) {
    const space = cut.lastIndexOf(' ');
    if (space > room / 2) cut = cut.slice(0, space);
  }
  cut = cut.replace(/[\s,;:([{"“‘`—–-]{1,20}$/, '');
  const closing = openedIn(cut)
    .reverse()
    .map((c) => CLOSERS[c] ?? c)
    .join('');
  return `${cut}…${closing}`;
}
