// Trains the model that reads what a timeline line means (src/timeline/meaning/weights.json) on the
// DEV labels of the timeline evaluation set only; the held-out documents are never read here.
// Each dev document is read by the markdown-timeline source, as at run time, and its entries are
// matched with the labels by line; labelled entries the reader does not find yet are learned from
// the label's text. Deterministic: fixed order, fixed iterations, no randomness.
// Usage: npm run train:timelines [-- --cv [--folds 5 | --by-collection]] [-- --l2 0.003 --iterations 300 ...]
// The defaults below are the setting that scored best by leave-one-collection-out cross-validation
// (--cv --by-collection) without losing by document; --min-collections, --min-documents, --balance,
// --prune and --drop measure the alternatives.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuilt } from '../bench/built.mjs';
import { KINDS, labelFile, ROOT, readSplit, SIGNALS } from './timeline-eval.mjs';

const { openBundle, sources, Manifest } = await loadBuilt('index.js');
const meaning = await loadBuilt('timeline/meaning/index.js');

const out = join(ROOT, 'src/timeline/meaning/weights.json');

const split = readSplit();
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const options = {
  iterations: value('iterations', 300),
  learningRate: value('lr', 0.5),
  l2: value('l2', 0.003),
  minCount: value('min-count', 2),
  minDocuments: value('min-documents', 1),
  minCollections: value('min-collections', 1),
  threshold: value('threshold', 0.5),
  balance: value('balance', 1),
  signalBoost: value('signal-boost', 3),
  prune: value('prune', 0),
};
const usePosition = !flag('no-position');
/** Feature families left out (`--drop b:,w:`), to measure what each is worth. */
const dropped = (args.includes('--drop') ? args[args.indexOf('--drop') + 1].split(',') : []).filter(Boolean);
const kept = (f) => !dropped.some((prefix) => f.startsWith(prefix));

/** The events the markdown-timeline source reads from one document, by line. */
async function readDocument(doc, label) {
  const bundle = await openBundle([join(ROOT, doc)]);
  const source = sources['markdown-timeline'];
  const manifest = Manifest.parse(label.baseDate ? { date: label.baseDate } : {});
  const byLine = new Map();
  for (const input of bundle.inputs) {
    const ctx = {
      manifest,
      spec: null,
      time: { zone: 'UTC', date: manifest.date ? manifest.date.slice(0, 10) : null },
      skip: () => {},
      note: () => {},
      addSeries: () => {},
      addLogTemplates: () => {},
      addStatement: () => {},
    };
    for await (const raw of source.read(input, ctx))
      if (!byLine.has(raw.source.line)) byLine.set(raw.source.line, raw);
  }
  return byLine;
}

/** One example per labelled entry of the dev documents, grouped by document for cross-validation. */
async function devExamples() {
  const docs = [];
  let read = 0;
  let fromLabel = 0;
  for (const doc of split.dev) {
    const file = labelFile(doc);
    if (!existsSync(file)) continue;
    const label = JSON.parse(readFileSync(file, 'utf8'));
    if (!label.entries.length) continue;
    const events = await readDocument(doc, label);
    const count = label.entries.length;
    const collection = file.split('/').at(-2);
    const examples = label.entries.map((entry, index) => {
      const raw = events.get(entry.line);
      if (raw) read++;
      else fromLabel++;
      const status = raw?.attrs?.status;
      const line = {
        text: raw ? raw.summary : entry.text,
        status: typeof status === 'string' ? status : undefined,
        position: usePosition ? { index, count } : undefined,
      };
      return { line, kind: entry.kind, signals: entry.signals, document: doc, collection };
    });
    docs.push({ doc, collection, examples });
  }
  return { docs, read, fromLabel };
}

/** JSON as the formatter writes it (one feature a line), so the committed file diffs line by line. */
function serialise(model) {
  const { weights, ...head } = model;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const rows = Object.entries(weights).map(([f, w]) => `    ${JSON.stringify(f)}: ${JSON.stringify(w)}`);
  return `{\n${lines.join(',\n')},\n  "weights": {\n${rows.join(',\n')}\n  }\n}\n`;
}

