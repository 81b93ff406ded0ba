// How well stories told in prose are read: the public postmortem summaries of icco/postmortems
// (GPL-3.0, so read from ../shared, never copied) state their incident's start and end in front
// matter (`start_time`, `end_time`), written by that collection's curators. Each summary goes through
// `generate()` with those two keys removed and only the incident's day in the manifest, as a user
// who knows the day would run it; Hindsight's impact start and recovery are compared with them.
// The summaries are split once by their uuid's first hex digit: 0-7 is `dev` (studied), 8-f is
// `heldout` (measured only, never read).
// Usage: npm run bench:prose [-- --json] [-- --docs] [-- DIR]   (--docs lists each dev summary)
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuilt } from './built.mjs';

const { generate } = await loadBuilt('index.js');

const args = process.argv.slice(2);
const json = args.includes('--json');
const perDoc = args.includes('--docs');
const partOf = (name) => (/^[0-7]/.test(name) ? 'dev' : 'heldout');
const given = args.find((a) => !a.startsWith('--'));
const dir =
  given ?? fileURLToPath(new URL('../../shared/corpora/postmortems/icco__postmortems/data', import.meta.url));
if (!existsSync(dir)) {
  console.log(`skipped: ${dir} is absent (the icco/postmortems corpus is read from ../shared, never copied)`);
  process.exit(0);
}

const MINUTE = 60_000;
/** A front matter key's value, unquoted. */
const key = (front, name) =>
  front.match(new RegExp(`^${name}:\\s*"?([^"\\n]*)"?\\s*$`, 'm'))?.[1].trim() || null;
/** A time the curators know to the minute (midnight exactly is a day they only know the date of). */
const timed = (iso) => (iso && !/T00:00:00/.test(iso) && !Number.isNaN(Date.parse(iso)) ? iso : null);

const rows = [];
for (const name of readdirSync(dir)
  .filter((n) => n.endsWith('.md'))
  .sort()) {
  const text = readFileSync(join(dir, name), 'utf8');
  const front = text.match(/^---\n([\s\S]*?)\n---\n/)?.[1];
  if (!front) continue;
  const start = timed(key(front, 'start_time'));
  const end = timed(key(front, 'end_time'));
  if (!start) continue;
  const folder = mkdtempSync(join(tmpdir(), 'hindsight-prose-'));
  try {
    writeFileSync(join(folder, name), text.replace(/^(start_time|end_time):.*\n/gm, ''));
    writeFileSync(join(folder, 'incident.yaml'), `date: ${start.slice(0, 10)}\n`);
    const { report } = await generate([folder], { format: 'json', library: false });
    rows.push({
      name,
      part: partOf(name),
      entries: report.timeline.length,
      start,
      end,
      impactStart: report.moments.impactStart?.ts ?? null,
      recovered: report.moments.recovered?.ts ?? null,
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const off = (a, b) => (a && b ? Math.abs(Date.parse(a) - Date.parse(b)) : Number.POSITIVE_INFINITY);
const share = (list, test) => (list.length ? list.filter(test).length / list.length : null);
function figuresOf(part) {
  const of = rows.filter((r) => r.part === part);
  const withEnd = of.filter((r) => r.end);
  return {
    documents: of.length,
    read: share(of, (r) => r.entries > 0),
    impactStart1: share(of, (r) => off(r.impactStart, r.start) <= MINUTE),
    impactStart15: share(of, (r) => off(r.impactStart, r.start) <= 15 * MINUTE),
    withEnd: withEnd.length,
    recovered1: share(withEnd, (r) => off(r.recovered, r.end) <= MINUTE),
    recovered15: share(withEnd, (r) => off(r.recovered, r.end) <= 15 * MINUTE),
  };
}
const figures = { dev: figuresOf('dev'), heldout: figuresOf('heldout') };

if (json) console.log(JSON.stringify(figures, null, 2));
else {
  if (perDoc)
    for (const r of rows.filter((r) => r.part === 'dev'))
      console.log(
        `${r.name}  entries ${r.entries}  start ${r.start} → ${r.impactStart ?? 'none'}  end ${r.end ?? '-'} → ${r.recovered ?? 'none'}`,
      );
  const pct = (x) => (x == null ? '-' : `${Math.round(100 * x)} %`);
  const row = (title, get) =>
    console.log(`${title.padEnd(44)}${get(figures.dev).padEnd(14)}${get(figures.heldout)}`);
  console.log(
    "Stories told in prose: icco/postmortems summaries against their curators' start and end times\n",
  );
  console.log(`${''.padEnd(44)}${'dev'.padEnd(14)}heldout`);
  row('summaries with a start time to the minute', (f) => String(f.documents));
  row('  with entries read', (f) => pct(f.read));
  row('  impact start within 1 / 15 min', (f) => `${pct(f.impactStart1)} / ${pct(f.impactStart15)}`);
  row('summaries with an end time too', (f) => String(f.withEnd));
  row('  recovery within 1 / 15 min', (f) => `${pct(f.recovered1)} / ${pct(f.recovered15)}`);
}
