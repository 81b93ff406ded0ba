import { describe, expect, it } from 'vitest';
import { boldFieldLabel } from './bold-field.js';

describe('boldFieldLabel', () => {
  it('reads the bold label of a field, the colon inside or after the bold, in a list item too', () => {
    expect(boldFieldLabel('**Duration:** 2025-06-19 12:24 to 2025-06-22 09:30')).toBe('Duration');
    expect(boldFieldLabel('- **Severity**: high')).toBe('Severity');
    expect(boldFieldLabel('__Cause:__ a rebuild deleted the index')).toBe('Cause');
  });

  it('is no field without the colon, nor a bold phrase inside a sentence', () => {
    expect(boldFieldLabel('**Frontend** rollback')).toBeNull();
    expect(boldFieldLabel('The **Date:** field was empty')).toBeNull();
  });

  it('reads a line of 100,000 asterisks and colons in linear time', () => {
    const started = performance.now();
    expect(boldFieldLabel(`**${'a:'.repeat(50_000)}`)).toBeNull();
    expect(boldFieldLabel(`- ${'*'.repeat(100_000)}`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
