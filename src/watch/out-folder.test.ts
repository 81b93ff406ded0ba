import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareOutFolder } from './out-folder.js';

const temp = () => mkdtempSync(join(tmpdir(), 'hindsight-out-'));
const isRoot = process.getuid?.() === 0;

describe('the bundle folder a watch writes to', () => {
  it('is created when missing, but not its parents', () => {
    const dir = temp();
    expect(prepareOutFolder(join(dir, 'bundle'))).toBe(join(dir, 'bundle'));
    expect(existsSync(join(dir, 'bundle'))).toBe(true);
    expect(() => prepareOutFolder(join(dir, 'a', 'b'))).toThrow(
      /^.*a\/b: cannot write the bundle: no folder .*\/a \(only b\/ would be created\)$/,
    );
  });

  it('is refused when a file is in the way', () => {
    const dir = temp();
    writeFileSync(join(dir, 'file'), '');
    expect(() => prepareOutFolder(join(dir, 'file'))).toThrow(
      /cannot write the bundle: is a file, not a folder/,
    );
    expect(() => prepareOutFolder(join(dir, 'file', 'bundle'))).toThrow(
      /cannot write the bundle: a part of the path is not a folder/,
    );
  });

  it.skipIf(isRoot)('is refused without write permission (skipped as root, who may write anywhere)', () => {
    const dir = temp();
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o555);
    expect(() => prepareOutFolder(join(dir, 'locked'))).toThrow(/cannot write the bundle: permission denied/);
  });

  it('is refused when it already holds the evidence of another watch', () => {
    const dir = temp();
    writeFileSync(join(dir, 'watch.jsonl'), '');
    expect(() => prepareOutFolder(dir)).toThrow(
      /already holds watch\.jsonl from another watch: give a new folder/,
    );
  });

  it('leaves no probe file behind', () => {
    const dir = temp();
    prepareOutFolder(dir);
    expect(readdirSync(dir)).toEqual([]);
  });
});
