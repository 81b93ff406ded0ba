import type { LintResult } from './lint.js';

/** Findings as a terminal shows them: `file:line  rule  message`, then the score. */
export function formatLintText(results: LintResult[]): string {
  return results
    .map((r) => {
      const lines = r.findings.map((f) => `${r.file}:${f.line ?? '-'}  ${f.rule}  ${f.message}`);
      return [
        ...lines,
        `${r.file}: score ${r.score}/100, ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'}`,
      ].join('\n');
    })
    .join('\n\n');
}

/** `--json`: one object for one file, an array for several (SPEC §2). */
export const formatLintJson = (results: LintResult[]) =>
  JSON.stringify(results.length === 1 ? results[0] : results, null, 2);
