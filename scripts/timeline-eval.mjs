// The timeline evaluation set as its checker, trainer and bench read it: where it lives, the kinds,
// signals and moments its labels use (in the order the model's outputs take), and each label's file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EVAL_DIR = join(ROOT, 'test/fixtures/timeline-eval');
export const KINDS = [
  'change',
  'rollback',
  'alert',
  'alert_resolved',
  'page',
  'ack',
  'report',
  'action',
  'note',
];
export const SIGNALS = [
  'symptom',
  'detect',
  'ack',
  'mitigation',
  'recovery',
  'declare',
  'close',
  'change',
  'diagnosis',
];
/** The report's moments, in its order, from the committed report schema (the model's MomentName). */
export const MOMENTS = Object.keys(
  JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8')).properties.moments.properties,
);

/** The documents split once into `dev` and `heldout`, and the `fresh` collections labelled after the reader was built. */
export const readSplit = () => JSON.parse(readFileSync(join(EVAL_DIR, 'split.json'), 'utf8'));

/** The parts of the split, dev and heldout first, then any other (fresh, …): every key holding a list of documents. */
export function splitParts(split) {
  const names = Object.keys(split).filter(
    (k) => Array.isArray(split[k]) && split[k].every((d) => typeof d === 'string'),
  );
  const first = ['dev', 'heldout'].filter((k) => names.includes(k));
  return [...first, ...names.filter((k) => !first.includes(k))];
}

/** labels/<collection>/<file name>.json; the collection is the folder under postmortem-collections (or seeds). */
export function labelFile(doc) {
  const parts = doc.split('/');
  const under = parts.indexOf('postmortem-collections');
  const collection = under >= 0 ? parts[under + 1] : parts.at(-2);
  return join(EVAL_DIR, 'labels', collection, `${basename(doc)}.json`);
}

/** Every label file under a folder, at any depth; none when the folder is absent. */
export const labelFilesIn = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(dir, f))
    : [];

/** Each label file under a folder with its parsed label, or with the reason it is not JSON. */
export const readLabels = (dir) =>
  labelFilesIn(dir).map((file) => {
    try {
      return { file, label: JSON.parse(readFileSync(file, 'utf8')) };
    } catch (e) {
      return { file, notJson: e.message };
    }
  });
