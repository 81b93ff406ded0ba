import { describe, expect, it } from 'vitest';
import { isReport, recordFromReport } from './from-report.js';
import { sampleReport } from './store-contract.js';

describe('recordFromReport', () => {
  it('keeps what a generated report knows and marks it generated', () => {
    const record = recordFromReport(sampleReport());
    expect(record).toMatchObject({
      id: 'INC-2001',
      origin: 'generated',
      date: '2026-03-02',
      severity: 'SEV2',
      services: ['api-gateway'],
      causeKind: 'capacity',
      logTemplates: ['Connection pool exhausted <*>'],
      durations: { detect: 60, acknowledge: null, mitigate: 900 },
      actionItems: [{ action: 'Add a pool utilisation alert', owner: 'sre', due: null, status: 'open' }],
    });
    expect(record.impact.errorRatePercent).toBeCloseTo(12);
    expect(record.body).toContain('Deploy maxPoolSize 10');
  });

  it('tells reports from records', () => {
    expect(isReport(sampleReport())).toBe(true);
    expect(isReport(recordFromReport(sampleReport()))).toBe(false);
  });
});
