import { describe, expect, it } from 'vitest';
import { checklist } from './checklist.js';
import { trackerItems } from './follow-up-item.js';
import { sampleReport } from './report-sample.js';

describe('checklist', () => {
  it('writes one unchecked task per follow-up with its evidence under it', () => {
    const md = checklist(trackerItems(sampleReport()));
    expect(md).toContain(
      '- [ ] **FU-001** Raise the checkout memory limit and find the leak behind the OOM kills. (type: prevent · owner role: service owner · priority: high)',
    );
    expect(md).toContain(
      '  - [gh-deploy-1987004217](https://github.com/acme/checkout/deployments/1987004217) 2026-05-19T13:02:11.000Z',
    );
    expect(md).toContain('- [ ] **FU-002** Alert on readiness probe failures for checkout.\n');
  });

  it('says so when there is nothing to do', () => {
    expect(checklist([])).toBe('No follow-ups in this report.\n');
  });
});
