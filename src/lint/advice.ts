import type { List, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';

/** Words said to the reader: advice ("If you have a dormant account, consider …"), not the team's plan. */
export const TO_READER = /\b(?:you|your|yours|yourself|you're|you've|you'll)\b/i;

/** A paragraph that introduces what follows as advice to the reader ("Some things you can do …"). */
export const addressesReader = (node: RootContent | null) =>
  node?.type === 'paragraph' && TO_READER.test(textOf(node));

/** A list whose items mostly speak to the reader. */
export const mostlyToReader = (list: List) =>
  list.children.filter((item) => TO_READER.test(textOf(item))).length * 2 > list.children.length;

/** A paragraph naming what follows as advice: "we have a few recommendations for …", "Our advice:". */
const NAMES_ADVICE = /\b(?:recommend(?:s|ed|ations?)?|advi[cs]e|suggest(?:s|ed|ions?)?|tips)\b/i;
/** The subject a duty is laid on, up to its modal: "Package maintainers should …". */
const DUTY = /^([^.;:!?]{1,80}?)\s(?:should|must|ought\s{1,3}to)\s/i;
/** The writers themselves as the subject: "we should …" is the team's own wish. */
const WRITERS = /\b(?:we|us|our|i|my|let's)\b/i;

/** An item laying a duty on someone other than the writers: "Application developers should use a lockfile". */
const dutyOnOthers = (text: string) => {
  const subject = text.trim().match(DUTY)?.[1];
  return subject !== undefined && !WRITERS.test(subject);
};

/**
 * An item in which the writers advise others, as they speak now ("for testnet members who have
 * not yet run it, we advise they do so at their earliest convenience", "We strongly recommend
 * operators upgrade"): advice, not the team's planned work; "we will ask members to …" is work.
 */
const WRITERS_ADVISE =
  /\b(?:we|i)\s{1,3}(?:would\s{1,3})?(?:(?:strongly|highly)\s{1,3})?(?:advise|recommend|suggest|urge|encourage)\b/i;
export const advisesOthers = (text: string) => WRITERS_ADVISE.test(text);

/**
 * A list the paragraph before it names as advice ("we have a few recommendations for npm package
 * maintainers and users:"), whose items mostly lay duties on others ("Package maintainers should
 * enable two-factor authentication"): advice to people outside the team, not the team's plan.
 */
export const adviceToOthers = (list: List, before: RootContent | null) =>
  before?.type === 'paragraph' &&
  NAMES_ADVICE.test(textOf(before)) &&
  list.children.filter((item) => dutyOnOthers(textOf(item))).length * 2 > list.children.length;

/**
 * The blocks (paragraphs and lists) of a section that are advice: said to the reader, or a list of
 * advice to others together with the paragraph that introduces it.
 */
export function adviceBlocks(nodes: RootContent[]): { blocks: RootContent[]; advice: Set<RootContent> } {
  // A list of empty bullets ("-" left under the heading) says nothing.
  const blocks = nodes.filter(
    (n) => (n.type === 'paragraph' || n.type === 'list') && /\p{L}/u.test(textOf(n)),
  );
  const advice = new Set<RootContent>();
  blocks.forEach((node, i) => {
    const before = blocks[i - 1] ?? null;
    if (TO_READER.test(textOf(node))) advice.add(node);
    else if (node.type === 'list' && adviceToOthers(node, before)) {
      advice.add(node);
      if (before) advice.add(before);
    }
  });
  return { blocks, advice };
}
