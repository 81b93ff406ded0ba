// Checks the lint evaluation labels: their shape, that each names a document of the split, that
// each rule exists and each line is in the document. Usage: node scripts/check-lint-labels.mjs [DIR]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_DIR, ROOT, RULES, readSplit, splitParts } from './lint-eval.mjs';
import { readLabels } from './timeline-eval.mjs';

const dir = process.argv[2] ?? join(EVAL_DIR, 'labels');
const split = readSplit();
const known = new Set(splitParts(split).flatMap((part) => split[part]));
const rules = new Set(RULES);

let problems = 0;
const say = (file, msg) => {
  problems++;
  console.log(`${file}: ${msg}`);
};

function checkItems(file, items, what, lineCount, textField) {
  if (!Array.isArray(items)) return say(file, `${what} is not a list`);
  for (const [i, item] of items.entries()) {
    const at = `${what}[${i}]`;
    if (!rules.has(item?.rule)) say(file, `${at}: unknown rule '${item?.rule}'`);
    if (!Array.isArray(item?.lines)) {
      say(file, `${at}: lines is not a list`);
      continue;
    }
    for (const line of item.lines)
      if (!Number.isInteger(line) || line < 1 || line > lineCount)
        say(file, `${at}: line ${line} is not a line of the document (1–${lineCount})`);
    if (typeof item[textField] !== 'string' || !item[textField].trim()) say(file, `${at}: no '${textField}'`);
  }
}

const seen = new Set();
const labels = readLabels(dir);
for (const { file, label, notJson } of labels) {
  if (notJson) {
    say(file, `not JSON: ${notJson}`);
    continue;
  }
  if (!known.has(label.doc)) say(file, `doc not in split.json: ${label.doc}`);
  if (seen.has(label.doc)) say(file, `a second label for ${label.doc}`);
  seen.add(label.doc);
  const docPath = join(ROOT, label.doc ?? '');
  if (!existsSync(docPath)) {
    say(file, `no such document: ${label.doc}`);
    continue;
  }
  const lineCount = readFileSync(docPath, 'utf8').split('\n').length;
  checkItems(file, label.problems, 'problems', lineCount, 'what');
  checkItems(file, label.traps ?? [], 'traps', lineCount, 'why');
}
const missing = [...known].filter((d) => !seen.has(d)).length;
console.log(
  `${labels.length} label files, ${problems} problems; ${missing} of ${known.size} documents not labelled yet`,
);
process.exitCode = problems ? 1 : 0;
