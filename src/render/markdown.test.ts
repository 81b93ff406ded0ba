import type { Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as textOf } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { entry, sampleReport } from '../../test/support/report.js';
import { GENERATED_MARK_MD } from '../model/index.js';
import { toPostmortem } from '../report/index.js';
import { renderMarkdown } from './markdown.js';

const parse = (md: string): Root =>
  fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
// An entity the Markdown would turn into a character; an escaped ampersand (\&lt;) is the text itself.
const ENTITY = /(?<!\\)&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;
const HOSTILE = [
  'Connection pool exhausted after <*> ms (pool=orders-db, waiting=<*>)',
  'a | pipe, a *star*, an _underscore_, a `tick`, a back\\slash and &lt;already&gt; escaped',
  '<script>alert(1)</script> and <b>bold</b>',
  '# not a heading, [not](a-link) and ![no](image)',
];

const report = sampleReport({
  timeline: HOSTILE.map((summary, i) => entry(i, 'log', `LOG-${i + 1}`, { summary })),
});
const md = renderMarkdown(toPostmortem(report, []));
const tables = (tree: Root) => tree.children.filter((n): n is Table => n.type === 'table');

describe('Markdown written through mdast', () => {
  it('holds no HTML entity, whatever the evidence holds', () => {
    expect(md).not.toMatch(ENTITY);
  });

  it('reads back every evidence text as written, cell by cell', () => {
    const timeline = tables(parse(md))[0];
    const column = timeline.children[0].children.findIndex((c) => textOf(c) === 'Event');
    const texts = timeline.children.slice(1).map((row) => textOf(row.children[column]));
    expect(texts).toEqual(HOSTILE);
  });

  it('keeps every table row to its columns, a pipe in a cell included', () => {
    for (const t of tables(parse(md)))
      for (const row of t.children) expect(row.children.length).toBe(t.children[0].children.length);
  });

  it('holds no raw HTML but the anchors the refs link to and the mark under the title', () => {
    const html: string[] = [];
    const visit = (node: { type: string; value?: string; children?: unknown[] }) => {
      if (node.type === 'html') html.push(node.value ?? '');
      for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
    };
    visit(parse(md));
    expect(html.shift()).toBe(GENERATED_MARK_MD);
    expect(html.length).toBe(HOSTILE.length * 2);
    for (const h of html) expect(h).toMatch(/^<a id="ref-[\w-]+">$|^<\/a>$/);
  });

  it('links refs to their timeline row', () => {
    expect(md).toContain('[DEP-1](#ref-DEP-1)');
    expect(md).toContain('<a id="ref-LOG-1"></a>');
  });
});
