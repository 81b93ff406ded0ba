import type { LintRule } from '../rule.js';

const listed = (lines: number[]) =>
  lines.length > 12 ? `${lines.slice(0, 12).join(', ')}, …` : lines.join(', ');

export const misDecodedText: LintRule = {
  id: 'mis-decoded-text',
  description: 'No symbols garbled by a wrong text encoding (UTF-8 once read as Mac Roman or Windows-1252).',
  cost: { each: 1, max: 5 },
  check({ doc }) {
    // One cause, one finding: the whole file was decoded wrongly once.
    const lines = doc.repairedLines;
    if (!lines.length) return [];
    const where = lines.length === 1 ? '' : ` on ${lines.length} lines (${listed(lines)})`;
    return [
      {
        rule: 'mis-decoded-text',
        line: lines[0],
        message: `garbled symbols${where}: the text was once decoded with the wrong encoding (read here as repaired); re-save the file as UTF-8`,
      },
    ];
  },
  examples: {
    ok: ['## Timeline\n\n| Time | Event |\n|---|---|\n| 14:30 UTC | deployed ✓ |\n'],
    notOk: [
      { markdown: '## Timeline\n\n| Time | Event |\n|---|---|\n| 14:30 UTC | deployed ‚úì |\n', lines: [5] },
      {
        markdown:
          '## Timeline\n\n| Time | Event |\n|---|---|\n| 14:30 UTC | deployed ‚úì |\n| 14:40 UTC | checked ‚úì |\n',
        lines: [5],
      },
    ],
  },
};
