import { placeholdersIn } from '../placeholder.js';
import { proseLines } from '../prose.js';
import type { LintRule } from '../rule.js';

export const noPlaceholders: LintRule = {
  id: 'no-placeholders',
  description: 'No template text left in: [Date], [Name], YYYY-MM-DD, TBD, Lorem ipsum.',
  cost: { each: 3, max: 15 },
  check({ doc }) {
    return proseLines(doc).flatMap(({ line, text }) =>
      placeholdersIn(text).map((hit) => ({
        rule: 'no-placeholders',
        line,
        message: `'${hit.text.replace(/\\/g, '')}' is a template placeholder; replace it with the real value`,
      })),
    );
  },
  examples: {
    ok: [
      '## Summary\n\nOn 2024-05-12 the [checkout](https://x.test) page failed. [ALERT] fired. - [x] done\n',
      '### Short-term ([Follow along here](https://github.com/o/r/issues/1))\n',
    ],
    notOk: [
      { markdown: '## Summary\n\nOn [Date], owner [Name].\n\nDue: YYYY-MM-DD, TBD\n', lines: [3, 3, 5, 5] },
    ],
  },
};
