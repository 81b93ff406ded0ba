import { describe, expect, it } from 'vitest';
import { lineMessageReader } from './line-message.js';

describe('lineMessageReader', () => {
  const read = lineMessageReader();
  const copy = (line: string) => ({ ...read(line) });

  it('reads a JSON line with or without a time of its own', () => {
    expect(copy('{"time":"2026-02-10T14:00:00Z","level":"error","service":"api","msg":"boom 42"}')).toEqual({
      message: 'boom 42',
      level: 'error',
      service: 'api',
    });
    expect(copy('{"level":50,"msg":"boom 42"}')).toEqual({
      message: 'boom 42',
      level: 'error',
      service: null,
    });
  });

  it('reads a JSON record of fields alone (an access log) as its own message, at its own level', () => {
    const line =
      '{"level":"warn","time":"2018-09-21T02:56:05Z","destinationIp":"10.244.0.78","sentBytes":424}';
    expect(copy(line)).toEqual({ message: line, level: 'warn', service: null });
  });

  it('reads a logfmt line and a plain-text line after its stamp and level', () => {
    expect(copy('time=2026-02-10T14:00:00Z level=warn msg="slow query"')).toMatchObject({
      message: 'slow query',
      level: 'warn',
    });
    // The time is kept beside the line: a logfmt line without one still gives its fields.
    expect(copy('level=error msg="db timeout" service=api')).toEqual({
      message: 'db timeout',
      level: 'error',
      service: 'api',
    });
    expect(copy('2026-02-10 14:00:00,003 ERROR pool exhausted')).toMatchObject({
      message: 'pool exhausted',
      level: 'error',
    });
  });

  it('takes a line no reader understands as its own message, with a level word if it has one', () => {
    expect(copy('ERROR pool exhausted')).toEqual({
      message: 'ERROR pool exhausted',
      level: 'error',
      service: null,
    });
    expect(copy('{not json')).toEqual({ message: '{not json', level: 'unknown', service: null });
  });
});
