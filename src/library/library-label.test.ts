import { describe, expect, it } from 'vitest';
import { libraryLabel } from './library-label.js';

describe('libraryLabel', () => {
  it('shows a file under the home folder with ~', () => {
    expect(libraryLabel('/home/a/.local/share/hindsight/library.db', { home: '/home/a' })).toBe(
      '~/.local/share/hindsight/library.db',
    );
  });

  it('shows a file elsewhere by its absolute path', () => {
    expect(libraryLabel('/srv/lib.db', { home: '/home/a' })).toBe('/srv/lib.db');
  });

  it('never shows the password or query of a PostgreSQL URL', () => {
    const label = libraryLabel('postgres://app:s3cret@db.internal:5432/hindsight?password=x2', {
      home: '/home/a',
    });
    expect(label).toBe('postgres://app@db.internal:5432/hindsight');
    expect(label).not.toMatch(/s3cret|x2/);
  });

  it('does not echo a URL it cannot parse', () => {
    expect(libraryLabel('postgres://app:s3cret@[bad', { home: '/home/a' })).not.toContain('s3cret');
  });
});
