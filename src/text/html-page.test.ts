import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlPageLines, isHtmlPage, pageAsMarkdown } from './html-page.js';

const texts = (page: string) => htmlPageLines(page).map((l) => l.text);

describe('an HTML page', () => {
  it('is told from a Markdown document that holds some HTML', () => {
    expect(isHtmlPage('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(isHtmlPage('\ufeff  <!-- saved from https://example.com -->\n<html>\n<body>')).toBe(true);
    expect(isHtmlPage('<HTML><BODY>')).toBe(true);
    expect(isHtmlPage('# Postmortem\n\n<p><b>UPDATE 19:27 UTC</b> - drives replaced</p>')).toBe(false);
    expect(isHtmlPage('<p>14:05 deploy</p>')).toBe(false);
    expect(isHtmlPage('<!-- an unclosed comment')).toBe(false);
  });

  it('shows what a reader sees, in Markdown: headings, list items, table rows; not the head, scripts or comments', () => {
    const page = [
      '<!DOCTYPE html>',
      '<html><head><title>Outage</title>',
      '<script>var t = "12:00 - not an entry";</script><style>p { color: red }</style></head>',
      '<body><nav><a href="/">Home</a></nav><!-- 13:00 hidden -->',
      '<h2 id="timeline">Timeline</h2>',
      '<ul><li><p><strong>16:58 UTC</strong> - Writer database saturated</p></li>',
      '<li>17:02 UTC - Deploy &amp; restart</li></ul>',
      '<table><thead><tr><th>Time</th><th>Event</th></tr></thead>',
      '<tbody><tr><td>08:21</td><td>VPC CNI <em>replaced</em> | by the pipeline</td></tr>',
      '<tr><td>08:29</td><td>Alert fired<br>Team paged</td></tr></tbody></table>',
      '<pre><code>line one\n  line two &lt;x&gt;</code></pre>',
      '<p>All times in UTC.</p></body></html>',
    ].join('\n');
    expect(texts(page)).toEqual([
      '[Home](/)',
      '',
      '## Timeline',
      '',
      '- 16:58 UTC - Writer database saturated',
      '',
      '- 17:02 UTC - Deploy & restart',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 08:21 | VPC CNI replaced \\| by the pipeline |',
      '| 08:29 | Alert fired<br>Team paged |',
      '',
      'line one',
      '  line two <x>',
      '',
      'All times in UTC.',
    ]);
  });

  it("keeps a link's target as Markdown writes it, not a page anchor's or a script's", () => {
    expect(
      texts(
        '<html><p>See <a class="x" href="https://github.com/o/r/issues/12">#12</a>, <a href=\'/status\'>status</a>, <a href="#top">top</a>, <a href="javascript:void(0)">menu</a></p>',
      ),
    ).toEqual(['See [#12](https://github.com/o/r/issues/12), [status](/status), top, menu']);
  });

  it('keeps its text whole when it holds letters that lowercase to longer strings', () => {
    expect(texts('<HTML><P>İSTANBUL 14:05 — Deploy</P><P>14:10 — İzmir OK</P>')).toEqual([
      'İSTANBUL 14:05 — Deploy',
      '',
      '14:10 — İzmir OK',
    ]);
  });

  it('gives each shown line the page line it begins on', () => {
    const lines = htmlPageLines('<html>\n<body>\n<h1>Title</h1>\n<p>First\nparagraph</p>\n<p>Second</p>');
    expect(lines.filter((l) => l.text).map((l) => [l.number, l.text])).toEqual([
      [3, '# Title'],
      [4, 'First paragraph'],
      [6, 'Second'],
    ]);
  });

  it('opens with the publication day the page states where a browser does not show it, as front matter', () => {
    const head = (meta: string) =>
      `<!DOCTYPE html>\n<html>\n<head>\n<title>Outage</title>\n${meta}\n</head>\n<body>\n<h1>API outage</h1>\n<p>14:05 deploy</p>\n</body>\n</html>`;
    const day = (page: string) => htmlPageLines(page).filter((l) => l.front);
    // OpenGraph (Ghost, WordPress), schema.org microdata, a CMS's own name, any quoting and case.
    for (const meta of [
      '<meta property="article:published_time" content="2023-06-14T09:00:00+00:00">',
      "<META NAME='date' CONTENT='2023-06-14'>",
      '<meta itemprop=datePublished content=2023-06-14T09:00:00Z />',
      '<meta content="2023-06-14" name="parsely-pub-date">',
      '<script type="application/ld+json">{"@type":"BlogPosting","datePublished": "2023-06-14T09:00:00Z"}</script>',
    ])
      expect(day(head(meta)).map((l) => [l.number, l.text])).toEqual([
        [5, '---'],
        [5, 'date: 2023-06-14'],
        [5, '---'],
      ]);
    // A date the page was changed on, a name that is not a date's, or content that is no day: none.
    for (const meta of [
      '<meta property="article:modified_time" content="2023-06-20T09:00:00Z">',
      '<meta name="description" content="2023-06-14 outage">',
      '<meta name="date" content="June 14">',
      '',
    ])
      expect(day(head(meta))).toEqual([]);
    // As Markdown, the front matter opens the document; the shown lines stay on their page lines.
    const markdown = pageAsMarkdown(head('<meta name="date" content="2023-06-14">')).split('\n');
    expect(markdown.slice(0, 3)).toEqual(['---', 'date: 2023-06-14', '---']);
    expect(markdown[7]).toBe('# API outage');
    expect(markdown[8]).toBe('14:05 deploy');
  });

  it('reads any page, however broken, in time linear in its length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        for (const l of htmlPageLines(`<html>${s}`)) expect(typeof l.text).toBe('string');
      }),
    );
    const worst = [
      '<a '.repeat(200_000),
      '<script>'.repeat(50_000),
      '<!--'.repeat(50_000),
      '<tr><td>'.repeat(50_000),
      '<meta name="date" content="x'.repeat(50_000),
      '<meta'.repeat(100_000),
      '"datePublished": '.repeat(50_000),
    ];
    const started = performance.now();
    for (const page of worst) htmlPageLines(page);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
