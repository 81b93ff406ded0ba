import type { Event } from '../model/index.js';
import { firstSentence } from '../text/sentences.js';

// People outside the team whose own acts are not changes of ours: users, customers, attackers.
const OUTSIDER =
  '(?:users?|customers?|clients?|tenants?|merchants?|partners?|subscribers?|visitors?|attackers?|adversar(?:y|ies)|hackers?|impersonators?|third[- ]part(?:y|ies))(?![\\w-])';
const ARTICLE = '(?:an?\\s|the\\s|one\\s|some\\s|several\\s|many\\s|multiple\\s|\\d+\\s)?';
const ADJECTIVE = '(?:[a-z]{2,20}\\s)?';
/** An optional name in commas ("a user, jdoe, published"), an adverb, an auxiliary, then a verb in the past. */
const ACTED =
  '(?:,[^,]{1,40},)?\\s(?:[a-z]{2,20}ly\\s)?(?:has\\s|had\\s|have\\s)?(?:[a-z]{2,20}ed|made|ran|set|put|built|wrote|sent|took|gave|began|brought|did|upgraded|pushed)\\b';
/** The outsider is the subject of a past act: at the text's start, or after a time, a dash or a colon. */
const SUBJECT = new RegExp(
  `(?:^|[.:;|\\u2013\\u2014-]\\s{0,3})${ARTICLE}${ADJECTIVE}${OUTSIDER}${ACTED}`,
  'i',
);
/** Or the act was done by them ("published by a user", "by a customer in their account"). */
const AGENT = new RegExp(
  `\\bby\\s${ARTICLE}${ADJECTIVE}${OUTSIDER}(?:$|[,.;:()]|\\s(?:in|on|at|from|of|to|with|via|using|who|through|for)\\b)`,
  'i',
);

/** True when the text says someone outside the team acted ("a user published …", "malicious user redirected …"). */
export const outsiderActs = (text: string) => SUBJECT.test(text.trimStart()) || AGENT.test(text);

/**
 * True when a change was made by someone outside the team (a user's publish, a customer's deploy, an
 * attacker's upload): its first sentence tells who made it; what follows is its story ("We updated
 * the domain. Both customers reported success").
 */
export const byOutsider = (e: Event) => outsiderActs(firstSentence(e.summary));
