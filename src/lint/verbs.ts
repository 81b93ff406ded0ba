/** Verbs that name no change anyone could finish ("Improve monitoring"). */
export const VAGUE_VERBS = new Set([
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
export const CONCRETE_VERBS = new Set(
  (
    'add alert allow bound report rollback restore announce archive automate backfill block build bump cap change clean configure create decommission ' +
    'delete deploy deprecate disable document drop enable enforce establish extend fix gate harden implement increase ' +
    'install introduce limit lower merge migrate move patch pin publish raise reduce refactor remove rename replace ' +
    'require restrict revert rewrite roll rotate run schedule separate set setup ship split standardise standardize switch tag ' +
    'test train tune update upgrade validate verify write conduct analyze analyse identify notify hold define audit ' +
    'externalise externalize expose instrument page quarantine retire scale shard throttle wire develop hire train ' +
    'educate emphasize emphasise communicate educate publish inform log ' +
    // Operations verbs the tagger reads as nouns at an item's start ("Sync backup file on every release").
    'sync replicate purge cordon redeploy rerun revoke encrypt deduplicate'
  ).split(' '),
);

/** The first word of an action, lower-cased: "**Migrate** the config" → 'migrate'. */
export const firstWord = (text: string) =>
  text
    .replace(/^[^A-Za-z]+/, '')
    .split(/[\s/:,(]+/)[0]
    ?.toLowerCase() ?? '';

/** True when a line reads as an instruction: it starts with a verb action items use. */
export const startsWithActionVerb = (text: string) => {
  // "Re-run", "re-deploy": the verb again, with its prefix.
  const word = firstWord(text).replace(/^re-(?=[a-z]{2})/, '');
  return CONCRETE_VERBS.has(word) || VAGUE_VERBS.has(word);
};
