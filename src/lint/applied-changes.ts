import type { ListItem } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { nlp } from './nlp.js';

/** A web address as written, in a Markdown link, in angle brackets or bare. */
const URL = /https?:\/\/[^\s()<>[\]"'`]{1,500}/g;
/** The part of an address that names one change: a pull or merge request, or a commit. */
const CHANGE = /\/(?:pull|pulls|merge_requests|commits?)\/[0-9a-f]{1,40}\b/i;

/** The changes (pull requests, commits) a text links to, each by its address up to the change's number. */
export function changesLinked(text: string): string[] {
  return [...text.matchAll(URL)].flatMap(([url]) => {
    const m = url.match(CHANGE);
    return m?.index === undefined ? [] : [url.slice(0, m.index + m[0].length).toLowerCase()];
  });
}

/** An item's lines: its own and the lines indented under it (its nested notes and links). */
export function itemLines(lines: string[], line: number): string[] {
  const first = lines[line - 1] ?? '';
  const indent = first.length - first.trimStart().length;
  const out = [first];
  for (let i = line; i < lines.length; i++) {
    const text = lines[i];
    if (!text.trim() || text.length - text.trimStart().length <= indent) break;
    out.push(text);
  }
  return out;
}

/** Words that look ahead: an item that says them plans the change it links to. */
const AHEAD = /\b(?:will|shall|going to|plan(?:s|ned)? to|once|until|in the (?:near )?future)\b/i;

/** The item opens with a verb in its base form, an instruction ("Merge the fix …"): work still to do. */
function instructs(text: string): boolean {
  const first = nlp(text.replace(/^[^A-Za-z]+/, ''))
    .terms()
    .json()[0]?.terms[0] as { tags: string[] } | undefined;
  return !!first?.tags.includes('Verb') && first.tags.some((t) => t === 'Infinitive' || t === 'Imperative');
}

interface Item {
  line: number;
  list: number;
  status: string | null;
}

/**
 * Items that name changes already applied during the incident: an item that links pull requests or
 * commits the account of the incident (outside the action sections) already cites, such as a
 * "Short term" list repeating the fixes its "Technical Elements" list gave ("Configuration fixes"
 * over the two pull requests merged that night), is completed work; so is an item beside it in the
 * same list that links a change of its own ("Adding a note on the status page: <…/pull/18>"). An
 * instruction ("Merge …") or an item that looks ahead ("once …", "will …") still plans the change.
 */
export function markAppliedChanges<T extends Item>(
  lines: string[],
  inActions: (line: number) => boolean,
  items: T[],
): void {
  const cited = new Set<string>();
  lines.forEach((text, i) => {
    if (!inActions(i + 1)) for (const change of changesLinked(text)) cited.add(change);
  });
  if (!cited.size) return;
  const candidates = items
    .filter((item) => item.status === null)
    .map((item) => {
      const text = itemLines(lines, item.line).join('\n');
      return {
        item,
        changes: changesLinked(text),
        open: AHEAD.test(text) || instructs(lines[item.line - 1] ?? ''),
      };
    })
    .filter((c) => c.changes.length > 0 && !c.open);
  const applied = new Set(
    candidates.filter((c) => c.changes.every((change) => cited.has(change))).map((c) => c.item.list),
  );
  for (const { item } of candidates) if (applied.has(item.list)) item.status = 'done';
}

/**
 * A note nested under an item saying the work is done ("Already done in <PR> …", "This has been
 * done: …"): the item reports completed work, whatever tense it is written in.
 */
const DONE_NOTE =
  /^\s{0,3}(?:already\s{1,3}(?:done|in\s{1,3}place|implemented|fixed|merged|applied)|(?:this|it)\s{1,3}(?:has|have)\s{1,3}(?:already\s{1,3})?been\s{1,3}(?:done|implemented|fixed|applied))\b/i;

export function notedDone(item: ListItem): boolean {
  return item.children.some(
    (c) =>
      c.type === 'list' &&
      c.children.some((n) => {
        const first = n.children.find((p) => p.type === 'paragraph');
        return !!first && DONE_NOTE.test(textOf(first));
      }),
  );
}

/**
 * An item that opens struck through ("~~Nothing paged on the failure mode~~ — shipped 2026-09-27"):
 * the writer crossed the work off, done or dropped; it plans nothing.
 */
export function struckThrough(item: ListItem): boolean {
  const first = item.children.find((c) => c.type === 'paragraph');
  const lead = first?.children.find((c) => c.type !== 'text' || c.value.trim() !== '');
  return lead?.type === 'delete';
}

/**
 * A note that asks: it ends on a question mark ("Maybe using a bot …?") or opens as one ("Q: …");
 * options asked in brackets after a statement ("… for big outages (Tweetdeck sharing? other?)") only
 * say how.
 */
const ASKS = /\?[\s*_]{0,3}$|^\s{0,3}Q\s{0,2}:/;
const BRACKETED = /\([^()]{0,200}\)/g;

/**
 * An item whose nested notes are half or more open questions ("Improve the status page update:"
 * over "Should we use PRs?", "Maybe using a bot?"): the work is still being weighed, a decision
 * to make, not an outcome committed to.
 */
export function restsOnQuestions(item: ListItem): boolean {
  const notes = item.children
    .filter((c) => c.type === 'list')
    .flatMap((l) => l.children)
    .map((n) => n.children.find((p) => p.type === 'paragraph'))
    .filter((p) => p !== undefined)
    .map((p) => textOf(p).trim());
  const asked = notes.filter((n) => ASKS.test(n.replace(BRACKETED, '').trim())).length;
  return notes.length > 0 && asked * 2 >= notes.length;
}
