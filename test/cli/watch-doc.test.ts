import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVIDENCE, watchDeploy } from '../../src/watch/index.js';
import { closedPort } from '../support/misbehaving-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const doc = readFileSync(join(root, 'docs/watch.md'), 'utf8');
/** The example lines of the doc, by kind (the first of each). */
const documented = new Map<string, Record<string, unknown>>();
for (const line of doc.split('\n'))
  if (line.startsWith('{"kind":') && !line.includes('…')) {
    const example = JSON.parse(line);
    if (!documented.has(example.kind)) documented.set(example.kind, example);
  }

describe('docs/watch.md', () => {
  it('shows each evidence line with exactly the fields watch writes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hindsight-watch-doc-'));
    await watchDeploy({
      out,
      health: [`http://127.0.0.1:${await closedPort()}/health`],
      deploy: 'true',
      service: 'checkout',
      version: '2.0.0',
      previousVersion: '1.0.0',
      intervalMs: 50,
      rule: { failures: 1, recoverWithinMs: 50 },
    });
    const first = (name: string) => JSON.parse(readFileSync(join(out, name), 'utf8').split('\n')[0]);
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(documented.get('health-check')!)).toEqual(keys(first(EVIDENCE.health)));
    expect(keys(documented.get('deploy')!)).toEqual(keys(first(EVIDENCE.deploys)));
    expect(keys(documented.get('watch')!)).toEqual(keys(first(EVIDENCE.watch)));
  });
});
