import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Report } from '../../src/model/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

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
