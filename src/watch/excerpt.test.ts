import { describe, expect, it } from 'vitest';
import { excerpt, outputTail } from './excerpt.js';

describe('excerpts of bodies and command output', () => {
  it('makes a body printable and at most 200 characters', () => {
    expect(excerpt('\u0000\u001b[2J{"status":\n"down"}\ufffd')).toBe('[2J{"status": "down"}');
    expect(excerpt('x'.repeat(10_000))).toHaveLength(200);
  });

  it('redacts a secret before cutting, so no part of it is kept', () => {
    const token = `ghp_${'a1B2c3'.repeat(6)}`;
    const text = excerpt(`${'.'.repeat(190)} ${token}`);
    expect(text).not.toContain('ghp_a1B2');
  });

  it('keeps the last lines of an output with its newlines, without control characters', () => {
    expect(outputTail('one\n\u001b[31mtwo\u001b[0m\n', 2000)).toBe('one\n[31mtwo[0m\n');
    expect(outputTail('0123456789', 4)).toBe('6789');
  });
});
