// Whether the report's findings about the response are right on real postmortems: each labelled
// document of the timeline evaluation set goes through `generate()` as a user's run would, and each
// rule below is held to what the document's labels imply (test/fixtures/timeline-eval/README.md):
//   ack-slow                      the labelled acknowledgement came more than 30 min after detection
//                                 (SPEC §3: the default without an `ackWithinMinutes` policy)
//   no-alert-fired                the team learned of it, and no labelled entry is an alert or a page
//   recovered-without-mitigation  the impact ended, and no labelled mitigation came before the end
//   undetected-symptom            the impact began, and no label says how it was learned of or answered,
//                                 and no entry is an alert or a page
// A finding written where the labels do not imply it is wrong; one missing where they do is missed.
// Every part of split.json is measured alike; only dev is ever studied.
// Usage: npm run bench:findings [-- --json] [-- --docs]   (--docs lists what each dev document got wrong)
import { existsSync, readFileSync } from 'node:fs';
import { labelFile, readSplit, splitParts } from '../scripts/timeline-eval.mjs';
import { run } from './timeline-score.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const perDoc = args.includes('--docs');

const ACK_MINUTES = 30;
const at = (moment) => (moment ? Date.parse(moment.ts) : null);

/** An entry labelled an alert or a page: monitoring raised the problem. */
const raised = (label) => label.entries.some((e) => e.kind === 'alert' || e.kind === 'page');

/** What a document's labels say each rule should find. */
function implied(label) {
  const m = label.moments;
  const detected = at(m.detected);
  const acknowledged = at(m.acknowledged);
  const recovered = at(m.recovered);
  const mitigated = at(m.mitigationStarted);
  return {
    'ack-slow': detected != null && acknowledged != null && acknowledged - detected > ACK_MINUTES * 60_000,
    'no-alert-fired': detected != null && !raised(label),
    'recovered-without-mitigation': recovered != null && (mitigated == null || mitigated > recovered),
    'undetected-symptom':
      at(m.impactStart) != null && detected == null && acknowledged == null && !raised(label),
  };
}
const RULES = ['ack-slow', 'no-alert-fired', 'recovered-without-mitigation', 'undetected-symptom'];

const split = readSplit();
const parts = {};
for (const part of splitParts(split)) {
  const tally = Object.fromEntries(RULES.map((r) => [r, { right: 0, wrong: 0, missed: 0, quiet: 0 }]));
  let documents = 0;
  for (const doc of split[part]) {
    const file = labelFile(doc);
    if (!existsSync(file)) continue;
    const label = JSON.parse(readFileSync(file, 'utf8'));
    if (!label.hasTimeline) continue;
    documents++;
    const got = new Set((await run(doc, label)).findings);
    const wrong = [];
    for (const [rule, want] of Object.entries(implied(label))) {
      const have = got.has(rule);
      tally[rule][have ? (want ? 'right' : 'wrong') : want ? 'missed' : 'quiet']++;
      if (have !== want) wrong.push(`  ${have ? 'wrong ' : 'missed'}  ${rule}`);
    }
    if (perDoc && part === 'dev' && wrong.length && !json) console.log(`${doc}\n${wrong.join('\n')}\n`);
  }
  parts[part] = { documents, rules: tally };
}

const ratio = (a, b) => (b ? a / b : null);
const scores = (c) => ({
  precision: ratio(c.right, c.right + c.wrong),
  recall: ratio(c.right, c.right + c.missed),
  accuracy: ratio(c.right + c.quiet, c.right + c.wrong + c.missed + c.quiet),
  implied: c.right + c.missed,
});
const report = Object.fromEntries(
  Object.entries(parts).map(([part, { documents, rules }]) => [
    part,
    { documents, rules: Object.fromEntries(Object.entries(rules).map(([r, c]) => [r, scores(c)])) },
  ]),
);
if (json) {
  console.log(JSON.stringify(report, null, 2));
  process.exit(0);
}
const pct = (x) => (x === null ? '   -' : `${Math.round(x * 100)}%`.padStart(4));
const names = Object.keys(report);
console.log('Findings about the response on real postmortems, against what their labels imply\n');
console.log(`documents with a timeline: ${names.map((n) => `${n} ${report[n].documents}`).join(', ')}\n`);
const HEAD = '   P    R  acc    n';
console.log(`${''.padEnd(30)}${names.map((n) => `${n}:`.padEnd(HEAD.length + 4)).join('')}`);
console.log(`${'rule'.padEnd(30)}${names.map(() => `${HEAD}    `).join('')}`);
for (const rule of RULES) {
  const cells = names.map((n) => {
    const s = report[n].rules[rule];
    return `${pct(s.precision)} ${pct(s.recall)} ${pct(s.accuracy)} ${String(s.implied).padStart(4)}    `;
  });
  console.log(`${rule.padEnd(30)}${cells.join('')}`);
}
console.log(
  '\nn: documents whose labels imply the finding; acc: documents where the finding is written exactly when implied',
);
