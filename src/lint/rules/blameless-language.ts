import { proseLines } from '../prose.js';
import type { LintFinding, LintRule } from '../rule.js';

/** Someone the sentence could blame: a pronoun, a role, or a capitalised name. */
const PERSON = String.raw`(?:\b(?:he|she|they|someone|somebody|the (?:engineer|developer|operator|on-?call|admin|sre|dba|intern|team member|person|author|reviewer))|(?<![A-Z][\w-]*\s)\b(?!The\b|This\b|It\b|We\b|They\b)[A-Z][a-z]+(?<!s))`;

const PATTERNS: [RegExp, string][] = [
  [
    new RegExp(`${PERSON}\\s+(?:failed|forgot|neglected) to\\b`, 'g'),
    'blames a person; describe what the system allowed, not who',
  ],
  [/\bhuman error\b/gi, 'ends the inquiry; describe the conditions that made the error possible'],
  [/\bshould(?:n't| not)? have\b/gi, 'is hindsight; state what was known at the time and what will change'],
  [
    /\bcareless(?:ly|ness)?\b|\bnegligen(?:t|ce)\b|\bsloppy\b|\bincompeten(?:t|ce)\b/gi,
    'judges a person; describe the gap in process or tooling',
  ],
  [
    /\b(?:his|her|their) (?:fault|mistake|error)\b|\bto blame\b|\bblamed?\b/gi,
    'assigns blame; describe contributing factors',
  ],
];

export const blamelessLanguage: LintRule = {
  id: 'blameless-language',
  description:
    'Narrative text describes systems and conditions, not people’s failings ("X failed to", "human error", "should have").',
  cost: { each: 4, max: 20 },
  check({ doc }) {
    const findings: LintFinding[] = [];
    for (const { line, text } of proseLines(doc)) {
      for (const [pattern, why] of PATTERNS) {
        for (const m of text.matchAll(pattern)) {
          findings.push({ rule: 'blameless-language', line, message: `'${m[0]}' ${why}` });
        }
      }
    }
    return findings;
  },
  examples: {
    ok: [
      '## Root cause\n\nThe deploy pipeline allowed a config with a pool size of 10.\n\nThe service failed to start.\n',
    ],
    notOk: [
      {
        markdown:
          '## Root cause\n\nBob failed to check the config.\n\nIt was human error; the reviewer should have caught it.\n',
        lines: [3, 5, 5],
      },
    ],
  },
};
