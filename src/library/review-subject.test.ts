import { describe, expect, it } from 'vitest';
import { entry, sampleReport } from '../../test/support/report.js';
import { subjectOfReport } from './review-subject.js';

const suspect = (ref: string) => ({
  ref,
  service: 'checkout',
  summary: 'Deploy checkout v3.8.0',
  confidence: 0.9,
  reasons: ['within 15 min'],
  against: [],
});

describe('subjectOfReport', () => {
  it("keeps a suspect's edits under the source's own id, so a shortened ref (GH-02) finds the edits made before", () => {
    const shortened = sampleReport({
      timeline: [entry(0, 'change', 'GH-02', { attrs: { sourceId: 'gh-deploy-1987004217' } })],
      suspects: [suspect('GH-02')],
    });
    const before = sampleReport({
      timeline: [entry(0, 'change', 'gh-deploy-1987004217')],
      suspects: [suspect('gh-deploy-1987004217')],
    });
    const [now] = subjectOfReport(shortened).suspects;
    expect(now.id).toBe('GH-02');
    expect(now.key).toBe(subjectOfReport(before).suspects[0].key);
  });
});
