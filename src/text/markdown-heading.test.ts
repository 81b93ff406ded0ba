import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atxFromSetext, markdownHeading } from './markdown-heading.js';

describe('markdownHeading', () => {
  it('reads the level and the title, closing #s dropped', () => {
    expect(markdownHeading('## Timeline')).toEqual({ level: 2, title: 'Timeline' });
    expect(markdownHeading('   ### 14:05 UTC ###  ')).toEqual({ level: 3, title: '14:05 UTC' });
    expect(markdownHeading('#\tRoot cause')).toEqual({ level: 1, title: 'Root cause' });
  });

  it('keeps a # that belongs to the title', () => {
    expect(markdownHeading('## Upgrading C#')).toEqual({ level: 2, title: 'Upgrading C#' });
    expect(markdownHeading('## Issue #2226')).toEqual({ level: 2, title: 'Issue #2226' });
  });

  it('is not a heading without the space, past six #s, indented four spaces, or empty', () => {
    expect(markdownHeading('#5 was merged')).toBeNull();
    expect(markdownHeading('####### seven')).toBeNull();
    expect(markdownHeading('    ## code')).toBeNull();
    expect(markdownHeading('## ##')).toBeNull();
    expect(markdownHeading('#')).toBeNull();
  });

  it('reads a heading padded with 100,000 spaces or #s without backtracking', () => {
    expect(markdownHeading(`## a${' '.repeat(100_000)}b`)?.title.length).toBe(100_002);
    expect(markdownHeading(`##${' '.repeat(100_000)}${'#'.repeat(100_000)}`)).toBeNull();
    expect(markdownHeading(`## x${' #'.repeat(50_000)}`)?.title.startsWith('x #')).toBe(true);
  });

  it('returns a trimmed, non-empty title without a closing run for any line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (line) => {
        const h = markdownHeading(line);
        if (!h) return;
        expect(h.title).toBe(h.title.trim());
        expect(h.title.length).toBeGreaterThan(0);
        expect(h.level).toBeGreaterThanOrEqual(1);
        expect(h.level).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe('atxFromSetext', () => {
  it('writes a one-line paragraph over === or --- as the ATX heading it renders as, lines kept', () => {
    expect(atxFromSetext(['Timeline', '--------', '', '- 10:00 x'])).toEqual([
      '## Timeline',
      '',
      '',
      '- 10:00 x',
    ]);
    expect(atxFromSetext(['Outage', '===='])).toEqual(['# Outage', '']);
  });

  it('leaves a thematic break after a blank, a list item, a table, a fence and front matter alone', () => {
    expect(atxFromSetext(['a', '', '---'])).toEqual(['a', '', '---']);
    expect(atxFromSetext(['- item', '---'])).toEqual(['- item', '---']);
    expect(atxFromSetext(['| a |', '---'])).toEqual(['| a |', '---']);
    expect(atxFromSetext(['```', 'title', '---', '```'])).toEqual(['```', 'title', '---', '```']);
    expect(atxFromSetext(['---', 'title: x', '---', '', 'Timeline', '---'], 3)).toEqual([
      '---',
      'title: x',
      '---',
      '',
      '## Timeline',
      '',
    ]);
    // The second line of a paragraph is no title of its own.
    expect(atxFromSetext(['one', 'two', '---'])).toEqual(['one', 'two', '---']);
  });

  it('keeps every line, in one pass over 100,000 underlines', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? '---' : 'x'));
    const started = performance.now();
    expect(atxFromSetext(lines)).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
