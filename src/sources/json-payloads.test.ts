import { describe, expect, it } from 'vitest';
import { parsePayloads } from './json-payloads.js';

const values = (text: string) => parsePayloads(text).payloads.map((p) => [p.value, p.line]);

describe('parsePayloads', () => {
  it('reads one pretty-printed document from its first line', () => {
    expect(values('{\n  "a": 1\n}\n')).toEqual([[{ a: 1 }, 1]]);
  });

  it('reads the items of a top-level array, each at the line it starts on', () => {
    expect(values('[\n  {"a": 1},\n  {"b": [1, 2]}\n]')).toEqual([
      [{ a: 1 }, 2],
      [{ b: [1, 2] }, 3],
    ]);
  });

  it('reads JSON Lines and reports the lines that are not JSON', () => {
    const parsed = parsePayloads('{"a":1}\n\n{"a":\n{"a":3}\n');
    expect(parsed.payloads.map((p) => [p.value, p.line])).toEqual([
      [{ a: 1 }, 1],
      [{ a: 3 }, 4],
    ]);
    expect(parsed.problems).toEqual([{ line: 3, message: 'not valid JSON' }]);
  });

  it('reads concatenated pretty documents, as jq prints them', () => {
    expect(values('{\n "a": 1\n}\n{\n "a": 2\n}\n')).toEqual([
      [{ a: 1 }, 1],
      [{ a: 2 }, 4],
    ]);
  });

  it('keeps the complete items of an array cut off in the middle, braces inside strings included', () => {
    const parsed = parsePayloads('[\n{"t": "a } ] \\" {"},\n{"t": "b"');
    expect(parsed.payloads.map((p) => p.value)).toEqual([{ t: 'a } ] " {' }]);
    expect(parsed.problems).toEqual([{ line: 3, message: 'truncated JSON: the file ends inside this item' }]);
  });

  it('ignores a byte-order mark and reports an empty or non-JSON text', () => {
    expect(values('\uFEFF{"a":1}')).toEqual([[{ a: 1 }, 1]]);
    expect(parsePayloads('  \n').problems).toEqual([{ line: null, message: 'empty file' }]);
    expect(parsePayloads('hello').problems).toEqual([
      { line: 1, message: 'not JSON: no object or array found' },
    ]);
  });

  it('locates successive occurrences of a key inside one document', () => {
    const [doc] = parsePayloads('{\n "alerts": [\n  {"startsAt": 1},\n  {"startsAt": 2}\n ]\n}').payloads;
    expect([doc.locate('"startsAt"'), doc.locate('"startsAt"'), doc.locate('"startsAt"')]).toEqual([3, 4, 1]);
  });
});
