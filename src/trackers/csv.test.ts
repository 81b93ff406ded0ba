import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { jiraCsv } from './csv.js';
import { trackerItems } from './follow-up-item.js';
import { sampleReport } from './report-sample.js';

describe('jiraCsv', () => {
  it("writes Jira's import columns, one row per follow-up", () => {
    const rows: string[][] = parse(jiraCsv(trackerItems(sampleReport())));
    expect(rows[0]).toEqual([
      'Summary',
      'Description',
      'Issue Type',
      'Priority',
      'Labels',
      'Labels',
      'Labels',
      'Owner Role',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(2)).toEqual(['Task', 'High', 'hindsight', 'INC-4821', 'prevent', 'service owner']);
    expect(rows[1]![1]).toContain('- k8s-2f0f8f94 2026-05-19T13:09:40.000Z · OOMKilled');
    expect(rows[1]![1]).toContain('hindsight:INC-4821:FU-001');
    expect(rows[2]!.slice(3)).toEqual(['', 'hindsight', 'INC-4821', '', '']);
  });

  it('quotes cells so commas, quotes and line breaks stay inside them, and a formula never runs', () => {
    const report = sampleReport([
      { id: 'FU-1', action: '=HYPERLINK("x"), then "retry", twice', evidenceRefs: [] },
    ]);
    const rows: string[][] = parse(jiraCsv(trackerItems(report)));
    expect(rows[1]![0]).toBe('[INC-4821] =HYPERLINK("x"), then "retry", twice');
    expect(rows[1]![1]!.startsWith("'=HYPERLINK")).toBe(true);
  });
});
