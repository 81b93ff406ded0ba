// How far `hindsight lint` can be trusted: each labelled postmortem of the lint evaluation set is
// linted as a user's run would, and its findings are matched with the problems a reviewer labelled
// (test/fixtures/lint-eval/README.md). One finding per problem: a repeat of the same problem is wrong.
// Every part of the split is measured alike (dev, heldout, fresh, …); only dev is ever studied.
// Usage: npm run bench:lint [-- --json] [-- --docs]   (--docs lists what each dev document got wrong)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelFile, ROOT, RULES, readSplit, splitParts } from '../scripts/lint-eval.mjs';
import { loadBuilt } from './built.mjs';
import { compare, emptyTally, scores } from './lint-score.mjs';

const { lintFile } = await loadBuilt('lint/index.js');

const args = process.argv.slice(2);
const json = args.includes('--json');
const perDoc = args.includes('--docs');
const TARGET = { precision: 0.9, recall: 0.8, rulePrecision: 0.75 };

const split = readSplit();
const parts = Object.fromEntries(
  splitParts(split).map((name) => [name, { docs: split[name], tally: emptyTally() }]),
);
let unlabelled = 0;
for (const [part, { docs, tally }] of Object.entries(parts)) {
  for (const doc of docs) {
    const file = labelFile(doc);
    if (!existsSync(file)) {
      unlabelled++;
      continue;
    }
    const label = JSON.parse(readFileSync(file, 'utf8'));
    const { findings } = await lintFile(join(ROOT, doc));
    const wrong = compare(tally, label, findings);
    if (perDoc && part === 'dev' && wrong.length && !json) console.log(`${doc}\n${wrong.join('\n')}\n`);
  }
}

const report = Object.fromEntries(
  Object.entries(parts).map(([part, { tally: t }]) => [
    part,
    {
      documents: t.documents,
      overall: scores(t.overall),
      rules: Object.fromEntries(Object.entries(t.rules).map(([r, c]) => [r, scores(c)])),
    },
  ]),
);
// Every part but dev is only measured, so each is held to the target.
const measured = Object.keys(report).filter((p) => p !== 'dev');
const lowRules = (r) => RULES.filter((rule) => (r.rules[rule]?.precision ?? 1) < TARGET.rulePrecision);
const meets = (r) =>
  (r.overall.precision ?? 0) >= TARGET.precision &&
  (r.overall.recall ?? 0) >= TARGET.recall &&
  lowRules(r).length === 0;

if (json) {
  console.log(JSON.stringify({ target: TARGET, ...report, unlabelled }, null, 2));
} else {
  const pct = (x) => (x === null ? '   -' : `${Math.round(x * 100)}%`.padStart(4));
  const num = (n) => String(n).padStart(4);
  const cells = (c) =>
    `${pct(c.precision)} ${pct(c.recall)} ${num(c.findings)} ${num(c.problems)} ${num(c.trapsHit)}`;
  const names = Object.keys(report);
  const width = 30;
  const row = (name, pick) =>
    `${name.padEnd(22)}${names.map((p) => cells(pick(report[p])).padEnd(width)).join('')}`;
  console.log(
    `Lint that reviewers trust: findings matched with labelled problems, by part (${names.join(', ')})\n`,
  );
  console.log(
    `documents labelled: ${names.map((p) => `${p} ${report[p].documents}`).join(', ')}; not labelled yet: ${unlabelled}`,
  );
  console.log(
    `target on every part but dev: precision ≥ ${TARGET.precision * 100} %, recall ≥ ${TARGET.recall * 100} %, no rule below ${TARGET.rulePrecision * 100} % precision\n`,
  );
  console.log(`${''.padEnd(22)}${names.map((p) => `${p}:`.padEnd(width)).join('')}`);
  console.log(`${''.padEnd(22)}${names.map(() => '  P    R found true traps'.padEnd(width)).join('')}`);
  console.log(row('overall', (r) => r.overall));
  for (const rule of RULES) console.log(row(rule, (r) => r.rules[rule]));
  console.log('');
  for (const p of measured) {
    if (!report[p].documents) continue;
    const low = lowRules(report[p]);
    console.log(
      `${p}: ${meets(report[p]) ? 'meets' : 'below'} the target${low.length ? `; rules below ${TARGET.rulePrecision * 100} % precision: ${low.join(', ')}` : ''}`,
    );
  }
}
