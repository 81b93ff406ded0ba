import { describe, expect, it } from 'vitest';
import { boundForReading, READING_LIMITS } from './reading-limits.js';

const limits = { documentChars: 1000, lineChars: 50, nesting: 3, indentColumns: 12 };

describe('bounding a document before it is parsed', () => {
  it('leaves an ordinary document as it is, with nothing cut', () => {
    const text = '# Outage\n\n> > quoted\n\n- a\n  - b\n    1. c\n';
    expect(boundForReading(text, limits)).toEqual({ text, cuts: [] });
  });

  it('keeps the first quotes of a deep line and its text, and names the line', () => {
    const { text, cuts } = boundForReading(`intro\n${'>'.repeat(40)} hi`, limits);
    expect(text).toBe('intro\n>>>hi');
    expect(cuts).toEqual([
      {
        line: 2,
        reason: 'nesting',
        message: 'line 2 opens 40 nested quotes or lists; only the first 3 are read',
      },
    ]);
  });

  it('counts list markers and quotes alike as nesting', () => {
    expect(boundForReading('> - 1. * + deep', limits).text).toBe('> - 1. deep');
  });

  it('cuts indentation that would nest lists deeper than the limit', () => {
    const { text, cuts } = boundForReading(`- a\n${' '.repeat(30)}- b`, limits);
    expect(text).toBe(`- a\n${' '.repeat(12)}b`);
    expect(cuts[0]).toMatchObject({ line: 2, reason: 'indent' });
  });

  it('never touches code in a fence at the start of a line', () => {
    const code = `\`\`\`yaml\n${' '.repeat(30)}key: ${'>'.repeat(10)}\n\`\`\`\n${'>'.repeat(5)} after`;
    const { text, cuts } = boundForReading(code, limits);
    expect(text.split('\n').slice(0, 3)).toEqual(code.split('\n').slice(0, 3));
    expect(cuts.map((c) => c.line)).toEqual([4]);
  });

  it('cuts a long line to the limit and says how long it was', () => {
    const { text, cuts } = boundForReading(`a\n${'x'.repeat(120)}\nb`, limits);
    expect(text).toBe(`a\n${'x'.repeat(50)}\nb`);
    expect(cuts[0].message).toBe('line 2 is 120 characters; lines over 50 are cut to 50 for reading');
  });

  it('never splits a character written as two code units', () => {
    const { text } = boundForReading(`${'x'.repeat(49)}😀😀`, limits);
    expect(text).toBe('x'.repeat(49));
  });

  it('reads a long document up to the limit and names the line it stops in', () => {
    const { text, cuts } = boundForReading('line\n'.repeat(400), limits);
    expect(text.length).toBe(1000);
    expect(cuts).toEqual([expect.objectContaining({ line: 201, reason: 'document' })]);
  });

  it('lists the first 20 cut lines of a kind and counts the rest in one note', () => {
    const { cuts } = boundForReading('>>>> x\n'.repeat(100), { ...limits, documentChars: 10_000 });
    expect(cuts).toHaveLength(21);
    expect(cuts[20]).toEqual({
      line: null,
      reason: 'nesting',
      message: '80 more lines (lines 21–100) nested past 3 quotes or lists, read to that depth',
    });
  });

  it('keeps its documented limits', () => {
    expect(READING_LIMITS).toEqual({
      documentChars: 262_144,
      lineChars: 10_000,
      nesting: 32,
      indentColumns: 128,
    });
  });
});
