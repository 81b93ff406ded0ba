import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from './journal.js';

describe('the evidence journal', () => {
  it('has every appended record on disk as one JSON line before the next is written', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hindsight-journal-'));
    const journal = new Journal(folder);
    journal.append('health-checks.jsonl', { n: 1 });
    expect(readFileSync(join(folder, 'health-checks.jsonl'), 'utf8')).toBe('{"n":1}\n');
    journal.append('health-checks.jsonl', { n: 2 });
    journal.close();
    expect(readFileSync(join(folder, 'health-checks.jsonl'), 'utf8')).toBe('{"n":1}\n{"n":2}\n');
  });

  it('replaces a whole file without leaving the partial copy behind', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hindsight-journal-'));
    const journal = new Journal(folder);
    journal.replace('prometheus-errorRate.json', '{"a":1}');
    journal.replace('prometheus-errorRate.json', '{"a":2}');
    expect(readFileSync(join(folder, 'prometheus-errorRate.json'), 'utf8')).toBe('{"a":2}');
    expect(readdirSync(folder)).toEqual(['prometheus-errorRate.json']);
  });
});
