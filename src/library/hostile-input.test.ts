import { describe, expect, it } from 'vitest';
import { lintText, type ReadingCut } from '../lint/index.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import { importText } from './import.js';

// Generous bounds: the point is that these finish at all (they overflowed the stack, hung, or took 10 s and 1 GB).
const QUICK_MS = 5000;

const hostile = {
  '10 KB of >': `# Outage\n\n${'>'.repeat(10_000)} hi\n`,
  '100 KB of >': `# Outage\n\n${'>'.repeat(100_000)} hi\n`,
  'a 3 MB line': `# Outage\n\n## Summary\n\n${'word '.repeat(629_146)}\n`,
};

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

describe('postmortems built to break the Markdown parser', () => {
  it.each(Object.entries(hostile))('lints %s quickly and says what was cut', async (_, text) => {
    const { value, ms } = await timed(() => lintText(text, 'hostile.md'));
    expect(ms).toBeLessThan(QUICK_MS);
    const cuts = value.findings.filter((f) => f.rule === 'read-in-full');
    expect(cuts.length).toBeGreaterThan(0);
    expect(cuts.every((f) => f.line === 3 || f.line === 5)).toBe(true);
  });

  it.each(Object.entries(hostile))('imports %s quickly and reports each cut', async (_, text) => {
    const cuts: ReadingCut[] = [];
    const { value, ms } = await timed(() => importText(text, 'hostile.md', { onCut: (c) => cuts.push(c) }));
    expect(ms).toBeLessThan(QUICK_MS);
    expect(value.title).toBe('Outage');
    expect(cuts.length).toBeGreaterThan(0);
  });

  it('names the line of a quote nested 100,000 deep and how deep it went', async () => {
    const result = await lintText(hostile['100 KB of >'], 'deep.md');
    expect(result.findings).toContainEqual({
      rule: 'read-in-full',
      line: 3,
      message: 'line 3 opens 100,000 nested quotes or lists; only the first 32 are read',
    });
  });

  it('says a 3 MB line is cut, and keeps its start in the library', async () => {
    const cuts: ReadingCut[] = [];
    const record = await importText(hostile['a 3 MB line'], 'long.md', { onCut: (c) => cuts.push(c) });
    expect(cuts.map((c) => c.message)).toContain(
      'line 5 is at least 262,122 characters; lines over 10,000 are cut to 10,000 for reading',
    );
    expect(record.summary.startsWith('word word')).toBe(true);
    expect(record.body.length).toBeLessThan(20_000);
  });
});

describe('wiki pages built to slow the HTML reader', () => {
  const size = 256 * 1024;
  const shapes = [
    '<p><b>',
    '<h1>',
    '<li>',
    '<h1 ',
    '<tr><td>',
    '<p>&gt;',
    '<blockquote>',
    '<script>',
    '<p><<<',
  ];
  it.each(shapes)('converts a page of %s repeated in linear time', (unit) => {
    const html = `<html><body>${unit.repeat(size / unit.length)}`;
    const start = performance.now();
    htmlToMarkdown(html);
    expect(performance.now() - start).toBeLessThan(QUICK_MS);
  });

  it('imports a page of 100,000 nested quotes as text and reports the nesting', async () => {
    const cuts: ReadingCut[] = [];
    const html = `<html><body><h1>Outage</h1><p>${'&gt;'.repeat(100_000)} x</p>`;
    await importText(html, 'wiki.html', { onCut: (c) => cuts.push(c) });
    expect(cuts.map((c) => c.reason)).toContain('nesting');
    const nesting = cuts.filter((c) => c.reason === 'nesting');
    expect(nesting.map((c) => c.message)).toEqual([
      'line 3 opens 65,528 nested quotes or lists; only the first 32 are read (in the Markdown read from the page)',
    ]);
  });

  it('keeps a character reference past the last code point as written, instead of failing', () => {
    expect(htmlToMarkdown('<p>a &#99999999; b &#x110000; c &amp; d</p>')).toBe(
      'a &#99999999; b &#x110000; c & d',
    );
  });

  it('reads headings, emphasis, lists, tables and code as before', () => {
    const html =
      '<html><head><title>x</title></head><body><h2>Summary</h2><p>The <b>pool</b> was <em>full</em>, see <code>max_conn</code>.</p>' +
      '<ul><li>one</li><li>two<br>lines</li></ul><table><tr><th>Time</th><th>Event</th></tr><tr><td>10:00</td><td>a | b</td></tr></table>' +
      '<pre>  SELECT 1;\n  &lt;ok&gt;</pre><script>alert(1)</script><p>end</p>';
    expect(htmlToMarkdown(html)).toBe(
      [
        '## Summary',
        '',
        'The **pool** was _full_, see `max_conn`.',
        '',
        '- one',
        '- two lines',
        '| Time | Event |',
        '| --- | --- |',
        '| 10:00 | a \\| b |',
        '',
        '```',
        '  SELECT 1;\n  <ok>',
        '```',
        '',
        'end',
      ].join('\n'),
    );
  });
});
