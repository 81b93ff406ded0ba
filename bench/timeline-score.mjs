// Scoring one timeline reading against labels, shared by bench:timelines and bench:agreement: the
// "got" side is what generate() read from a document, or another labeller's labels of it.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { KINDS, MOMENTS, ROOT, SIGNALS } from '../scripts/timeline-eval.mjs';
import { loadBuilt } from './built.mjs';

const { generate } = await loadBuilt('index.js');

const MINUTE = 60_000;

/** The document alone in a fresh bundle folder, with the base date a reader would be told. */
export async function run(doc, label) {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-timelines-'));
  try {
    copyFileSync(join(ROOT, doc), join(dir, basename(doc)));
    writeFileSync(join(dir, 'incident.yaml'), label.baseDate ? `date: ${label.baseDate}\n` : '{}\n');
    const { timeline, report } = await generate([dir], { format: 'json', library: false });
    const events = timeline.events.filter((e) => basename(e.source.file) === basename(doc));
    // The lines a data-quality problem or note names: where a line that cannot be dated should be.
    const reported = report.dataQuality.problems
      .filter((p) => p.line != null && basename(p.file ?? '') === basename(doc))
      .map((p) => p.line);
    const findings = [...new Set(report.findings.map((f) => f.rule))];
    return { events, moments: report.moments, reported, findings, error: null };
  } catch (error) {
    return { events: [], moments: null, findings: [], error: error.message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const counter = () => ({ tp: 0, fp: 0, fn: 0 });
const ratio = (a, b) => (b ? a / b : null);
const f1 = ({ tp, fp, fn }) => (tp ? (2 * tp) / (2 * tp + fp + fn) : fp + fn ? 0 : null);

export function emptyTally() {
  return {
    documents: 0,
    failed: 0,
    entries: 0,
    found: 0,
    datedRight: 0,
    extra: 0,
    undated: 0,
    undatedReported: 0,
    kinds: Object.fromEntries(KINDS.map((k) => [k, counter()])),
    signals: Object.fromEntries(SIGNALS.map((s) => [s, counter()])),
    moments: Object.fromEntries(MOMENTS.map((m) => [m, 0])),
  };
}

const within = (a, b) => Math.abs(Date.parse(a) - Date.parse(b)) <= MINUTE;

/** Adds one document's comparison to the tally; returns what it got wrong, for --docs. */
export function compare(tally, label, got) {
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
  // A line the labels say cannot be dated is reported with its line, never lost or guessed.
  if (got.reported)
    for (const u of label.undated ?? []) {
      tally.undated++;
      if (got.reported.includes(u.line)) tally.undatedReported++;
      else wrong.push(`  line ${u.line}: cannot be dated (${u.why}), not reported`);
    }
  for (const m of MOMENTS) {
    const want = label.moments[m];
    const have = got.moments?.[m] ?? null;
    if ((!want && !have) || (want && have && within(want.ts, have.ts))) tally.moments[m]++;
    else wrong.push(`  moment ${m}: ${have?.ts ?? 'null'}, label ${want?.ts ?? 'null'}`);
  }
  return wrong;
}

export function summarise(tally) {
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
    undated: tally.undated,
    undatedReported: ratio(tally.undatedReported, tally.undated),
    macroF1,
    kinds,
    signals,
    moments: Object.fromEntries(MOMENTS.map((m) => [m, ratio(tally.moments[m], tally.documents)])),
  };
}

/** Another labeller's labels of a document in the shape compare() takes from a reading. */
export const labelsAsReading = (label) => ({
  events: label.entries.map((e) => ({
    source: { line: e.line },
    ts: Date.parse(e.ts),
    kind: e.kind,
    signals: e.signals,
    summary: e.text,
  })),
  moments: label.moments,
  error: null,
});
