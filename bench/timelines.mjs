// How well real timelines are read: each labelled document of the evaluation set goes through
// `generate()` as a user's run would, and its entries, kinds, signals and moments are compared
// with the labels written by reading it (test/fixtures/timeline-eval/README.md). Every part of
// split.json is measured (dev, heldout, fresh, …); the target is judged on heldout.
// Usage: npm run bench:timelines [-- --json] [-- --docs]   (--docs lists each dev document)
import { existsSync, readFileSync } from 'node:fs';
import { KINDS, labelFile, MOMENTS, readSplit, SIGNALS, splitParts } from '../scripts/timeline-eval.mjs';
import { compare, emptyTally, run, summarise } from './timeline-score.mjs';

const split = readSplit();
const args = process.argv.slice(2);
const json = args.includes('--json');
const perDoc = args.includes('--docs');

const TARGET = { macroF1: 0.9, moment: 0.9 };
/** The part the target is judged on; the other parts are shown beside it. */
const TARGET_PART = 'heldout';

const parts = {};
const missing = [];
for (const part of splitParts(split)) {
  const tally = emptyTally();
  for (const doc of split[part]) {
    const file = labelFile(doc);
    if (!existsSync(file)) {
      missing.push(doc);
      continue;
    }
    const label = JSON.parse(readFileSync(file, 'utf8'));
    const wrong = compare(tally, label, await run(doc, label));
    // Only the dev part is shown line by line: the held-out and fresh parts are measured, never studied.
    if (perDoc && part === 'dev' && wrong.length && !json) console.log(`${doc}\n${wrong.join('\n')}\n`);
  }
  parts[part] = summarise(tally);
}

if (json) {
  console.log(JSON.stringify({ target: TARGET, ...parts, unlabelled: missing.length }, null, 2));
  process.exit(0);
}

const pct = (v) => (v == null ? '    -' : `${(v * 100).toFixed(0).padStart(4)}%`);
const num = (v) => (v == null ? '   -' : v.toFixed(2).padStart(4));
const row = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');

const names = Object.keys(parts);
const title = (name) => (name === TARGET_PART ? `${name} (target)` : name);
console.log(`Reading real timelines: labelled documents through generate(), parts ${names.join(', ')}\n`);
const w = [24, ...names.map(() => 20)];
const line = (label, cell) => console.log(row([label, ...names.map((n) => cell(parts[n], n))], w));
line('', (_, n) => title(n));
line('documents', (p) => p.documents);
line('entries labelled', (p) => p.entries);
line('entries found', (p) => pct(p.found));
line('entries dated right', (p) => pct(p.datedRight));
line('entries not labelled', (p) => p.extraEntries);
line('undated lines reported', (p) => (p.undated ? `${pct(p.undatedReported)} of ${p.undated}` : '-'));
line('macro-F1 (kinds)', (p, n) => (n === TARGET_PART ? `${num(p.macroF1)}  (≥ 0.90)` : num(p.macroF1)));
// Each part is one block of columns, its name above, so any number of parts line up.
const GAP = '    ';
const KIND_HEAD = '    P     R   F1    n';
const SIGNAL_HEAD = '    P     R    n';
const heads = (head) => names.map((n) => title(n).padEnd(head.length)).join(GAP);
console.log(`\n${''.padEnd(14)}${heads(KIND_HEAD)}`);
console.log(`${'kind'.padEnd(14)}${names.map(() => KIND_HEAD).join(GAP)}`);
for (const k of KINDS) {
  const cells = names.map((n) => {
    const c = parts[n].kinds[k];
    return `${pct(c.precision)} ${pct(c.recall)} ${num(c.f1)} ${String(c.support).padStart(4)}`;
  });
  console.log(`${k.padEnd(14)}${cells.join(GAP)}`);
}
console.log(`\n${''.padEnd(14)}${heads(SIGNAL_HEAD)}`);
console.log(`${'signal'.padEnd(14)}${names.map(() => SIGNAL_HEAD).join(GAP)}`);
for (const s of SIGNALS) {
  const cells = names.map((n) => {
    const c = parts[n].signals[s];
    return `${pct(c.precision)} ${pct(c.recall)} ${String(c.support).padStart(4)}`;
  });
  console.log(`${s.padEnd(14)}${cells.join(GAP)}`);
}
console.log(
  `\nmoment within 1 min   ${names.map((n) => title(n).padEnd(18)).join('')}(target ≥ 90 % on ${TARGET_PART})`,
);
for (const m of MOMENTS) {
  const target = parts[TARGET_PART]?.moments[m];
  const ok = target != null && target >= TARGET.moment ? '' : '  below';
  console.log(`${m.padEnd(22)}${names.map((n) => pct(parts[n].moments[m]).padEnd(18)).join('')}${ok}`);
}
const failed = names.reduce((sum, n) => sum + parts[n].failed, 0);
if (failed) console.log(`\n${failed} document(s) failed to generate (counted as nothing read)`);
if (missing.length)
  console.log(`\n${missing.length} document(s) of the split have no label file yet: not measured`);
