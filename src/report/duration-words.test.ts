import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/support/report.js';
import { renderMarkdown } from '../render/index.js';
import { toPostmortem } from './audience.js';
import { durationWords } from './duration-words.js';

describe('durationWords', () => {
  it('reads a duration whose end came before its start as words, not a negative number', () => {
    expect(durationWords('detectFromTrigger', -120)).toBe('detected 2 min before the change');
    expect(durationWords('impactFromTrigger', -30)).toBe('recovered 30 s before the change');
  });

  it('reads other durations as before, and a missing one as unknown', () => {
    expect(durationWords('detect', 110)).toBe('2 min');
    expect(durationWords('acknowledge', 0)).toBe('0 s');
    expect(durationWords('impact', null)).toBe('unknown');
  });
});

describe('the report durations', () => {
  it('say an alert came before the change in words, in the internal and executive documents', () => {
    const base = sampleReport();
    const report = { ...base, durations: { ...base.durations, detectFromTrigger: -120, detect: -60 } };
    for (const audience of ['internal', 'executive'] as const) {
      const md = renderMarkdown(toPostmortem(report, [], audience));
      expect(md).not.toMatch(/-\d+ s\b/);
    }
    const internal = renderMarkdown(toPostmortem(report, [], 'internal'));
    expect(internal).toContain('detected 2 min before the change');
    expect(internal).toContain('detected 1 min before the first symptom');
  });
});
