import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entry, errorRateSeries, sampleReport } from '../../test/support/report.js';
import { toPostmortem } from '../report/index.js';
import { renderHtml } from './html.js';

const tags = (html: string) => html.match(/<[a-zA-Z][^>]*>/g) ?? [];
const attributes = (tag: string) =>
  [...tag.matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)].map((m) => [m[1], m[2] ?? '']);

/** Everything a browser could run or fetch: scripts, handlers, external or script URLs, embedded content. */
function executableOrExternal(html: string): string[] {
  const found: string[] = [];
  for (const tag of tags(html)) {
    const name = tag
      .slice(1)
      .split(/[\s>/]/)[0]
      .toLowerCase();
    if (
      [
        'script',
        'img',
        'iframe',
        'object',
        'embed',
        'link',
        'base',
        'image',
        'use',
        'foreignobject',
      ].includes(name)
    )
      found.push(tag);
    for (const [attr, value] of attributes(tag)) {
      if (/^on/i.test(attr) || /^(src|srcset|xlink:href|action|formaction)$/i.test(attr)) found.push(tag);
      if (attr === 'href' && !value.startsWith('#')) found.push(tag);
      if (/^(href|style)$/i.test(attr) && /javascript:|url\(/i.test(value)) found.push(tag);
    }
  }
  if (/url\(|@import/i.test(html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '')) found.push('style url');
  return found;
}

describe('renderHtml', () => {
  const report = sampleReport();
  const html = renderHtml(toPostmortem(report, [errorRateSeries()]));

  it('sets a strict Content-Security-Policy that allows only its own stylesheet, by hash', () => {
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    expect(csp).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'$/,
    );
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('holds no script and loads nothing', () => {
    expect(executableOrExternal(html)).toEqual([]);
  });

  it('draws the timeline chart and each metric series', () => {
    expect(html).toContain('class="chart timeline-chart"');
    expect(html).toContain('class="chart series-chart"');
    expect(html).toContain('<figcaption>error rate · checkout — checkout 5xx ratio</figcaption>');
  });

  it('links every ref to a timeline row that exists', () => {
    const ids = new Set([...html.matchAll(/<tr id="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(report.timeline.length);
    expect(hrefs.filter((h) => !ids.has(h))).toEqual([]);
  });

  it('tags timeline rows with kind and lane and offers a filter for each', () => {
    expect(html).toContain('<tr id="ref-DEP-1" data-kind="change" data-lane="s0">');
    expect(html).toContain('<input type="checkbox" id="fk-change" checked>');
    expect(html).toContain('<input type="checkbox" id="fl-s0" checked>payments-api');
    expect(html).toContain(
      'body:has(#fk-change:not(:checked)) tr[data-kind="change"]:not(:target){display:none}',
    );
  });

  it('states the meta line the audience gave it', () => {
    expect(html).toContain('Incident: INC-1 · Severity: SEV2');
  });
});

describe('renderHtml of an entry with routine events folded in', () => {
  const folded = [
    {
      ts: '2026-03-12T16:31:05.000Z',
      summary: 'Pod/checkout-7c9d5f6b8d-x2x9q Scheduled',
      source: { file: 'events.json', line: 40 },
    },
    {
      ts: '2026-03-12T16:31:12.000Z',
      summary: 'Pod/checkout-7c9d5f6b8d-x2x9q <Started>',
      source: { file: 'events.json', line: 90 },
    },
  ];
  const report = sampleReport({ timeline: [entry(1, 'change', 'K8S-01', { folded })] });
  const html = renderHtml(toPostmortem(report, []));
  const row = html.match(/<tr id="ref-K8S-01"[\s\S]*?<\/tr>/)?.[0] ?? '';

  it('expands the folded events under the entry, each with its time and place, closed by default', () => {
    expect(row).toContain('<details class="folded"><summary>Show all 2</summary><ol>');
    expect(row).toContain('<time datetime="2026-03-12T16:31:05.000Z">16:31:05</time>');
    expect(row).toContain(
      'Pod/checkout-7c9d5f6b8d-x2x9q &lt;Started&gt; <span class="where">events.json:90</span>',
    );
    expect(row).toContain('(+2 routine events)');
  });
});

describe('renderHtml with hostile evidence', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    'javascript:alert(1)',
    '[click](javascript:alert(1))',
    '</style><script>alert(1)</script>',
    '<a href="https://evil.example/x">x</a>',
    '[[<img src=x onerror=alert(1)>]]',
  ];
  const hostile = payloads.join(' ');
  const report = sampleReport({
    incident: { id: hostile, title: hostile, severity: hostile, services: [hostile], summary: hostile },
    timeline: payloads.map((p, i) =>
      entry(i, 'log', `${p}-${i}`, {
        service: p,
        summary: p,
        details: [p],
        source: { file: p, line: i },
        folded: [{ ts: new Date(0).toISOString(), summary: p, source: { file: p, line: i } }],
      }),
    ),
    claims: [{ id: hostile, statement: hostile, evidenceRefs: payloads, confidence: 0.5 }],
    followUps: [
      {
        id: 'F',
        action: hostile,
        type: 'process',
        ownerRole: hostile,
        priority: 'high',
        evidenceRefs: payloads,
      },
    ],
    gaps: [hostile],
  });
  const html = renderHtml(
    toPostmortem(report, [errorRateSeries({ name: hostile, service: hostile, labels: { x: hostile } })]),
  );

  it('lets nothing executable or external survive', () => {
    expect(executableOrExternal(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<img|<svg onload/i);
  });

  it('still shows the hostile text, escaped, for the reader', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
});
