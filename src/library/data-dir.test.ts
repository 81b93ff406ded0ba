import { describe, expect, it } from 'vitest';
import { defaultDbPath } from './data-dir.js';

describe('defaultDbPath', () => {
  it('follows XDG_DATA_HOME on Linux', () => {
    expect(defaultDbPath({ env: { XDG_DATA_HOME: '/data' }, platform: 'linux', home: '/home/a' })).toBe(
      '/data/hindsight/library.db',
    );
  });

  it('falls back to ~/.local/share without XDG_DATA_HOME', () => {
    expect(defaultDbPath({ env: {}, platform: 'linux', home: '/home/a' })).toBe(
      '/home/a/.local/share/hindsight/library.db',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDbPath({ env: {}, platform: 'darwin', home: '/Users/a' })).toBe(
      '/Users/a/Library/Application Support/hindsight/library.db',
    );
  });
});
