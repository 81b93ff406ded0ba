// How well real timelines are read: each labelled document of the evaluation set goes through
// `generate()` as a user's run would, and its entries, kinds, signals and moments are compared
// with the labels written by reading it (test/fixtures/timeline-eval/README.md). Every part of
// split.json is measured (dev, heldout, fresh, …); the target is judged on heldout.
// Usage: npm run bench:timelines [-- --json] [-- --docs]   (--docs lists each dev document)
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  KINDS,
  labelFile,
  MOMENTS,
  ROOT,
  readSplit,
  SIGNALS,
  splitParts,
} from '../scripts/timeline-eval.mjs';
import { loadBuilt } from './built.mjs';

const { generate } = await loadBuilt('index.js');

const split = readSplit();
const args = process.argv.slice(2);
const json = args.includes('--json');
const perDoc = args.includes('--docs');

const TARGET = { macroF1: 0.9, moment: 0.9 };
/** The part the target is judged on; the other parts are shown beside it. */
const TARGET_PART = 'heldout';
const MINUTE = 60_000;

/** The document alone in a fresh bundle folder, with the base date a reader would be told. */
async function run(doc, label) {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-timelines-'));
  try {
    copyFileSync(join(ROOT, doc), join(dir, basename(doc)));
    writeFileSync(join(dir, 'incident.yaml'), label.baseDate ? `date: ${label.baseDate}\n` : '{}\n');
    const { timeline, report } = await generate([dir], { format: 'json', library: false });
    const events = timeline.events.filter((e) => basename(e.source.file) === basename(doc));
    return { events, moments: report.moments, error: null };
  } catch (error) {
    return { events: [], moments: null, error: error.message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const counter = () => ({ tp: 0, fp: 0, fn: 0 });
const ratio = (a, b) => (b ? a / b : null);
const f1 = ({ tp, fp, fn }) => (tp ? (2 * tp) / (2 * tp + fp + fn) : fp + fn ? 0 : null);

function emptyTally() {
  return {
    documents: 0,
    failed: 0,
    entries: 0,
    found: 0,
    datedRight: 0,
    extra: 0,
    kinds: Object.fromEntries(KINDS.map((k) => [k, counter()])),
    signals: Object.fromEntries(SIGNALS.map((s) => [s, counter()])),
    moments: Object.fromEntries(MOMENTS.map((m) => [m, 0])),
  };
}

const within = (a, b) => Math.abs(Date.parse(a) - Date.parse(b)) <= MINUTE;

/** Adds one document's comparison to the tally; returns what it got wrong, for --docs. */
function compare(tally, label, got) {
  tally.documents++;
  if (got.error) tally.failed++;
  const byLine = new Map();
  for (const e of got.events) if (!byLine.has(e.source.line)) byLine.set(e.source.line, e);
  const labelled = new Map(label.entries.map((e) => [e.line, e]));
  const wrong = [];
  for (const entry of label.entries) {
    tally.entries++;
    const event = byLine.get(entry.line);
    if (!event) {
      tally.kinds[entry.kind].fn++;
      for (const s of entry.signals) tally.signals[s].fn++;
      wrong.push(`  line ${entry.line}: not found (${entry.kind}) ${entry.text}`);
      continue;
    }
    tally.found++;
    if (Math.abs(event.ts - Date.parse(entry.ts)) <= MINUTE) tally.datedRight++;
    else wrong.push(`  line ${entry.line}: dated ${new Date(event.ts).toISOString()}, label ${entry.ts}`);
    if (event.kind === entry.kind) tally.kinds[entry.kind].tp++;
    else {
      tally.kinds[entry.kind].fn++;
      if (tally.kinds[event.kind]) tally.kinds[event.kind].fp++;
    }
    const signals = new Set(event.signals);
    for (const s of SIGNALS) {
      const want = entry.signals.includes(s);
      if (want && signals.has(s)) tally.signals[s].tp++;
      else if (want) tally.signals[s].fn++;
      else if (signals.has(s)) tally.signals[s].fp++;
    }
    const same = event.kind === entry.kind && [...signals].sort().join() === [...entry.signals].sort().join();
    if (!same)
      wrong.push(
        `  line ${entry.line}: ${event.kind} [${event.signals}] , label ${entry.kind} [${entry.signals}]  ${entry.text}`,
      );
  }
  for (const [line, event] of byLine) {
    if (labelled.has(line)) continue;
    tally.extra++;
    if (tally.kinds[event.kind]) tally.kinds[event.kind].fp++;
    for (const s of event.signals) if (tally.signals[s]) tally.signals[s].fp++;
    wrong.push(`  line ${line}: read as an entry the labels do not have (${event.kind}) ${event.summary}`);
  }
  for (const m of MOMENTS) {
    const want = label.moments[m];
    const have = got.moments?.[m] ?? null;
    if ((!want && !have) || (want && have && within(want.ts, have.ts))) tally.moments[m]++;
    else wrong.push(`  moment ${m}: ${have?.ts ?? 'null'}, label ${want?.ts ?? 'null'}`);
  }
  return wrong;
}

function summarise(tally) {
  const kinds = Object.fromEntries(
    KINDS.map((k) => {
      const c = tally.kinds[k];
      return [
        k,
        {
          support: c.tp + c.fn,
          precision: ratio(c.tp, c.tp + c.fp),
          recall: ratio(c.tp, c.tp + c.fn),
          f1: f1(c),
        },
      ];
    }),
  );
  const labelledKinds = KINDS.filter((k) => kinds[k].support > 0);
  const macroF1 = labelledKinds.length
    ? labelledKinds.reduce((sum, k) => sum + (kinds[k].f1 ?? 0), 0) / labelledKinds.length
    : null;
  const signals = Object.fromEntries(
    SIGNALS.map((s) => {
      const c = tally.signals[s];
      return [
        s,
        { support: c.tp + c.fn, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) },
      ];
    }),
  );
  return {
    documents: tally.documents,
    failed: tally.failed,
    entries: tally.entries,
    found: ratio(tally.found, tally.entries),
    datedRight: ratio(tally.datedRight, tally.entries),
    extraEntries: tally.extra,
    macroF1,
    kinds,
    signals,
    moments: Object.fromEntries(MOMENTS.map((m) => [m, ratio(tally.moments[m], tally.documents)])),
  };
}

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
