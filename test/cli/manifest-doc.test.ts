import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/bundle/manifest.js';
import { Manifest, Policies, Slo, SourceSpec } from '../../src/model/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const doc = readFileSync(`${root}docs/manifest.md`, 'utf8');

describe('docs/manifest.md', () => {
  it('has a section for every manifest key', () => {
    for (const key of Object.keys(Manifest.shape)) expect(doc).toContain(`### \`${key}\``);
  });

  it('names every nested key', () => {
    for (const key of [
      ...Object.keys(Slo.shape),
      ...Object.keys(Policies.shape),
      ...Object.keys(SourceSpec.shape),
    ])
      expect(doc).toContain(`\`${key}\``);
  });

  it('gives examples that the manifest reader accepts, the complete one with every key', () => {
    const examples = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(examples.length).toBeGreaterThan(10);
    for (const text of examples) parseManifest(text, 'incident.yaml');
    const complete = parseManifest(examples[0], 'incident.yaml');
    expect(complete.unknownKeys).toEqual([]);
    expect(Object.keys(complete.manifest).sort()).toEqual(Object.keys(Manifest.shape).sort());
  });
});
