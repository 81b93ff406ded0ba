// How well stories told in prose are read: the public postmortem summaries of icco/postmortems
// (GPL-3.0, so read from ../shared, never copied) state their incident's start and end in front
// matter (`start_time`, `end_time`), written by that collection's curators. Each summary goes through
// `generate()` with those two keys removed and only the incident's day in the manifest, as a user
// who knows the day would run it; Hindsight's impact start and recovery are compared with them.
// The collection was never read to build the reader: it is measured only.
// Usage: npm run bench:prose [-- --json] [-- DIR]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuilt } from './built.mjs';

const { generate } = await loadBuilt('index.js');

const args = process.argv.slice(2);
const json = args.includes('--json');
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
const withEnd = rows.filter((r) => r.end);
const figures = {
  documents: rows.length,
  read: share(rows, (r) => r.entries > 0),
  impactStart1: share(rows, (r) => off(r.impactStart, r.start) <= MINUTE),
  impactStart15: share(rows, (r) => off(r.impactStart, r.start) <= 15 * MINUTE),
  withEnd: withEnd.length,
  recovered1: share(withEnd, (r) => off(r.recovered, r.end) <= MINUTE),
  recovered15: share(withEnd, (r) => off(r.recovered, r.end) <= 15 * MINUTE),
};

if (json) console.log(JSON.stringify(figures, null, 2));
else {
  const pct = (x) => (x == null ? '-' : `${Math.round(100 * x)} %`);
  console.log(
    "Stories told in prose: icco/postmortems summaries against their curators' start and end times\n",
  );
  console.log(`documents with a start time to the minute   ${figures.documents}`);
  console.log(`  with entries read                          ${pct(figures.read)}`);
  console.log(
    `  impact start within 1 / 15 min             ${pct(figures.impactStart1)} / ${pct(figures.impactStart15)}`,
  );
  console.log(`documents with an end time too               ${figures.withEnd}`);
  console.log(
    `  recovery within 1 / 15 min                 ${pct(figures.recovered1)} / ${pct(figures.recovered15)}`,
  );
}
