import { describe, expect, it } from 'vitest';
import { GENERATED_MARK_HTML, GENERATED_MARK_MD, isGeneratedReport } from './generated-mark.js';

describe('a report Hindsight wrote', () => {
  it('is known by its mark in Markdown and HTML, and by its head in JSON', () => {
    expect(isGeneratedReport(`# Checkout down\n\n${GENERATED_MARK_MD}\n\n## Summary\n`)).toBe(true);
    expect(isGeneratedReport(`<!doctype html>\n<html><head>${GENERATED_MARK_HTML}</head>`)).toBe(true);
    expect(isGeneratedReport('{\n  "schemaVersion": 1,\n  "incident": {\n')).toBe(true);
  });

  it('is not confused with a postmortem people wrote, or with other JSON evidence', () => {
    expect(isGeneratedReport('# Checkout down\n\n## Timeline\n\n- 12:00 deploy\n')).toBe(false);
    expect(isGeneratedReport('<!-- draft -->\n# Postmortem\n')).toBe(false);
    expect(isGeneratedReport('{"schemaVersion":1,"events":[]}')).toBe(false);
    expect(isGeneratedReport('{"ts":"2026-03-01T12:00:00Z","kind":"deploy","incident":"x"}\n')).toBe(false);
  });
});
