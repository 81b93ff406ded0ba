// How far `hindsight lint` can be trusted: each labelled postmortem of the lint evaluation set is
// linted as a user's run would, and its findings are matched with the problems a reviewer labelled
// (test/fixtures/lint-eval/README.md). One finding per problem: a repeat of the same problem is wrong.
// Usage: npm run bench:lint [-- --json] [-- --docs]   (--docs lists what each dev document got wrong)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelFile, matchFindings, ROOT, RULES, readSplit } from '../scripts/lint-eval.mjs';
import { loadBuilt } from './built.mjs';

const { lintFile } = await loadBuilt('lint/index.js');

const args = process.argv.slice(2);
const json = args.includes('--json');
const perDoc = args.includes('--docs');
const TARGET = { precision: 0.9, recall: 0.8, rulePrecision: 0.75 };

const counter = () => ({ findings: 0, right: 0, problems: 0, found: 0, trapsHit: 0 });

function emptyTally() {
  return { documents: 0, overall: counter(), rules: Object.fromEntries(RULES.map((r) => [r, counter()])) };
}

const hits = (f, lines) => f.line !== null && lines.includes(f.line);

/** Adds one document's comparison; returns what it got wrong, for --docs. */
function compare(tally, label, findings) {
  tally.documents++;
  const { right, found } = matchFindings(findings, label.problems);
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

const split = readSplit();
const parts = { dev: emptyTally(), heldout: emptyTally() };
let unlabelled = 0;
for (const part of ['dev', 'heldout']) {
  for (const doc of split[part]) {
    const file = labelFile(doc);
    if (!existsSync(file)) {
      unlabelled++;
      continue;
    }
    const label = JSON.parse(readFileSync(file, 'utf8'));
    const { findings } = await lintFile(join(ROOT, doc));
    const wrong = compare(parts[part], label, findings);
    if (perDoc && part === 'dev' && wrong.length && !json) console.log(`${doc}\n${wrong.join('\n')}\n`);
  }
}

const ratio = (a, b) => (b ? a / b : null);
const scores = (c) => ({ ...c, precision: ratio(c.right, c.findings), recall: ratio(c.found, c.problems) });
const report = Object.fromEntries(
  Object.entries(parts).map(([part, t]) => [
    part,
    {
      documents: t.documents,
      overall: scores(t.overall),
      rules: Object.fromEntries(Object.entries(t.rules).map(([r, c]) => [r, scores(c)])),
    },
  ]),
);

if (json) {
  console.log(JSON.stringify({ target: TARGET, ...report, unlabelled }, null, 2));
} else {
  const pct = (x) => (x === null ? '   -' : `${Math.round(x * 100)}%`.padStart(4));
  const line = (name, a, b) =>
    `${name.padEnd(22)}${pct(a.precision)} ${pct(a.recall)} ${String(a.findings).padStart(4)} ${String(a.problems).padStart(4)} ${String(a.trapsHit).padStart(4)}     ${pct(b.precision)} ${pct(b.recall)} ${String(b.findings).padStart(4)} ${String(b.problems).padStart(4)} ${String(b.trapsHit).padStart(4)}`;
  const { dev, heldout } = report;
  console.log('Lint that reviewers trust: findings matched with labelled problems, dev and held-out parts\n');
  console.log(
    `documents labelled: dev ${dev.documents}, held-out ${heldout.documents}; not labelled yet: ${unlabelled}`,
  );
  console.log(
    `target on held-out: precision ≥ ${TARGET.precision * 100} %, recall ≥ ${TARGET.recall * 100} %, no rule below ${TARGET.rulePrecision * 100} % precision\n`,
  );
  console.log(`${''.padEnd(22)}dev: P    R  found  true traps  heldout: P    R  found  true traps`);
  console.log(line('overall', dev.overall, heldout.overall));
  for (const rule of RULES) console.log(line(rule, dev.rules[rule], heldout.rules[rule]));
  const low = RULES.filter((r) => (heldout.rules[r].precision ?? 1) < TARGET.rulePrecision);
  const met =
    (heldout.overall.precision ?? 0) >= TARGET.precision &&
    (heldout.overall.recall ?? 0) >= TARGET.recall &&
    low.length === 0;
  console.log(
    `\nheld-out: ${met ? 'meets' : 'below'} the target${low.length ? `; rules below ${TARGET.rulePrecision * 100} % precision: ${low.join(', ')}` : ''}`,
  );
}
