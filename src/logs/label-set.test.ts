import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLabelSet, serviceFromLabels } from './label-set.js';

describe('readLabelSet', () => {
  it('reads a label set as logcli prints it, escapes included, and where it ends', () => {
    expect(readLabelSet('{app="payments", namespace="prod"} level=error', 0)).toEqual({
      labels: { app: 'payments', namespace: 'prod' },
      end: 34,
    });
    expect(readLabelSet('x {msg="say \\"hi\\"",path="C:\\\\tmp"} y', 2)).toEqual({
      labels: { msg: 'say "hi"', path: 'C:\\tmp' },
      end: 35,
    });
    expect(readLabelSet('{}', 0)).toEqual({ labels: {}, end: 2 });
  });

  it('takes no JSON object, no unfinished set and no label without a quoted value for one', () => {
    for (const text of [
      '{"level":"error"}',
      '{app="x"',
      '{app=x}',
      '{1app="x"}',
      '{app="x" job="y"}',
      'app="x"',
    ])
      expect(readLabelSet(text, 0), text).toBeNull();
  });

  it('reads any text without throwing, and every set it reads is written back the same (fuzz)', () => {
    const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    fc.assert(
      fc.property(fc.dictionary(name, fc.string({ maxLength: 12 })), fc.string(), (labels, rest) => {
        const written = `{${Object.entries(labels)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(', ')}}`;
        const read = readLabelSet(written + rest, 0);
        // JSON.stringify escapes more than quotes and backslashes; those values read back escaped.
        if (
          Object.values(labels).every(
            (v) => JSON.stringify(v) === `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`,
          )
        )
          expect(read).toEqual({ labels, end: written.length });
      }),
    );
    fc.assert(fc.property(fc.string(), (text) => void readLabelSet(text, 0)));
  });
});

describe('serviceFromLabels', () => {
  it('takes service_name, service, app, application, container, then the last part of job', () => {
    expect(serviceFromLabels({ service_name: 'a', app: 'b' })).toBe('a');
    expect(serviceFromLabels({ app: 'b', container: 'c' })).toBe('b');
    expect(serviceFromLabels({ job: 'prod/checkout' })).toBe('checkout');
    expect(serviceFromLabels({ namespace: 'prod', service: 42 })).toBeNull();
  });
});
