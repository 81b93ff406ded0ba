import type { LintRule } from '../rule.js';

export const misDecodedText: LintRule = {
  id: 'mis-decoded-text',
  description: 'No symbols garbled by a wrong text encoding (UTF-8 once read as Mac Roman or Windows-1252).',
  cost: { each: 1, max: 5 },
  check({ doc }) {
    return doc.repairedLines.map((line) => ({
      rule: 'mis-decoded-text',
      line,
      message:
        'garbled symbols: the text was once decoded with the wrong encoding (read here as repaired); re-save the file as UTF-8',
    }));
  },
  examples: {
    ok: ['## Timeline\n\n| Time | Event |\n|---|---|\n| 14:30 UTC | deployed ✓ |\n'],
    notOk: [
      { markdown: '## Timeline\n\n| Time | Event |\n|---|---|\n| 14:30 UTC | deployed ‚úì |\n', lines: [5] },
    ],
  },
};
