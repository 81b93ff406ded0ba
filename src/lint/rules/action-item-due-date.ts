import { actionItems } from '../action-items.js';
import { isPlaceholder } from '../placeholder.js';
import type { LintRule } from '../rule.js';

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export const actionItemDueDate: LintRule = {
  id: 'action-item-due-date',
  description: 'Every open action item has a due date (or sits under a heading that gives its timeframe).',
  cost: { each: 3, max: 15 },
  check({ doc }) {
    return actionItems(doc)
      .filter((item) => item.status !== 'done' && (!item.due || isPlaceholder(item.due)))
      .map((item) => ({
        rule: 'action-item-due-date',
        line: item.line,
        message: item.due
          ? `action item '${short(item.action)}' has the placeholder due date '${item.due}'; set a date`
          : `action item '${short(item.action)}' has no due date; add 'due YYYY-MM-DD'`,
      }));
  },
  examples: {
    ok: [
      '## Action items\n\n- Add a pool-size alert (Owner: SRE, due 2024-02-01)\n',
      '## Action items\n\n### This week\n\n- [ ] Add alert (owner: sre)\n',
    ],
    notOk: [
      {
        markdown: '## Action items\n\n- Add a pool-size alert (Owner: SRE)\n- [x] Roll back (Owner: SRE)\n',
        lines: [3],
      },
    ],
  },
};
