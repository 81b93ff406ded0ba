// Grouping accuracy of the template miner on the Loghub 2k samples, beside Drain's published GA.
// Usage: npm run bench:accuracy [-- DIR] [--json]   (DIR defaults to ../shared/corpora/loghub)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadBuilt } from './built.mjs';

const { miner } = await loadBuilt('logs/index.js');

// Drain's published GA and benchmark settings (logpai/logparser; see BENCHMARK.md in DIR).
const DATASETS = {
  HDFS: { drain: 0.9975, similarity: 0.5, depth: 4 },
  Hadoop: { drain: 0.9475, similarity: 0.5, depth: 4 },
  Spark: { drain: 0.92, similarity: 0.5, depth: 4 },
  Zookeeper: { drain: 0.9665, similarity: 0.5, depth: 4 },
  BGL: { drain: 0.9625, similarity: 0.5, depth: 4 },
  HPC: { drain: 0.887, similarity: 0.5, depth: 4 },
  Thunderbird: { drain: 0.955, similarity: 0.5, depth: 4 },
  Windows: { drain: 0.997, similarity: 0.7, depth: 5 },
  Linux: { drain: 0.69, similarity: 0.39, depth: 6 },
  Android: { drain: 0.911, similarity: 0.2, depth: 6 },
  HealthApp: { drain: 0.78, similarity: 0.2, depth: 4 },
  Apache: { drain: 1, similarity: 0.5, depth: 4 },
  Proxifier: { drain: 0.5265, similarity: 0.6, depth: 3 },
  OpenSSH: { drain: 0.7875, similarity: 0.6, depth: 5 },
  OpenStack: { drain: 0.7325, similarity: 0.5, depth: 5 },
  Mac: { drain: 0.7865, similarity: 0.7, depth: 6 },
};

const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/corpora/loghub');
if (!existsSync(dir)) {
  console.error(
    `no Loghub corpus at ${dir}: pass its folder, e.g. npm run bench:accuracy -- ../shared/corpora/loghub`,
  );
  process.exit(2);
}

/** GA: share of lines in predicted groups whose line set equals a true group's; FGA: F1 over groups. */
function accuracy(predicted, truth) {
  const truthSize = new Map();
  for (const t of truth) truthSize.set(t, (truthSize.get(t) ?? 0) + 1);
  const groups = new Map();
  predicted.forEach((p, i) => {
    const lines = groups.get(p);
    if (lines) lines.push(i);
    else groups.set(p, [i]);
  });
  let correctLines = 0;
  let correctGroups = 0;
  for (const lines of groups.values()) {
    const events = new Set(lines.map((i) => truth[i]));
    if (events.size === 1 && truthSize.get(truth[lines[0]]) === lines.length) {
      correctLines += lines.length;
      correctGroups++;
    }
  }
  const precision = correctGroups / groups.size;
  const recall = correctGroups / truthSize.size;
  return {
    ga: correctLines / truth.length,
    fga: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

function evaluate(file, settings) {
  const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true, relax_quotes: true });
  const m = miner({ similarity: settings.similarity, depth: settings.depth });
  const predicted = rows.map((r) => m.add(r.Content));
  return accuracy(
    predicted,
    rows.map((r) => r.EventId),
  );
}

const results = [];
for (const [name, settings] of Object.entries(DATASETS)) {
  const original = join(dir, name, `${name}_2k.log_structured.csv`);
  if (!existsSync(original)) continue;
  const corrected = join(dir, name, `${name}_2k.log_structured_corrected.csv`);
  const o = evaluate(original, settings);
  const c = existsSync(corrected) ? evaluate(corrected, settings) : null;
  results.push({
    dataset: name,
    ga: o.ga,
    drainGa: settings.drain,
    fga: o.fga,
    correctedGa: c?.ga ?? null,
    correctedFga: c?.fga ?? null,
  });
}
const average = results.reduce((s, r) => s + r.ga, 0) / results.length;
if (json) {
  console.log(JSON.stringify({ results, averageGa: average }, null, 2));
} else {
  const f = (v) => (v === null ? '     –' : v.toFixed(4));
  console.log('dataset       GA      Drain GA  Δ         FGA     GA (corrected)  FGA (corrected)');
  for (const r of results) {
    const delta = r.ga - r.drainGa;
    const mark = delta < -0.01 - 1e-9 ? '  below target (Drain − 0.01)' : '';
    console.log(
      `${r.dataset.padEnd(12)}  ${f(r.ga)}  ${f(r.drainGa)}     ${(delta >= 0 ? '+' : '') + delta.toFixed(4)}   ${f(r.fga)}  ${f(r.correctedGa)}           ${f(r.correctedFga)}${mark}`,
    );
  }
  const drainAverage = results.reduce((s, r) => s + r.drainGa, 0) / results.length;
  console.log(`Drain average GA ${drainAverage.toFixed(3)}`);
  console.log(`average GA ${average.toFixed(3)}`);
}
