import { describe, expect, it } from 'vitest';
import { stampsClosingParagraphs } from './closing-stamps.js';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, number: i + 1 }));
const texts = (text: string) => stampsClosingParagraphs(lines(text)).map((l) => l.text);

describe('stamps closing their paragraphs', () => {
  it("move a status page update's closing stamp to lead its words, on the words' line", () => {
    expect(
      texts(
        '**Resolved** - This incident has been resolved.\nMar 9, 2026 - 10:31 UTC\n\n**Investigating** - We are looking into it.\nMar 9, 2026 - 10:05 UTC',
      ),
    ).toEqual([
      'Mar 9, 2026 - 10:31 UTC - **Resolved** - This incident has been resolved.',
      '',
      '',
      'Mar 9, 2026 - 10:05 UTC - **Investigating** - We are looking into it.',
      '',
    ]);
  });
  it('read "Posted …" before the stamp, and a status word on a line of its own as the label', () => {
    expect(texts('Resolved\nThis incident has been resolved.\nPosted Mar 09, 2026 - 10:31 UTC')).toEqual([
      'Mar 09, 2026 - 10:31 UTC - Resolved - This incident has been resolved.',
      '',
      '',
    ]);
  });
  it('leave a stamp that opens its paragraph, a sentence broken off before a time, and a list alone', () => {
    for (const text of [
      'Mar 9, 2026 - 10:05 UTC\nWe are looking into it.',
      'The service came back at\nMar 9, 2026 - 10:31 UTC',
      '- a list item.\nMar 9, 2026 - 10:31 UTC',
      '10:02 deploy started.\nMar 9, 2026 - 10:31 UTC',
    ])
      expect(texts(text), text).toEqual(text.split('\n'));
  });
});
