/**
 * A copy of `text` that keeps nothing else in memory. Lines are cut from the block of the file they
 * were decoded from, and tokens from their line, without copying: storing such a piece for good
 * (a template token, an example line) would keep its whole block alive. Joining forces a fresh
 * string, so only the copy is kept.
 * @example templates.push(ownCopy(token))
 */
export const ownCopy = (text: string): string => ` ${text}`.slice(1);
