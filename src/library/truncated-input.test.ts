import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedFiles } from '../lint/corpus.js';
import { lintText } from '../lint/index.js';
import { importText } from './import.js';

/** Cut points spread over the text, so tables, lists and code are cut mid-way. */
const cuts = (text: string, n = 12) =>
  Array.from({ length: n }, (_, i) => Math.floor(((i + 1) * text.length) / (n + 1)));

describe('truncated and damaged postmortems', () => {
  it.each(seedFiles().map((f) => [f.split('/').pop()!, f]))(
    'imports and lints every truncation of %s without a crash',
    async (_, file) => {
      const text = readFileSync(file, 'utf8');
      for (const cut of cuts(text)) {
        const part = text.slice(0, cut);
        const record = await importText(part, 'cut.md');
        expect(record.body.length).toBeLessThanOrEqual(part.length);
        const result = await lintText(part, 'cut.md');
        expect(result.score).toBeGreaterThanOrEqual(0);
      }
    },
  );

  it('survives bytes that are not UTF-8 and lines of table pipes', async () => {
    const damaged = `${Buffer.from([0xff, 0xfe, 0x80, 0x81]).toString('latin1')}\n| Time |\n|---|\n| 25:99 | x |\n${'|'.repeat(5000)}\n`;
    await expect(importText(damaged, 'damaged.md')).resolves.toMatchObject({ id: 'damaged' });
    await expect(lintText(damaged, 'damaged.md')).resolves.toMatchObject({ file: 'damaged.md' });
  });
});
