import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseManifest } from '../../src/bundle/manifest.js';
import { Manifest } from '../../src/model/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hindsight = (...args: string[]) =>
  spawnSync('node', [join(root, 'bin/hindsight.js'), ...args], { cwd: root, encoding: 'utf8' });
const work = mkdtempSync(join(tmpdir(), 'hindsight-init-'));
const schema = z.fromJSONSchema(JSON.parse(readFileSync(join(root, 'schema/incident.schema.json'), 'utf8')));
/** The template with every example line switched on: `# key: value` → `key: value`. */
const uncommented = (text: string) => text.replace(/^# (?=\s*(?:[A-Za-z]+:|- ))/gm, '');

describe('hindsight init', () => {
  const dir = join(work, 'inc-1');
  const first = hindsight('init', dir);

  it('writes a commented incident.yaml and one folder per kind of evidence, each with a README line', () => {
    expect(first.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'alerts',
      'changes',
      'chat',
      'incident.yaml',
      'logs',
      'metrics',
    ]);
    for (const folder of ['alerts', 'changes', 'chat', 'logs', 'metrics'])
      expect(
        readFileSync(join(dir, folder, 'README.md'), 'utf8')
          .trim()
          .split('\n'),
      ).toHaveLength(1);
  });

  it('writes a manifest that parses and validates as written', () => {
    const text = readFileSync(join(dir, 'incident.yaml'), 'utf8');
    expect(parseManifest(text, 'incident.yaml').unknownKeys).toEqual([]);
    expect(schema.safeParse(parseYaml(text)).success).toBe(true);
  });

  it('shows every manifest key, and the examples switched on still parse and validate', () => {
    const text = uncommented(readFileSync(join(dir, 'incident.yaml'), 'utf8'));
    const raw = parseYaml(text);
    expect(Object.keys(raw).sort()).toEqual(Object.keys(Manifest.shape).sort());
    expect(Object.keys(raw.policies).sort()).toEqual([
      'ackWithinMinutes',
      'changeWindows',
      'freezes',
      'requiredApprovals',
    ]);
    expect(schema.safeParse(raw).error?.issues).toBeUndefined();
    const { manifest, unknownKeys } = parseManifest(text, 'incident.yaml');
    expect(unknownKeys).toEqual([]);
    expect(manifest.sources).toHaveLength(4);
    expect(manifest.sources[3]).toMatchObject({ clickhouse: 'http://127.0.0.1:8123', table: 'logs' });
  });

  it('refuses to overwrite a manifest: one line, exit 2, nothing changed', () => {
    writeFileSync(join(dir, 'incident.yaml'), 'title: mine\n');
    const again = hindsight('init', dir);
    expect(again.status).toBe(2);
    expect(again.stderr.trim().split('\n')).toEqual([
      `hindsight: ${join(dir, 'incident.yaml')}: a manifest is already there; nothing written`,
    ]);
    expect(readFileSync(join(dir, 'incident.yaml'), 'utf8')).toBe('title: mine\n');
  });

  it('creates the folder asked for but not its missing parents', () => {
    const deep = join(work, 'no', 'such', 'inc');
    const r = hindsight('init', deep);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(work, 'no'))).toBe(false);
  });

  it('gives a bundle that generates with no input problem from its READMEs', () => {
    const bundle = join(work, 'filled');
    expect(hindsight('init', bundle).status).toBe(0);
    cpSync(join(root, 'examples/seed-003/timeline.md'), join(bundle, 'chat/timeline.md'));
    const r = hindsight('generate', bundle, '--format', 'json', '--no-save', '--strict');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.dataQuality.problems).toEqual([]);
    expect(report.dataQuality.filesRead).toBe(1);
  });
});
