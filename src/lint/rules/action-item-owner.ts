import { actionItems } from '../action-items.js';
import { isPlaceholder } from '../placeholder.js';
import type { LintRule } from '../rule.js';

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export const actionItemOwner: LintRule = {
  id: 'action-item-owner',
  description: 'Every open action item names an owner (a person, a role or a team).',
  cost: { each: 3, max: 15 },
  check({ doc }) {
    return actionItems(doc)
      .filter((item) => item.status !== 'done' && (!item.owner || isPlaceholder(item.owner)))
      .map((item) => ({
        rule: 'action-item-owner',
        line: item.line,
        message: item.owner
          ? `action item '${short(item.action)}' has the placeholder owner '${item.owner}'; name the owner`
          : `action item '${short(item.action)}' has no owner; add 'Owner: <role or team>'`,
      }));
  },
  examples: {
    ok: [
      '## Action items\n\n- Add a pool-size alert (Owner: SRE, due 2024-02-01)\n',
      '## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Add alert | sre | 2024-02-01 |\n',
    ],
    notOk: [
      {
        markdown:
          '## Action items\n\n- Add a pool-size alert, due 2024-02-01\n- Fix config (Owner: [Name])\n',
        lines: [3, 4],
      },
    ],
  },
};
