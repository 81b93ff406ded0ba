import { describe, expect, it } from 'vitest';
import { entry, sampleReport } from '../../test/support/report.js';
import { renderMarkdown } from '../render/markdown.js';
import { toPostmortem } from './index.js';

const report = (product?: string) =>
  sampleReport({
    incident: {
      id: 'INC-7',
      title: 'checkout-api 502s after DEP-1',
      severity: 'SEV2',
      services: ['checkout-api'],
      summary: 'Impact on checkout-api began at 16:30 UTC (ALT-1).',
      ...(product ? { product } : {}),
    },
    timeline: [entry(0, 'alert', 'ALT-1')],
  });

describe('the customer version', () => {
  it('names the product the manifest gives, and nothing of the team', () => {
    const doc = toPostmortem(report('Acme Checkout'), [], 'customer');
    const md = renderMarkdown(doc);
    expect(doc.title).toBe('Acme Checkout disruption on 2026-03-12');
    expect(md).toContain('customers of Acme Checkout experienced errors');
    expect(md).not.toMatch(/INC-7|SEV2|checkout-api|ALT-1|DEP-1/);
    expect(doc.report.incident).toMatchObject({
      id: null,
      severity: null,
      services: [],
      product: 'Acme Checkout',
    });
  });

  it('speaks of a service when the manifest gives no product', () => {
    const doc = toPostmortem(report(), [], 'customer');
    expect(doc.title).toBe('Service disruption on 2026-03-12');
    expect(doc.meta).toEqual([]);
    expect(renderMarkdown(doc)).not.toMatch(/INC-7|SEV2|checkout-api|ALT-1/);
  });
});
