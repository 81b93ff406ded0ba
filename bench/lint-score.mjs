// Scoring lint findings against a reviewer's labels, shared by bench:lint and bench:agreement: the
// findings are lint's, or another reviewer's problems of the same document.
import { matchFindings, RULES } from '../scripts/lint-eval.mjs';

const counter = () => ({ findings: 0, right: 0, problems: 0, found: 0, trapsHit: 0 });

export function emptyTally() {
  return { documents: 0, overall: counter(), rules: Object.fromEntries(RULES.map((r) => [r, counter()])) };
}

const hits = (f, lines) => f.line !== null && lines.includes(f.line);

/**
 * Adds one document's comparison; returns what it got wrong, for --docs. `match` pairs the findings
 * with the label's problems (by default as lint's findings are matched).
 */
export function compare(tally, label, findings, match = matchFindings(findings, label.problems)) {
  tally.documents++;
  const { right, found } = match;
  const wrong = [];
  const add = (rule, key, n = 1) => {
    tally.overall[key] += n;
    if (!tally.rules[rule]) tally.rules[rule] = counter();
    tally.rules[rule][key] += n;
  };
  findings.forEach((f, i) => {
    add(f.rule, 'findings');
    if (right[i]) add(f.rule, 'right');
    else {
      const trap = (label.traps ?? []).find((t) => t.rule === f.rule && hits(f, t.lines));
      if (trap) add(f.rule, 'trapsHit');
      wrong.push(`  wrong   ${f.rule} line ${f.line}: ${f.message}${trap ? `  [trap: ${trap.why}]` : ''}`);
    }
  });
  label.problems.forEach((p, i) => {
    add(p.rule, 'problems');
    if (found[i]) add(p.rule, 'found');
    else wrong.push(`  missed  ${p.rule} lines ${p.lines.join(',') || '-'}: ${p.what}`);
  });
  return wrong;
}

const ratio = (a, b) => (b ? a / b : null);
/** A tally's counts with its precision (findings that are right) and recall (problems found). */
export const scores = (c) => ({
  ...c,
  precision: ratio(c.right, c.findings),
  recall: ratio(c.found, c.problems),
});
