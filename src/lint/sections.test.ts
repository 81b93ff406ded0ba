import { describe, expect, it } from 'vitest';
import { sectionKind } from './sections.js';

describe('what a section is for, from its title', () => {
  it('reads the common templates’ names for planned work and for impact', () => {
    expect(sectionKind('Process improvements')).toBe('actionItems');
    expect(sectionKind('What are we doing about it?')).toBe('actionItems');
    expect(sectionKind("What we're changing")).toBe('actionItems');
    expect(sectionKind('Prevention')).toBe('actionItems');
    expect(sectionKind('Customer-facing consequences')).toBe('impact');
    expect(sectionKind('Who was affected')).toBe('impact');
  });

  it('keeps the titles it read before', () => {
    expect(sectionKind('Root Cause and Resolution')).toBe('rootCause');
    expect(sectionKind('What went well')).toBe('lessons');
    expect(sectionKind('Timeline (all times UTC)')).toBe('timeline');
  });
});
