// Splits the timeline evaluation documents once, with a fixed seed, into a part the reading is
// developed against ("dev") and a part it is only measured on ("heldout"). Run once; the result
// is committed as test/fixtures/timeline-eval/split.json and never regenerated after labelling.
// The `fresh` part (collections labelled after the reader was built) is added to split.json by hand.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SEED = 20261204;
const HELD_OUT_SHARE = 0.3;
const root = new URL('..', import.meta.url).pathname;
const collections = [
  'test/fixtures/postmortem-collections/dfds__postmortems',
  'test/fixtures/postmortem-collections/Chia-Network__post-mortem',
  'test/fixtures/postmortem-collections/PostHog__post-mortems',
  'test/fixtures/seeds',
];

function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isDocument = (f) =>
  !/(^|\/)(LICENSE|README\.md|PROVENANCE\.md)$/.test(f) &&
  !/template/i.test(f) &&
  (/\.(md|txt)$/.test(f) || !/\.[a-z]+$/i.test(f));

const random = mulberry32(SEED);
const split = { seed: SEED, heldOutShare: HELD_OUT_SHARE, dev: [], heldout: [] };
for (const dir of collections) {
  const files = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(join(root, f)).isFile() && isDocument(f))
    .sort();
  // Fisher–Yates with the seeded generator, then the first share of each collection is held out.
  const order = [...files];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const held = Math.round(order.length * HELD_OUT_SHARE);
  split.heldout.push(...order.slice(0, held).sort());
  split.dev.push(...order.slice(held).sort());
}
writeFileSync(join(root, 'test/fixtures/timeline-eval/split.json'), `${JSON.stringify(split, null, 2)}\n`);
console.log(`dev ${split.dev.length}, heldout ${split.heldout.length}`);
