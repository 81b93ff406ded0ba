import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';

describe('InputError', () => {
  it('names the file and line, and never repeats a secret it quotes', () => {
    const error = new InputError(
      'MANIFEST_INVALID',
      'incident.yaml',
      "key 'timezone': unknown time zone 'postgres://u:hunter22x@db/x'",
      2,
    );
    expect(error.message).toBe(
      "incident.yaml:2: key 'timezone': unknown time zone 'postgres://u:[REDACTED]@db/x'",
    );
  });
});
