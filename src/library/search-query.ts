/** Words of a search as plain tokens: FTS syntax characters are the user's text, never operators. */
export function searchWords(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).filter((w) => w.length > 1 || /\d/.test(w));
}

const STOP = new Set(
  'the a an and or of to in on for with was were is are be been by at as from that this it its our we they their which after before during into not no all any have has had but than then there these those when while within what who why how also due'.split(
    ' ',
  ),
);

/** Words every postmortem uses: they say nothing about what this one was about. */
const ROUTINE = new Set(
  'incident incidents postmortem postmortems mortem impact impacted service services alert alerts began begin back detected detection recovered recovery mitigation mitigated started minutes minute hours hour time times likely most trigger confidence responder acknowledged later'.split(
    ' ',
  ),
);

/** The most telling words of a text (frequent, not stop words), to find incidents that read alike. */
export function keyWords(text: string, limit = 12): string[] {
  const counts = new Map<string, number>();
  for (const w of searchWords(text))
    if (w.length > 3 && !STOP.has(w) && !ROUTINE.has(w) && !/^\d+$/.test(w))
      counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([w]) => w);
}
