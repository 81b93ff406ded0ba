import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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

  it('keeps raw HTML out of Markdown too', () => {
    const md = generate().stdout;
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
  });

  it('writes an executive page of what happened, impact and what changes', () => {
    const md = generate('--audience', 'executive').stdout;
    expect(md.match(/^## .*/gm)).toEqual(['## What happened', '## Impact', '## What we are changing']);
    expect(md).toContain('Review change DEP-1');
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
