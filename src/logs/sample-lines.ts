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
