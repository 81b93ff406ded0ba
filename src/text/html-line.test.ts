import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlLineParts, isHtmlLine, renderHtmlLine } from './html-line.js';

describe('a Markdown line written in HTML', () => {
  it('tells a line written in HTML from Markdown that quotes HTML', () => {
    // apache/infrastructure-website (Apache-2.0): blog posts exported from a CMS.
    for (const text of [
      '  <p><b><u>UPDATE 7 May 19:27 UTC </u></b>- Drives have been replaced.</p>',
      '<p><span style="color: rgb(23, 43, 77);">At around 09:11 UTC the server broke.</span><br></p>',
      'HTTP, which spawned processes on our production web services. </p><p>At about 07:45 UTC we noticed',
      '<b>While we have no evidence that downloads were affected</b>',
    ])
      expect(isHtmlLine(text), text).toBe(true);
    for (const text of [
      '- 10:00 UTC deploy started',
      'Fixed the `</p><p>` bug in the renderer',
      '<details markdown>',
      'a <3 b and x < y',
      '<https://example.com/incident>',
    ])
      expect(isHtmlLine(text), text).toBe(false);
  });

  it('renders its blocks as lines, a blank line where one block ends and the next begins', () => {
    expect(
      htmlLineParts('  <p><b><u>UPDATE 7 May 19:27 UTC </u></b>- Drives have been replaced. &nbsp;</p>'),
    ).toEqual(['', 'UPDATE 7 May 19:27 UTC - Drives have been replaced.', '']);
    expect(
      htmlLineParts(
        '<p><b>July 13, 2022</b></p><p><span style="font-family: &quot;Segoe UI&quot;;">At around 09:11 UTC the server broke.</span><br></p>',
      ),
    ).toEqual(['', 'July 13, 2022', '', 'At around 09:11 UTC the server broke.', '']);
    // A paragraph wrapped onto the next source line is not ended here.
    expect(htmlLineParts('web services. </p><p>At about 07:45 UTC we')).toEqual([
      'web services.',
      '',
      'At about 07:45 UTC we',
    ]);
    // What is not a tag stays text; an unclosed tag is text as written.
    expect(htmlLineParts('x < y <p>z')).toEqual(['x < y', '', 'z']);
    expect(htmlLineParts('<p>a <b unclosed')).toEqual(['', 'a <b unclosed']);
  });

  it('tells whether a line ends inside a paragraph it opened, which then runs on', () => {
    // apache/infrastructure-website: "</p><p> On August 27th, starting at" / "about 18:00 UTC an account …"
    expect(renderHtmlLine('time after the audit.</p><p> On August 27th, starting at')).toEqual({
      parts: ['time after the audit.', '', 'On August 27th, starting at'],
      open: true,
    });
    expect(renderHtmlLine('from this host.<br /></p>').open).toBe(false);
    // A line that opens or closes no block says nothing of it.
    expect(renderHtmlLine('about 18:00 UTC an account was used').open).toBeNull();
    expect(renderHtmlLine('<b>Note</b>: times in UTC').open).toBeNull();
  });

  it('reads hostile lines in linear time', () => {
    const hostile = [
      '<p'.repeat(100_000),
      `<b ${'x'.repeat(200_000)}`,
      '<'.repeat(200_000),
      '<p>'.repeat(100_000),
      `${'<b>'.repeat(50_000)}${'&nbsp;'.repeat(50_000)}`,
      `${'</p><p>'.repeat(50_000)}`,
    ];
    const started = performance.now();
    for (const text of hostile) {
      isHtmlLine(text);
      htmlLineParts(text);
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never throws, and keeps plain text as one line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parts = htmlLineParts(text);
        expect(Array.isArray(parts)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 .,:-]{1,80}$/), (text) => {
        const shown = text.replace(/\s+/g, ' ').trim();
        expect(htmlLineParts(text)).toEqual(shown ? [shown] : []);
      }),
    );
  });
});
