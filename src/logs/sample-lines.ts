/** The complete non-blank lines of a detection sample (its last line may be cut off). */
export function sampleLines(sample: string, { limit = 50 }: { limit?: number } = {}): string[] {
  const lines = sample.split('\n');
  if (!sample.endsWith('\n') && lines.length > 1) lines.pop();
  return lines
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim())
    .slice(0, limit);
}

/** True when at least `share` of the lines pass `test` (and there is at least one line). */
export function mostly(
  lines: string[],
  test: (line: string) => boolean,
  { share = 0.6 }: { share?: number } = {},
): boolean {
  if (!lines.length) return false;
  let hits = 0;
  for (const line of lines) if (test(line)) hits++;
  return hits / lines.length >= share;
}

/** How many lines that are not log lines a log may open with: a banner, a `Header1: abc` or two. */
export const HEADER_LINES = 5;

/**
 * How many lines come before the first that passes `test`: 0 when the first line does, -1 when
 * none of the first `within + 1` lines does. A log may open with a few header lines, which its
 * reader then reports as skipped with their line numbers.
 * @example headerLines(['Header1: abc', 'Nov  3 09:23:38 host app: up'], isStamped) // 1
 */
export function headerLines(
  lines: string[],
  test: (line: string) => boolean,
  { within = HEADER_LINES }: { within?: number } = {},
): number {
  const last = Math.min(within, lines.length - 1);
  for (let k = 0; k <= last; k++) if (test(lines[k])) return k;
  return -1;
}
