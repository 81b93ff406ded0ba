import { describe, expect, it } from 'vitest';
import { headerLines, mostly, sampleLines } from './sample-lines.js';

const isStamped = (line: string) => /^\d{4}-\d{2}-\d{2} /.test(line);

describe('sampleLines', () => {
  it('keeps complete non-blank lines, without a cut-off last one or carriage returns', () => {
    expect(sampleLines('a\r\n\n  \nb\nc')).toEqual(['a', 'b']);
    expect(sampleLines('a\nb\n', { limit: 1 })).toEqual(['a']);
  });
});

describe('headerLines', () => {
  it('counts the lines before the first that passes, up to a few', () => {
    expect(headerLines(['2024-05-01 x', 'y'], isStamped)).toBe(0);
    expect(headerLines(['Header1: abc', 'Header2: def', '2024-05-01 x'], isStamped)).toBe(2);
    expect(headerLines(['a', 'b', 'c', 'd', 'e', 'f', '2024-05-01 x'], isStamped)).toBe(-1);
    expect(headerLines(['a', 'b', '2024-05-01 x'], isStamped, { within: 1 })).toBe(-1);
    expect(headerLines([], isStamped)).toBe(-1);
  });
});

describe('mostly', () => {
  it('asks for a share of the lines, and at least one', () => {
    expect(mostly(['2024-05-01 x', 'y', '2024-05-01 z'], isStamped)).toBe(true);
    expect(mostly(['2024-05-01 x', 'y', 'z'], isStamped)).toBe(false);
    expect(mostly([], isStamped)).toBe(false);
  });
});
