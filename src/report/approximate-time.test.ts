import { describe, expect, it } from 'vitest';
import { entry, sampleReport } from '../../test/support/report.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';
import { toPostmortem } from './index.js';

describe('an approximate time in the timeline', () => {
  const report = sampleReport({
    timeline: [
      entry(0, 'note', 'NOTE-1', { summary: 'errors begin', attrs: { approximate: true } }),
      entry(5, 'alert', 'ALT-1', { summary: 'alert fires' }),
    ],
  });

  it('is shown with a ~ before it in Markdown, and the exact one without', () => {
    const md = renderMarkdown(toPostmortem(report, []));
    // GFM reads a lone ~ as strikethrough, so Markdown writes it escaped.
    expect(md).toMatch(/\| (<a id="ref-NOTE-1"><\/a>)?\\~2026-03-12 16:30:00 \|/);
    expect(md).not.toMatch(/~2026-03-12 16:35/);
    expect(md).toContain('~ marks a time the source gives as approximate');
  });

  it('is shown with a ~ before it in HTML', () => {
    expect(renderHtml(toPostmortem(report, []))).toMatch(/~2026-03-12 16:30/);
  });
});
