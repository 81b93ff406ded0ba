import { READING_LIMITS } from '../reading-limits.js';
import type { LintRule } from '../rule.js';

export const readInFull: LintRule = {
  id: 'read-in-full',
  description: `Read in full: at most ${READING_LIMITS.documentChars.toLocaleString('en-US')} characters, lines of at most ${READING_LIMITS.lineChars.toLocaleString('en-US')}, at most ${READING_LIMITS.nesting} nested quotes or lists.`,
  cost: { each: 1, max: 5 },
  check({ doc }) {
    return doc.cuts.map((cut) => ({ rule: 'read-in-full', line: cut.line, message: cut.message }));
  },
  examples: {
    ok: [`## Summary\n\n> > quoted twice\n\n${'word '.repeat(1000)}\n`],
    notOk: [
      { markdown: `## Summary\n\n${'x'.repeat(READING_LIMITS.lineChars + 1)}\n`, lines: [3] },
      { markdown: `## Summary\n\n${'>'.repeat(READING_LIMITS.nesting + 1)} deep\n`, lines: [3] },
      { markdown: `- a\n${' '.repeat(READING_LIMITS.indentColumns + 1)}- b\n`, lines: [2] },
    ],
  },
};
