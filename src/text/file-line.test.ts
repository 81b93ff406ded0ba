import { describe, expect, it } from 'vitest';
import { fileLine } from './file-line.js';

describe('fileLine', () => {
  it('cites a file and its line, or the file alone when the line is unknown', () => {
    expect(fileLine({ file: 'postmortem.md', line: 12 })).toBe('postmortem.md:12');
    expect(fileLine({ file: 'postmortem.md', line: 0 })).toBe('postmortem.md:0');
    expect(fileLine({ file: 'app.log', line: null })).toBe('app.log');
    expect(fileLine({ file: 'app.log' })).toBe('app.log');
  });
});
