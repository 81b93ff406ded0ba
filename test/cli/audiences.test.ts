import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as textOf } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { GENERATED_MARK_MD } from '../../src/model/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const generate = (...args: string[]) =>
  spawnSync('node', [join(root, 'bin/hindsight.js'), 'generate', 'test/fixtures/hostile', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('output formats and audiences', () => {
  it('escapes evidence in HTML and loads nothing from the network', () => {
    const html = generate('--format', 'html').stdout;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>down</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
  });

  it('keeps raw HTML out of Markdown too: evidence markup is escaped text, the anchors and the report mark are the only tags', () => {
    const md = generate().stdout;
    const tree = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    const html: string[] = [];
    const visit = (node: { type: string; value?: string; children?: unknown[] }) => {
      if (node.type === 'html') html.push(node.value ?? '');
      for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
    };
    visit(tree);
    expect(html.length).toBeGreaterThan(0);
    expect(html.filter((tag) => tag === GENERATED_MARK_MD)).toHaveLength(1);
    for (const tag of html.filter((t) => t !== GENERATED_MARK_MD))
      expect(tag).toMatch(/^<a id="ref-[\w-]+">$|^<\/a>$/);
    expect(textOf(tree)).toContain('<script>alert(1)</script>');
    expect(md).not.toMatch(/(?<!\\)<(?:script|img|b)\b/);
  });

  it('writes an executive page of what happened, impact, how it was handled, its lessons and what changes', () => {
    const md = generate('--audience', 'executive').stdout;
    expect(md.match(/^## .*/gm)).toEqual([
      '## What happened',
      '## Impact',
      '## How it was handled',
      '## What went well and what went wrong (draft)',
      '## What we are changing',
    ]);
    // The follow-up drawn for the trigger names the change it guards against.
    expect(md).toMatch(/^- Release checkout through a canary .*DEP-1/m);
  });

  it('masks personal data and drops refs for customers, in every format', () => {
    for (const format of ['md', 'html', 'json']) {
      const out = generate('--audience', 'customer', '--format', format).stdout;
      expect(out).not.toContain('jane@example.com');
      expect(out).not.toContain('10.1.2.3');
      expect(out).not.toMatch(/DEP-1|ALT-1/);
    }
  });
});
