import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Report } from '../../src/model/index.js';
import { incidentJsonSchema } from '../../src/stores/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const published = (name: string) => JSON.parse(readFileSync(`${root}schema/${name}`, 'utf8'));

describe('published JSON schema', () => {
  it('matches the Report schema the code validates with', () => {
    const published = JSON.parse(readFileSync(`${root}schema/report.schema.json`, 'utf8'));
    const fresh = z.toJSONSchema(Report, { target: 'draft-2020-12', io: 'output' });
    expect(published.properties).toEqual(fresh.properties);
    expect(published.required).toEqual(fresh.required);
  });

  it('accepts a generated report', () => {
    const r = spawnSync('node', ['bin/hindsight.js', 'generate', 'examples/seed-004', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(Report.safeParse(JSON.parse(r.stdout)).success).toBe(true);
  });
});

/** Every incident manifest the repository holds, as the code reads them (YAML 1.2: dates stay text). */
function manifests(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) manifests(path, out);
    else if (/^incident\.(ya?ml|json)$/.test(entry.name)) out.push(path);
  }
  return out;
}

describe('published incident.yaml schema', () => {
  // The schema is read back by an independent reading of JSON Schema, not the zod it came from.
  const incident = z.fromJSONSchema(published('incident.schema.json'));

  it('is the one the code builds from the manifest schema', () => {
    expect(published('incident.schema.json')).toEqual(incidentJsonSchema());
  });

  const files = [...manifests(join(root, 'examples')), ...manifests(join(root, 'test/fixtures'))];
  it('has example manifests to hold it to', () => expect(files.length).toBeGreaterThanOrEqual(10));

  it.each(files.map((f) => [relative(root, f), f]))('accepts %s', (_name, file) => {
    const result = incident.safeParse(parseYaml(readFileSync(file, 'utf8')));
    expect(result.error?.issues).toBeUndefined();
  });

  it.each([
    ['a list given as one value', { services: 'api' }],
    ['an objective above 100 percent', { slo: [{ objective: 150 }] }],
    ['an unknown measure', { sources: [{ path: 'm.json', measure: 'bogus' }] }],
    ['a negative approval count', { policies: { requiredApprovals: -1 } }],
    ['a freeze without its end', { policies: { freezes: [{ from: '2026-01-01T00:00:00Z' }] } }],
    ['pii as text', { redact: { pii: 'yes' } }],
    ['a mapping as the title', { title: { text: 'x' } }],
  ])('refuses %s', (_what, manifest) => {
    expect(incident.safeParse(manifest).success).toBe(false);
  });
});
