import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLogLines } from './line-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(content: string | Buffer, options = {}) {
  const path = join(dir, `f${Math.random()}.log`);
  writeFileSync(path, content);
  const lines: [string, number, number][] = [];
  const overlong: number[] = [];
  const totals = await readLogLines(
    path,
    { line: (t, n, o) => void lines.push([t, n, o]), overlong: (n) => void overlong.push(n) },
    options,
  );
  return { lines, overlong, totals };
}

describe('readLogLines', () => {
  it('gives line numbers and byte offsets across block boundaries, CRLF stripped', async () => {
    const { lines } = await collect('ab\r\ncdef\nghi', { blockBytes: 3 });
    expect(lines).toEqual([
      ['ab', 1, 0],
      ['cdef', 2, 4],
      ['ghi', 3, 9],
    ]);
  });

  it('counts offsets in bytes when lines hold multi-byte characters', async () => {
    const { lines } = await collect('héllo wörld\nnext\n');
    expect(lines[1]).toEqual(['next', 2, 14]);
  });

  it('hands a bytes sink the same lines, numbers and offsets as bytes of their block', async () => {
    const content = 'ab\r\ncaf\u00e9\n\n{"x":1}\r\nlast';
    const path = join(dir, 'bytes.log');
    writeFileSync(path, content);
    const asText = await collect(content, { blockBytes: 5 });
    const asBytes: [string, number, number][] = [];
    await readLogLines(
      path,
      {
        line: () => expect.unreachable('a bytes sink takes every line'),
        bytes: (block, start, end, n, o) => void asBytes.push([block.toString('utf8', start, end), n, o]),
        overlong: () => {},
      },
      { blockBytes: 5 },
    );
    expect(asBytes).toEqual(asText.lines);
    expect(asBytes.map(([text]) => text)).toEqual(['ab', 'caf\u00e9', '', '{"x":1}', 'last']);
  });

  it('drops an overlong line without holding it and keeps counting', async () => {
    const { lines, overlong } = await collect(`a\n${'x'.repeat(5000)}\nb\n`, {
      blockBytes: 1024,
      maxLineBytes: 100,
    });
    expect(overlong).toEqual([2]);
    expect(lines).toEqual([
      ['a', 1, 0],
      ['b', 3, 5003],
    ]);
  });
});
