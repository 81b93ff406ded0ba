import { describe, expect, it } from 'vitest';
import { scanJsonFields } from './json-fields.js';

const wanted = new Set(['msg', 'level', 'time', 'err']);

describe('scanJsonFields', () => {
  it('reads the wanted top-level fields of a flat line as JSON.parse would', () => {
    const line = '{"level":50, "time":1770728400000,"pid":7,"ok":true,"msg":"say \\"hi\\"\\n","x":null}';
    expect(scanJsonFields(line, wanted)).toEqual({ level: 50, time: 1770728400000, msg: 'say "hi"\n' });
  });

  it('skips nested values, strings with braces inside them included, and refuses wanted ones', () => {
    expect(scanJsonFields('{"req":{"id":"a}b","tags":["x"]},"msg":"m"}', wanted)).toEqual({ msg: 'm' });
    expect(scanJsonFields('{"err":{"message":"boom"},"msg":""}', wanted)).toBeNull();
  });

  it('refuses truncated and trailing-garbage lines, leaving the verdict to JSON.parse', () => {
    expect(scanJsonFields('{"level":50,"time":17700', wanted)).toBeNull();
    expect(scanJsonFields('{"msg":"unterminated}', wanted)).toBeNull();
    expect(scanJsonFields('{"msg":"a"} extra', wanted)).toBeNull();
    expect(scanJsonFields('{"level":fifty}', wanted)).toBeNull();
  });

  it('handles a backslash that ends a string', () => {
    expect(scanJsonFields('{"msg":"C:\\\\","level":30}', wanted)).toEqual({ msg: 'C:\\', level: 30 });
  });
});
