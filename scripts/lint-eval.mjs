// The lint evaluation set as its checker and bench read it: the rules its labels may name, each
// label's file, and how findings are matched to labelled problems.
import { join } from 'node:path';
import { ROOT, EVAL_DIR as TIMELINE_EVAL_DIR, labelFile as timelineLabelFile } from './timeline-eval.mjs';

export { ROOT };
export const EVAL_DIR = join(ROOT, 'test/fixtures/lint-eval');
/** Lint evaluation shares the timeline set's documents and split. */
export { readSplit, splitParts } from './timeline-eval.mjs';

export const RULES = [
  'required-sections',
  'action-item-owner',
  'action-item-due-date',
  'action-item-verb',
  'blameless-language',
  'timeline-time-zone',
  'timeline-order',
  'no-placeholders',
  'duration-consistent',
  'cause-after-symptom',
  'no-secrets',
  'mis-decoded-text',
  'read-in-full',
];

/** labels/<collection>/<file name>.json, as for the timeline set. */
export const labelFile = (doc) => timelineLabelFile(doc).replace(TIMELINE_EVAL_DIR, EVAL_DIR);

/**
 * Matches one document's findings to its labelled problems, one finding per problem: a finding
 * of the same rule on one of the problem's lines (any line, for a problem of the whole document).
 * A second finding on a problem already matched is a duplicate, and counts as wrong.
 * @returns per finding, the problem it matched (or null), and per problem, whether it was found
 */
const SECTION_NAMES = /\b(summary|impact|timeline|root cause|action items)\b/i;
const sectionNamed = (p) => p.rule === 'required-sections' && SECTION_NAMES.test(p.what);

export function matchFindings(findings, problems) {
  const taken = new Set();
  const found = problems.map(() => false);
  // A problem of the whole document (a missing section) is matched by the section it names, when the
  // finding quotes one ("no 'Impact' section") and the label's words name it too.
  const names = (f, p) => {
    const quoted = f.message.match(/'([^']{1,40})'/)?.[1]?.toLowerCase();
    return quoted !== undefined && p.what.toLowerCase().includes(quoted);
  };
  const onLine = (f, p) =>
    p.lines.length === 0 ? !sectionNamed(p) || names(f, p) : f.line !== null && p.lines.includes(f.line);
  // Problems tied to lines first, so a whole-document problem does not take a finding a line needs.
  const order = problems
    .map((_, i) => i)
    .sort((a, b) => (problems[a].lines.length ? 0 : 1) - (problems[b].lines.length ? 0 : 1));
  for (const i of order) {
    const p = problems[i];
    const j = findings.findIndex((f, k) => !taken.has(k) && f.rule === p.rule && onLine(f, p));
    if (j >= 0) {
      taken.add(j);
      found[i] = true;
    }
  }
  return { right: findings.map((_, k) => taken.has(k)), found };
}

/**
 * Matches a second reviewer's problems to the first's, one to one: the same rule, and a line in
 * common, or both of the whole document (for a missing section, the same section named).
 * @returns per second problem, whether it matched (`right`), and per first problem, whether it was found
 */
export function matchProblems(first, second) {
  const section = (p) => p.what.match(SECTION_NAMES)?.[1]?.toLowerCase() ?? null;
  const same = (p, q) =>
    p.rule === q.rule &&
    (p.lines.length || q.lines.length
      ? p.lines.some((line) => q.lines.includes(line))
      : p.rule !== 'required-sections' || section(p) === section(q));
  const taken = new Set();
  const found = first.map((p) => {
    const j = second.findIndex((q, k) => !taken.has(k) && same(p, q));
    if (j >= 0) taken.add(j);
    return j >= 0;
  });
  return { right: second.map((_, k) => taken.has(k)), found };
}
