import { z } from 'zod';
import type { HumanTimeline } from './human-timeline.js';
import type { PostmortemDocument } from './parse.js';
import type { RequiredSection } from './required-set.js';

export const LintFinding = z.object({
  rule: z.string(),
  line: z.number().int().nullable(),
  message: z.string(),
});
export type LintFinding = z.infer<typeof LintFinding>;

/** What every rule may read: the parsed document and its timeline, read once. */
export interface LintInput {
  doc: PostmortemDocument;
  timeline: HumanTimeline;
  required: RequiredSection[];
}

/** A rule's documentation and tests at once: each `ok` text has no finding, each `notOk` the lines listed. */
export interface RuleExamples {
  ok: string[];
  notOk: { markdown: string; lines: (number | null)[] }[];
}

/** One review rule (remark-lint style): a file, an id, examples that are its tests. */
export interface LintRule {
  id: string;
  description: string;
  /** Points one finding costs, and the most this rule can take from the score. */
  cost: { each: number; max: number };
  check(input: LintInput): LintFinding[];
  examples: RuleExamples;
}
