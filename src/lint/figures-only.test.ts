import { describe, expect, it } from 'vitest';
import { onlyTimeFigures } from './figures-only.js';

describe('an Impact section of time-to figures alone', () => {
  it('reads lines that only give how long (elifesciences/elife-xpub, MIT)', () => {
    expect(onlyTimeFigures(['', 'MTTD: 2h52m', '', 'MTTR: 1h35m', ''])).toBe(true);
    expect(onlyTimeFigures(['- **Time to recovery**: 399 minutes'])).toBe(true);
  });

  it('does not read a figure beside a word on who or what was hurt, or nothing at all', () => {
    expect(onlyTimeFigures(['MTTD: 2h52m', 'Multi-file upload was broken for every user.'])).toBe(false);
    expect(onlyTimeFigures(['MTTR: 1h35m, while 40 % of uploads failed'])).toBe(false);
    expect(onlyTimeFigures(['', ''])).toBe(false);
  });
});
