#!/usr/bin/env node
// Acceptance check: runs the project's CLI on incident bundles and holds its JSON report
// (shared/SPEC.md §3) against an answer key. Zero dependencies.
//
//   node check.mjs <project-dir> <scenarios-dir> [name…]
//
// <scenarios-dir> holds one folder per bundle and keys/<bundle>.json. The CLI is found
// through the "bin" field of <project-dir>/package.json. Prints one line per failed check,
// a line per scenario, and last "acceptance: P/T checks passed". Exit 0 only if all pass.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [projectDir, scenariosDir, ...only] = process.argv.slice(2);
if (!projectDir || !scenariosDir) {
  console.error('usage: check.mjs <project-dir> <scenarios-dir> [name…]');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'));
const binRel =
  typeof pkg.bin === 'string' ? pkg.bin : pkg.bin && (pkg.bin.hindsight ?? Object.values(pkg.bin)[0]);
if (!binRel) {
  console.error('package.json has no "bin"');
  process.exit(2);
}
const bin = resolve(projectDir, binRel);
const work = mkdtempSync(join(tmpdir(), 'acceptance-'));
// The reports go to a library of their own, never the user's (SPEC: `$HINDSIGHT_DB`).
const env = { ...process.env, HINDSIGHT_DB: join(work, 'library.db') };

function cli(args) {
  const r = spawnSync('node', [bin, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: 300_000,
    env,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const ms = (s) => Date.parse(s);
let passed = 0,
  total = 0;
const fails = [];
function check(scn, name, ok, detail = '') {
  total++;
  if (ok) passed++;
  else fails.push(`FAIL ${scn}: ${name}${detail ? ' — ' + detail : ''}`);
  return ok;
}
const lower = (x) => String(x ?? '').toLowerCase();
const mentions = (obj, words) => words.some((w) => lower(JSON.stringify(obj)).includes(lower(w)));

const keysDir = join(scenariosDir, 'keys');
const names = readdirSync(keysDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();

for (const name of names) {
  const key = JSON.parse(readFileSync(join(keysDir, name + '.json'), 'utf8'));
  const bundle = join(scenariosDir, name);
  const before = passed,
    beforeTotal = total;
  const out = join(work, name + '.json');
  const r = cli(['generate', bundle, '--format', 'json', '-o', out]);
  if (
    !check(
      name,
      'generate --format json exits 0',
      r.status === 0 && existsSync(out),
      `status ${r.status}: ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`,
    )
  ) {
    console.log(`${name}: 0/1 (no report)`);
    continue;
  }
  let rep;
  try {
    rep = JSON.parse(readFileSync(out, 'utf8'));
  } catch (e) {
    check(name, 'report is JSON', false, e.message);
    continue;
  }
  const refs = new Set((rep.timeline ?? []).map((e) => e.ref));

  for (const [m, [lo, hi]] of Object.entries(key.moments ?? {})) {
    const v = rep.moments?.[m];
    if (lo === null) {
      check(name, `moments.${m} is null`, v == null, JSON.stringify(v));
      continue;
    }
    const t = v && ms(v.ts);
    check(name, `moments.${m} in [${lo}, ${hi}]`, t >= ms(lo) && t <= ms(hi), v ? v.ts : 'null');
    if (v && v.ref != null) check(name, `moments.${m}.ref is in the timeline`, refs.has(v.ref), v.ref);
  }
  const top = (rep.suspects ?? [])[0];
  if (key.trigger_mentions) {
    check(
      name,
      `top suspect mentions one of ${key.trigger_mentions}`,
      top && mentions([top.ref, top.summary], key.trigger_mentions),
      JSON.stringify(top)?.slice(0, 200),
    );
    check(
      name,
      `top suspect confidence >= ${key.trigger_min_confidence}`,
      top && top.confidence >= key.trigger_min_confidence,
      top?.confidence,
    );
  }
  if (key.not_trigger_mentions && top) {
    check(
      name,
      `top suspect is none of ${key.not_trigger_mentions}`,
      !mentions([top.ref, top.summary], key.not_trigger_mentions),
      JSON.stringify(top).slice(0, 200),
    );
  }
  if (key.trigger_max_confidence !== undefined) {
    check(
      name,
      `no suspect above confidence ${key.trigger_max_confidence}`,
      !top || top.confidence <= key.trigger_max_confidence,
      top?.confidence,
    );
  }
  for (const s of key.suspect_forbidden ?? []) {
    check(
      name,
      `${s} is not a suspect`,
      !(rep.suspects ?? []).some((x) => mentions([x.ref, x.summary], [s])),
    );
  }
  const rules = new Set((rep.findings ?? []).map((f) => f.rule));
  for (const f of key.findings_required ?? [])
    check(name, `finding ${f}`, rules.has(f), [...rules].join(','));
  for (const f of key.findings_forbidden ?? []) check(name, `no finding ${f}`, !rules.has(f));
  for (const f of rep.findings ?? []) {
    if ((f.evidenceRefs ?? []).some((x) => !refs.has(x))) {
      check(name, `finding ${f.rule} cites only timeline refs`, false, f.evidenceRefs.join(','));
      break;
    }
  }
  for (const c of rep.claims ?? []) {
    if (!(c.evidenceRefs ?? []).length || c.evidenceRefs.some((x) => !refs.has(x))) {
      check(name, 'every claim cites timeline refs', false, c.id);
      break;
    }
  }
  if (key.log_template_mentions) {
    const [lo, hi] = key.log_template_first_seen;
    const hit = (rep.timeline ?? []).find(
      (e) => e.kind === 'log' && mentions(e.summary, key.log_template_mentions),
    );
    check(
      name,
      `a log event mentions ${key.log_template_mentions} first seen in [${lo}, ${hi}]`,
      hit && ms(hit.ts) >= ms(lo) && ms(hit.ts) <= ms(hi),
      hit ? hit.ts : 'none',
    );
  }
  for (const [k, [lo, hi]] of Object.entries(key.durations ?? {})) {
    const v = rep.durations?.[k];
    check(name, `durations.${k} in [${lo}, ${hi}] s`, typeof v === 'number' && v >= lo && v <= hi, String(v));
  }
  for (const [k, [lo, hi]] of Object.entries(key.impact ?? {})) {
    const v = rep.impact?.[k];
    check(name, `impact.${k} in [${lo}, ${hi}]`, typeof v === 'number' && v >= lo && v <= hi, String(v));
  }
  if (key.data_quality) {
    const probs = rep.dataQuality?.problems ?? [];
    for (const line of key.data_quality.lines) {
      check(
        name,
        `dataQuality lists ${key.data_quality.file_suffix}:${line}`,
        probs.some((p) => String(p.file).endsWith(key.data_quality.file_suffix) && p.line === line),
      );
    }
    const s = cli([
      'generate',
      bundle,
      '--format',
      'json',
      '-o',
      join(work, name + '.strict.json'),
      '--strict',
    ]);
    check(name, '--strict exits 1 on skipped input', s.status === 1, `status ${s.status}`);
  }
  if (key.blameless_absent) {
    const narrative = [
      rep.incident?.summary,
      ...(rep.claims ?? []).map((c) => c.statement),
      ...(rep.findings ?? []).map((f) => f.statement),
      ...(rep.followUps ?? []).map((f) => f.action),
    ];
    const named = key.blameless_absent.filter((n) => lower(narrative.join(' ')).includes(lower(n)));
    check(name, 'narrative names no person', named.length === 0, named.join(','));
  }
  if (key.secrets_absent || key.text_mentions_any || key.html_raw_absent) {
    const texts = {};
    for (const fmt of ['md', 'html']) {
      const f = join(work, `${name}.${fmt}`);
      const g = cli(['generate', bundle, '--format', fmt, '-o', f]);
      check(name, `generate --format ${fmt} exits 0`, g.status === 0, g.stderr.trim().split('\n').pop());
      texts[fmt] = existsSync(f) ? readFileSync(f, 'utf8') : '';
    }
    texts.json = readFileSync(out, 'utf8');
    for (const s of key.secrets_absent ?? []) {
      const leaked = Object.entries(texts)
        .filter(([, t]) => t.includes(s))
        .map(([f]) => f);
      check(name, `secret ${s.slice(0, 12)}… redacted`, leaked.length === 0, 'in ' + leaked.join(','));
    }
    if (key.text_mentions_any)
      check(
        name,
        `markdown mentions one of ${key.text_mentions_any}`,
        mentions(texts.md, key.text_mentions_any),
      );
    for (const s of key.html_raw_absent ?? [])
      check(name, `html escapes ${s.slice(0, 20)}…`, texts.html.length > 0 && !texts.html.includes(s));
    if (texts.html) {
      const external = texts.html.match(
        /<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?\/\//i,
      );
      check(name, 'html loads nothing from the network', !external, external?.[0]);
    }
  }
  if (key.pii_absent_customer) {
    const f = join(work, `${name}.customer.md`);
    const g = cli(['generate', bundle, '--format', 'md', '--audience', 'customer', '-o', f]);
    const t = existsSync(f) ? readFileSync(f, 'utf8') : '';
    check(name, 'customer audience renders', g.status === 0 && t.length > 0);
    for (const s of key.pii_absent_customer) check(name, `customer text masks ${s}`, !t.includes(s));
  }
  console.log(`${name}: ${passed - before}/${total - beforeTotal}`);
}
for (const f of fails) console.log(f);
console.log(`acceptance: ${passed}/${total} checks passed`);
process.exit(passed === total && total > 0 ? 0 : 1);
