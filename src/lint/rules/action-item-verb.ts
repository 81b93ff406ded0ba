import { actionItems } from '../action-items.js';
import type { LintRule } from '../rule.js';
import { CONCRETE_VERBS, firstWord, VAGUE_VERBS } from '../verbs.js';

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export const actionItemVerb: LintRule = {
  id: 'action-item-verb',
  description: 'Every action item starts with a concrete verb (add, fix, remove, migrate), not a vague one.',
  cost: { each: 2, max: 10 },
  check({ doc }) {
    return actionItems(doc).flatMap((item) => {
      const verb = firstWord(item.action);
      if (CONCRETE_VERBS.has(verb)) return [];
      const message = VAGUE_VERBS.has(verb)
        ? `action item '${short(item.action)}' starts with '${verb}', which names no finishable change; say what will be added, fixed or removed`
        : `action item '${short(item.action)}' does not start with a verb; start with what will be done (add, fix, remove, migrate…)`;
      return [{ rule: 'action-item-verb', line: item.line, message }];
    });
  },
  examples: {
    ok: ['## Action items\n\n- Add a pool-size alert\n- **Migrate** the config to Consul\n'],
    notOk: [
      {
        markdown: '## Action items\n\n- Improve monitoring\n- Better alerts\n- Add a pool-size alert\n',
        lines: [3, 4],
      },
    ],
  },
};
