/**
 * A bold label that is only a state of the work ("**shipped**: the three PRs above …", "**open**:
 * `move_audio()` still …"): the label tells the item's status, and the words after it are the item.
 */
const STATUS_WORDS =
  /^(?:done|complete[d]?|shipped|merged|deployed|released|fixed|resolved|closed|open|still open|todo|to ?do|pending|planned|in[ -]progress|wip|ongoing|not started|backlog)$/i;

/** A label that sets a remark beside the work ("**note**: the artists have not been told"): no item. */
const REMARK_WORDS = /^(?:note|nb|n\.b\.|aside|fyi|context|background|caveat)$/i;

export type ItemLabel = 'status' | 'remark' | null;

/** What an item's bold label is, when it is no title of the work: a status, or a remark's mark. */
export function itemLabel(label: string): ItemLabel {
  const bare = label.replace(/[:\s]+$/, '').trim();
  if (STATUS_WORDS.test(bare)) return 'status';
  if (REMARK_WORDS.test(bare)) return 'remark';
  return null;
}
