/** Escapes text for use inside a regular expression. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `text` names `word` as a whole word (a service, a ref, a version). */
export const namesWord = (text: string, word: string) =>
  new RegExp(`(^|[^\\w.-])${escapeRegExp(word)}($|[^\\w-])`, 'i').test(text);
