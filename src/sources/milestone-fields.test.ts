import { describe, expect, it } from 'vitest';
import { milestoneField } from './milestone-fields.js';

describe('milestone fields', () => {
  it('reads a label naming a moment and the time after it, in a list, in bold or in a table', () => {
    expect(milestoneField('- **First detected**: 2022-01-22 11:57')).toEqual({
      label: 'First detected',
      value: '2022-01-22 11:57',
      meaning: { kind: 'note', signals: ['detect'] },
    });
    expect(milestoneField('**Acknowledged at:** 14:17 UTC')?.meaning).toEqual({
      kind: 'ack',
      signals: ['ack'],
    });
    expect(milestoneField('| Incident declared | 2024-01-15 14:20 |')?.meaning).toEqual({
      kind: 'action',
      signals: ['declare'],
    });
    expect(milestoneField('- Mitigation started: 14:30')?.meaning.signals).toEqual(['mitigation']);
    expect(milestoneField('* Impact started: 2024-01-15 14:00 UTC')?.meaning).toEqual({
      kind: 'note',
      signals: ['symptom'],
      bound: 'start',
    });
    expect(milestoneField('- Repaired: 2022-01-22 13:59')?.meaning).toEqual({
      kind: 'note',
      signals: ['recovery'],
      bound: 'end',
    });
    expect(milestoneField('- Resolved: 2022-01-22 14:38')?.meaning).toEqual({
      kind: 'action',
      signals: ['close'],
      resolves: true,
    });
    expect(milestoneField('- Incident closed on: 2022-01-23')?.meaning).toEqual({
      kind: 'action',
      signals: ['close'],
    });
  });

  it('reads a field written with no colon, as a "Key events" list does, where the value is a time alone', () => {
    // ministryofjustice/cloud-platform, 2020-08-14-ingress-controllers-crashlooping (MIT)
    expect(milestoneField('  - First detected 2020-08-14 10:43')).toEqual({
      label: 'First detected',
      value: '2020-08-14 10:43',
      meaning: { kind: 'note', signals: ['detect'] },
    });
    expect(milestoneField('  - Incident declared 2020-08-14 11:01')?.meaning.signals).toEqual(['declare']);
    expect(milestoneField('  - Resolved 2020-08-14 11:38')?.meaning.resolves).toBe(true);
    expect(milestoneField('- **Repaired** 11:21 PM UTC')?.value).toBe('11:21 PM UTC');
    for (const text of [
      '- Deployed 2 services to production',
      '- Resolved 3 of the 5 alerts by 11:00',
      '- Incident declared 10 minutes after the page',
      '- Started 14:00 the rollout of v2',
    ])
      expect(milestoneField(text), text).toBeNull();
  });

  it('reads no field whose label names no moment, or whose value is no time', () => {
    for (const text of [
      'Last Modified: 2019-01-23',
      '- **Date**: 2022-01-22',
      '- **Time to repair**: 2h 2m',
      '- **Detected by**: an alert on the ingress',
      'Note: 10:00 was when the first deploy ran',
      'We detected the problem quickly: within 5 minutes of the deploy',
      '| Time | Event |',
      '| 14:00 | Deploy started |',
      '- **Impact**: 30% of requests failed',
    ])
      expect(milestoneField(text), text).toBeNull();
  });

  it('reads long lines in linear time', () => {
    const n = 100_000;
    for (const text of [
      `- **${'a '.repeat(n / 2)}`,
      `${'Started '.repeat(n / 8)}: x`,
      `|${' a |'.repeat(n / 4)}`,
      `- ${'Started '.repeat(n / 8)}1`,
      `- Resolved ${'1:'.repeat(n / 2)}x`,
    ])
      expect(milestoneField(text)).toBeNull();
  });
});
