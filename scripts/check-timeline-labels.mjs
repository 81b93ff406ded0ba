// Checks the timeline evaluation labels: their shape, that each file names a document of the
// split (any of its parts), and that each entry's line and text are really in that document. Exit 1 on any problem.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EVAL_DIR,
  KINDS,
  MOMENTS,
  ROOT,
  readLabels,
  readSplit,
  SIGNALS,
  splitParts,
} from './timeline-eval.mjs';

const dir = process.argv[2] ?? join(EVAL_DIR, 'labels');
const split = readSplit();
const known = new Set(splitParts(split).flatMap((part) => split[part]));
const kinds = new Set(KINDS);
const signals = new Set(SIGNALS);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z$/;
// A label quotes the text as it reads: HTML tags and entities in the document (`<p><b>UPDATE …</b>`,
// `&nbsp;`) are not its words; a label may quote a link as written or only its words (`[amended
// patch](https://…)`), so both are tried.
const withoutLinkTargets = (s) => s.replace(/\]\([^()\s]{0,300}\)/g, ' ');
const squash = (s) =>
  s
    .replace(/<\/?[a-z][^<>]{0,200}>|&(?:[a-z]{2,8}|#\d{1,6});/gi, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

let problems = 0;
const say = (file, msg) => {
  problems++;
  console.log(`${file}: ${msg}`);
};
const seen = new Set();
const labels = readLabels(dir);
for (const { file, label, notJson } of labels) {
  if (notJson) {
    say(file, `not JSON: ${notJson}`);
    continue;
  }
  if (!known.has(label.doc)) say(file, `doc not in split.json: ${label.doc}`);
  seen.add(label.doc);
  const docPath = join(ROOT, label.doc ?? '');
  if (!existsSync(docPath)) {
    say(file, `doc missing: ${label.doc}`);
    continue;
  }
  const lines = readFileSync(docPath, 'utf8').split('\n');
  if (typeof label.zone !== 'string') say(file, 'zone must be a string');
  if (label.baseDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(label.baseDate ?? ''))
    say(file, 'baseDate must be null or YYYY-MM-DD');
  if (typeof label.hasTimeline !== 'boolean') say(file, 'hasTimeline must be true or false');
  let last = 0;
  for (const e of label.entries ?? []) {
    const where = `entry at line ${e.line}`;
    if (!Number.isInteger(e.line) || e.line < 1 || e.line > lines.length)
      say(file, `${where}: line out of the document`);
    if (e.line < last) say(file, `${where}: entries must be in document order`);
    last = e.line;
    if (!ISO.test(e.ts ?? '') || Number.isNaN(Date.parse(e.ts)))
      say(file, `${where}: ts must be ISO UTC ending in Z`);
    if (typeof e.approx !== 'boolean') say(file, `${where}: approx must be true or false`);
    if (!kinds.has(e.kind)) say(file, `${where}: unknown kind ${e.kind}`);
    if (!Array.isArray(e.signals) || e.signals.some((s) => !signals.has(s)))
      say(file, `${where}: unknown signal in ${e.signals}`);
    const probe = squash(String(e.text ?? '')).slice(0, 24);
    const written = lines.slice(Math.max(0, e.line - 1), e.line + 3).join(' ');
    const near = `${squash(written)} ${squash(withoutLinkTargets(written))}`;
    if (probe && !near.includes(probe)) say(file, `${where}: text not found on or just below that line`);
  }
  for (const u of label.undated ?? [])
    if (!Number.isInteger(u.line)) say(file, 'undated entries need a line');
  for (const m of MOMENTS) {
    const v = label.moments?.[m];
    if (v === undefined) say(file, `moment ${m} missing (use null)`);
    else if (v !== null && (!ISO.test(v.ts ?? '') || !Number.isInteger(v.line)))
      say(file, `moment ${m} needs ts and line`);
  }
  for (const s of label.stated ?? [])
    if (!Number.isInteger(s.line) || typeof s.seconds !== 'number')
      say(file, 'stated needs line and seconds');
}
const missing = [...known].filter((d) => !seen.has(d));
console.log(
  `${labels.length} label files, ${problems} problems; ${missing.length} documents of the split not labelled yet`,
);
process.exit(problems ? 1 : 0);
