// Lines are read from a stream of blocks however the blocks fall: every line once, its number and
// byte offset right, a trailing CR dropped, and a line longer than the cap handed back cut.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Line, linesOf } from './input.js';

/** The lines of `bytes` read all at once, the way `linesOf` must read them in pieces. */
function expected(bytes: Buffer, max: number): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < bytes.length) {
    const nl = bytes.indexOf(10, start);
    const end = nl === -1 ? bytes.length : nl;
    const body = bytes.subarray(start, end);
    const number = lines.length + 1;
    if (body.length > max)
      lines.push({ text: body.toString('utf8', 0, max), number, offset: start, cut: true });
    else {
      const text = body.length && body[body.length - 1] === 13 ? body.subarray(0, -1) : body;
      lines.push({ text: text.toString('utf8'), number, offset: start });
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

async function* blocksOf(bytes: Buffer, cuts: number[]) {
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= start || cut >= bytes.length) continue;
    yield bytes.subarray(start, cut);
    start = cut;
  }
  if (start < bytes.length) yield bytes.subarray(start);
}

async function read(bytes: Buffer, cuts: number[], max: number): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const line of linesOf(blocksOf(bytes, cuts), max)) lines.push(line);
  return lines;
}

describe('lines of a stream of blocks', () => {
  it('are the same lines whatever the block boundaries, long lines cut at the cap', async () => {
    const text = fc
      .array(fc.constantFrom('a', 'é', '\n', '\r', '\r\n', 'xyz', '\n\n'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(100)), fc.integer({ min: 1, max: 12 }), async (s, cuts, max) => {
        const bytes = Buffer.from(s);
        expect(await read(bytes, cuts, max)).toEqual(expected(bytes, max));
      }),
      { seed: 20261205, numRuns: 500 },
    );
  });

  it('passes over the rest of a cut line without holding it, and goes on after it', async () => {
    const block = Buffer.alloc(1024, 'x');
    async function* blocks() {
      yield Buffer.from('first\n');
      for (let i = 0; i < 4096; i++) yield block;
      yield Buffer.from('\nlast\n');
    }
    const lines: Line[] = [];
    for await (const line of linesOf(blocks(), 4096)) lines.push(line);
    expect(lines.map((l) => [l.number, l.offset, l.text.length, l.cut ?? false])).toEqual([
      [1, 0, 5, false],
      [2, 6, 4096, true],
      [3, 6 + 4096 * 1024 + 1, 4, false],
    ]);
  });
});
