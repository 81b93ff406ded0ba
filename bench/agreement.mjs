// How far two careful readers agree, beside how far Hindsight agrees with each. Documents read
// twice, blind (readings/first/ and readings/second/ of test/fixtures/timeline-eval and lint-eval),
// are scored with the same measures as bench:timelines and bench:lint: the second reading as if it
// were the tool, against the first; then the tool against each reading and against labels/ (the
// ground truth, where the two readings disagreed settled by a third reading). Agreement between
// readers is the ceiling a reader of words can be expected to reach against either of them.
// Usage: npm run bench:agreement [-- --json]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelFile as lintLabelFile, matchProblems, ROOT, RULES } from '../scripts/lint-eval.mjs';
import {
  KINDS,
  MOMENTS,
  readSplit,
  splitParts,
  labelFile as timelineLabelFile,
} from '../scripts/timeline-eval.mjs';
import { loadBuilt } from './built.mjs';
import { compare as compareLint, emptyTally as emptyLintTally, scores } from './lint-score.mjs';
import { compare, emptyTally, labelsAsReading, run, summarise } from './timeline-score.mjs';

const { lintFile } = await loadBuilt('lint/index.js');

const json = process.argv.includes('--json');
const reading = (file, which) => file.replace(/([\\/])labels([\\/])/, `$1readings$2${which}$2`);
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
/** The ground truth and both blind readings of a document, or null when it was read once. */
function readings(file) {
  const [first, second] = [reading(file, 'first'), reading(file, 'second')];
  return existsSync(first) && existsSync(second) ? [read(file), read(first), read(second)] : null;
}

const split = readSplit();
const timelines = {};
const lint = {};
for (const part of splitParts(split)) {
  const t = {
    readers: emptyTally(),
    toolTruth: emptyTally(),
    toolFirst: emptyTally(),
    toolSecond: emptyTally(),
  };
  const l = {
    readers: emptyLintTally(),
    toolTruth: emptyLintTally(),
    toolFirst: emptyLintTally(),
    toolSecond: emptyLintTally(),
  };
  for (const doc of split[part]) {
    const timeline = readings(timelineLabelFile(doc));
    if (timeline) {
      const [truth, a, b] = timeline;
      compare(t.readers, a, labelsAsReading(b));
      const got = await run(doc, truth);
      compare(t.toolTruth, truth, got);
      compare(t.toolFirst, a, got);
      compare(t.toolSecond, b, got);
    }
    const review = readings(lintLabelFile(doc));
    if (review) {
      const [truth, a, b] = review;
      const asFindings = b.problems.map((p) => ({ rule: p.rule, line: p.lines[0] ?? null, message: p.what }));
      compareLint(l.readers, a, asFindings, matchProblems(a.problems, b.problems));
      const { findings } = await lintFile(join(ROOT, doc));
      compareLint(l.toolTruth, truth, findings);
      compareLint(l.toolFirst, a, findings);
      compareLint(l.toolSecond, b, findings);
    }
  }
  if (t.readers.documents)
    timelines[part] = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, summarise(v)]));
  if (l.readers.documents)
    lint[part] = Object.fromEntries(
      Object.entries(l).map(([k, v]) => [
        k,
        {
          documents: v.documents,
          overall: scores(v.overall),
          rules: Object.fromEntries(RULES.map((r) => [r, scores(v.rules[r])])),
        },
      ]),
    );
}

if (json) {
  console.log(JSON.stringify({ timelines, lint }, null, 2));
  process.exit(0);
}

const pct = (v) => (v == null ? '   -' : `${Math.round(v * 100)}%`.padStart(4));
const num = (v) => (v == null ? '   -' : v.toFixed(2));
const f1 = (p, r) => (p == null || r == null || p + r === 0 ? null : (2 * p * r) / (p + r));
const PAIRS = [
  ['readers', 'second reader vs first'],
  ['toolTruth', 'Hindsight vs labels'],
  ['toolFirst', 'Hindsight vs first'],
  ['toolSecond', 'Hindsight vs second'],
];

console.log('Agreement between two blind readings, beside Hindsight against each\n');
for (const [part, p] of Object.entries(timelines)) {
  console.log(`timelines, ${part}: ${p.readers.documents} documents read twice`);
  const moments = MOMENTS.map((m) => m.slice(0, 8).padStart(9)).join('');
  console.log(`${''.padEnd(26)}macro-F1  dated  ${moments}`);
  for (const [key, name] of PAIRS) {
    const s = p[key];
    const cells = MOMENTS.map((m) => pct(s.moments[m]).padStart(9)).join('');
    console.log(
      `${name.padEnd(26)}${num(s.macroF1).padStart(8)}  ${pct(s.datedRight).padStart(5)}  ${cells}`,
    );
  }
  const kinds = KINDS.filter((k) => PAIRS.some(([key]) => p[key].kinds[k].support));
  console.log(`${'kind F1'.padEnd(26)}${kinds.map((k) => k.slice(0, 8).padStart(9)).join('')}`);
  for (const [key, name] of PAIRS)
    console.log(`${name.padEnd(26)}${kinds.map((k) => num(p[key].kinds[k].f1).padStart(9)).join('')}`);
  console.log('');
}
for (const [part, p] of Object.entries(lint)) {
  console.log(`lint, ${part}: ${p.readers.documents} documents read twice`);
  console.log(`${''.padEnd(26)}   P    R   F1`);
  for (const [key, name] of PAIRS) {
    const o = p[key].overall;
    console.log(`${name.padEnd(26)}${pct(o.precision)} ${pct(o.recall)} ${num(f1(o.precision, o.recall))}`);
  }
  const rules = RULES.filter((r) => p.readers.rules[r].problems || p.readers.rules[r].findings);
  const short = (r) => r.replace('action-item-', 'item-').slice(0, 12);
  console.log(`${'rule F1'.padEnd(26)}${rules.map((r) => short(r).padStart(13)).join('')}`);
  for (const [key, name] of PAIRS) {
    const cells = rules.map((r) => {
      const s = p[key].rules[r];
      return num(f1(s.precision, s.recall)).padStart(13);
    });
    console.log(`${name.padEnd(26)}${cells.join('')}`);
  }
  console.log('');
}
if (!Object.keys(timelines).length && !Object.keys(lint).length)
  console.log('No document is read twice yet (readings/first/ and readings/second/ beside labels/).');