const toTraining = (examples) =>
  examples.map((e) => ({
    features: meaning.features(e.line).filter(kept),
    kind: e.kind,
    signals: e.signals,
    document: e.document,
    collection: e.collection,
  }));

/** Line-level figures of predictions against labels: macro-F1 over kinds, F1 per signal. */
function measure(pairs) {
  const kind = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const signal = Object.fromEntries(SIGNALS.map((s) => [s, { tp: 0, fp: 0, fn: 0 }]));
  for (const { want, got } of pairs) {
    if (want.kind === got.kind) kind[want.kind].tp++;
    else {
      kind[want.kind].fn++;
      if (kind[got.kind]) kind[got.kind].fp++;
    }
    for (const s of SIGNALS) {
      const w = want.signals.includes(s);
      const g = got.signals.includes(s);
      if (w && g) signal[s].tp++;
      else if (w) signal[s].fn++;
      else if (g) signal[s].fp++;
    }
  }
  const f1 = (c) => (c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0);
  const present = KINDS.filter((k) => kind[k].tp + kind[k].fn > 0);
  const accuracy = pairs.filter((p) => p.want.kind === p.got.kind).length / pairs.length;
  return {
    macroF1: present.reduce((a, k) => a + f1(kind[k]), 0) / present.length,
    accuracy,
    kinds: Object.fromEntries(present.map((k) => [k, f1(kind[k])])),
    signals: Object.fromEntries(SIGNALS.map((s) => [s, f1(signal[s])])),
  };
}

const { docs, read, fromLabel } = await devExamples();
const all = docs.flatMap((d) => d.examples);
console.log(
  `${docs.length} dev documents, ${all.length} labelled entries (${read} read by the source, ${fromLabel} from the label text)`,
);

if (flag('cv')) {
  // Folds by document (every k-th document), so no document is both trained and scored on; or, with
  // --by-collection, one fold per collection, so each is read by a model that never saw its writers.
  const collections = [...new Set(docs.map((d) => d.collection))];
  const byCollection = flag('by-collection');
  const folds = byCollection ? collections.length : value('folds', 5);
  const foldOf = (d, i) => (byCollection ? collections.indexOf(d.collection) : i % folds);
  const pairs = [];
  for (let f = 0; f < folds; f++) {
    const trainOn = docs.filter((d, i) => foldOf(d, i) !== f).flatMap((d) => d.examples);
    const model = meaning.train(toTraining(trainOn), KINDS, SIGNALS, options);
    for (const e of docs.filter((d, i) => foldOf(d, i) === f).flatMap((d) => d.examples))
      pairs.push({ want: e, got: meaning.readMeaning(e.line, model), text: e.line.text });
  }
  const m = measure(pairs);
  console.log(
    `cross-validation (${folds} folds by ${byCollection ? 'collection' : 'document'}), options ${JSON.stringify(options)}`,
  );
  console.log(`kind accuracy ${m.accuracy.toFixed(3)}  macro-F1 ${m.macroF1.toFixed(3)}`);
  console.log(
    `kinds   ${Object.entries(m.kinds)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join('  ')}`,
  );
  console.log(
    `signals ${Object.entries(m.signals)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join('  ')}`,
  );
  if (flag('errors'))
    for (const p of pairs)
      if (
        p.want.kind !== p.got.kind ||
        [...p.want.signals].sort().join() !== [...p.got.signals].sort().join()
      )
        console.log(
          `  ${p.got.kind} [${p.got.signals}] / label ${p.want.kind} [${p.want.signals}]  ${p.text}`,
        );
} else {
  const model = meaning.train(toTraining(all), KINDS, SIGNALS, options);
  writeFileSync(out, serialise(model));
  console.log(`wrote ${Object.keys(model.weights).length} features to ${out}`);
}
