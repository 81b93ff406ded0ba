import { actionItems } from '../action-items.js';
import type { LintRule } from '../rule.js';

/** Verbs that name no change anyone could finish ("Improve monitoring"). */
const VAGUE = new Set([
  'consider',
  'explore',
  'investigate',
  'improve',
  'enhance',
  'look',
  'think',
  'try',
  'discuss',
  'revisit',
  'continue',
  'ensure',
  'evaluate',
  'review',
  'monitor',
  'keep',
  'be',
  'make',
]);
/** Verbs that name a change, as action items start. */
const CONCRETE = new Set(
  (
    'add alert allow rollback restore announce archive automate backfill block build bump cap change clean configure create decommission ' +
    'delete deploy deprecate disable document drop enable enforce establish extend fix gate harden implement increase ' +
    'install introduce limit lower merge migrate move patch pin publish raise reduce refactor remove rename replace ' +
    'require restrict revert rewrite roll rotate run schedule separate set ship split standardise standardize switch tag ' +
    'test train tune update upgrade validate verify write conduct analyze analyse identify notify hold define audit ' +
    'externalise externalize expose instrument page quarantine retire scale shard throttle wire'
  ).split(' '),
);

const firstWord = (text: string) =>
  text
    .replace(/^[^A-Za-z]+/, '')
    .split(/[\s/:,(]+/)[0]
    ?.toLowerCase() ?? '';
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export const actionItemVerb: LintRule = {
  id: 'action-item-verb',
  description: 'Every action item starts with a concrete verb (add, fix, remove, migrate), not a vague one.',
  cost: { each: 2, max: 10 },
  check({ doc }) {
    return actionItems(doc).flatMap((item) => {
      const verb = firstWord(item.action);
      if (CONCRETE.has(verb)) return [];
      const message = VAGUE.has(verb)
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
