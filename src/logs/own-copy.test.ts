import { describe, expect, it } from 'vitest';
import { ownCopy } from './own-copy.js';

describe('ownCopy', () => {
  it('returns an equal string', () => {
    const block = `${'x'.repeat(100)}\nConnection refused by upstream.example.com\n`;
    const line = block.slice(101, -1);
    expect(ownCopy(line)).toBe('Connection refused by upstream.example.com');
    expect(ownCopy('')).toBe('');
  });
});
