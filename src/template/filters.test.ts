import fc from 'fast-check';
import type { Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as textOf } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { cite, confidence, cut, duration, md, percent, refLink, refLinks, time } from './filters.js';

const parse = (text: string): Root =>
  fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
// An entity the Markdown would turn into a character; an escaped ampersand (\&lt;) is the text itself.
const ENTITY = /(?<!\\)&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;
const ctx = { refs: new Set(['K8S-01', 'AM-02', 'AM-02-RESOLVED']), zone: 'UTC' };

// Text that reaches a template: evidence with Markdown, HTML, pipes, backslashes and odd spacing.
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'ab 1.#*_`[]()<>|\\&;!~-+=:"\'\n\t{}%'.split('')),
    fc.string({ maxLength: 3 }),
  ),
  maxLength: 60,
});

function cellOf(markdown: string): string {
  const table = parse(`| h |\n| --- |\n| ${markdown} |\n`).children[0] as Table;
  return textOf(table.children[1].children[0]);
}

describe('the Markdown filters', () => {
  it('escape text so it reads as itself inside a line, whatever it holds', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const tree = parse(`Before ${md(s)} after`);
        expect(tree.children).toHaveLength(1);
        expect(textOf(tree)).toBe(`Before ${oneLine(s)} after`);
      }),
      { numRuns: 2000 },
    );
  });

  it('escape text so it reads as itself at the start of a list item or a heading', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const text = oneLine(s);
        fc.pre(text.length > 0);
        const item = parse(`- ${md(s)}\n`).children[0];
        expect(item.type).toBe('list');
        expect(textOf(item)).toBe(text);
        const heading = parse(`## ${md(s)}\n`).children[0];
        expect(heading.type).toBe('heading');
        expect(textOf(heading)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('escape text so a table cell holds it whole', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(cellOf(md(s))).toBe(oneLine(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('never write an HTML entity', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(md(s)).not.toMatch(ENTITY);
      }),
      { numRuns: 2000 },
    );
    expect(md('a &lt;*&gt; b')).not.toMatch(ENTITY);
  });

  it('cut text on a whole word within the length, closing what it opened', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 8, max: 120 }), (s, max) => {
        const out = cut(s, max);
        expect(out.length).toBeLessThanOrEqual(max + 4);
        if (oneLine(s).length <= max) expect(out).toBe(oneLine(s));
      }),
      { numRuns: 1000 },
    );
    expect(cut('Readiness probe failed: Get "http://10.20.3.87:8080/healthz" timeout', 40)).toBe(
      'Readiness probe failed: Get…',
    );
    expect(cut('the pool "orders-db" is exhausted', 20)).toBe('the pool "orders…"');
  });

  it('link refs of the timeline and leave other words as text', () => {
    expect(refLink(ctx, 'K8S-01')).toBe('[K8S-01](#ref-K8S-01)');
    expect(refLink(ctx, 'GH-99')).toBe('GH-99');
    expect(refLinks(ctx, ['K8S-01', 'AM-02'])).toBe('[K8S-01](#ref-K8S-01), [AM-02](#ref-AM-02)');
    expect(cite(ctx, 'Resolved (AM-02-RESOLVED) after AM-02 *fired*')).toBe(
      'Resolved ([AM-02-RESOLVED](#ref-AM-02-RESOLVED)) after [AM-02](#ref-AM-02) \\*fired\\*',
    );
  });

  it('cite keeps the text of any input and links only whole refs', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const text = `${s} K8S-01 ${s}`;
        expect(textOf(parse(`x ${cite(ctx, text)} y`))).toBe(oneLine(`x ${oneLine(text)} y`));
      }),
      { numRuns: 1000 },
    );
  });

  it('write times, durations, percentages and confidences as the report does, unknown for null', () => {
    expect(time(ctx, '2026-05-19T13:09:41.000Z')).toBe('2026-05-19 13:09:41');
    expect(time({ ...ctx, zone: 'Europe/Berlin' }, { ts: '2026-05-19T13:09:41.000Z', ref: 'K8S-01' })).toBe(
      '2026-05-19 15:09:41',
    );
    expect(time(ctx, null)).toBe('unknown');
    expect(duration(1080)).toBe('18 min');
    expect(duration(-120)).toBe('2 min before');
    expect(duration(null)).toBe('unknown');
    expect(percent(12.5)).toBe('12.5 %');
    expect(percent(null)).toBe('not measured');
    expect(confidence(0.9)).toBe('0.90');
  });
});
