/**
 * Where a line of evidence stands, as a reader cites it: `postmortem.md:12`, or the file alone
 * when the line is unknown.
 */
export const fileLine = (s: { file: string; line?: number | null }): string =>
  `${s.file}${s.line != null ? `:${s.line}` : ''}`;
