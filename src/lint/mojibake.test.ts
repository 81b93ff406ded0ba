import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasMojibake, repairMojibake } from './mojibake.js';

describe('repairMojibake', () => {
  it('repairs UTF-8 read as Mac Roman, as in seed 002', () => {
    expect(repairMojibake('| 14:30:00 | deployed | ‚úó FAILURE |')).toBe(
      '| 14:30:00 | deployed | ✗ FAILURE |',
    );
    expect(repairMojibake('\uf8ffüî¥ DETECTED')).toBe('🔴 DETECTED');
    expect(repairMojibake('‚ö†Ô∏è DEGRADED')).toBe('⚠️ DEGRADED');
  });

  it('repairs UTF-8 read as Windows-1252, as in seed 004', () => {
    expect(repairMojibake('âœ… Done')).toBe('✅ Done');
    expect(repairMojibake('ðŸ”„ In Progress')).toBe('🔄 In Progress');
    expect(repairMojibake('99.5% (target) â†’ 98.2%')).toBe('99.5% (target) → 98.2%');
  });

  it('restores a three-byte symbol whose undefined middle byte was dropped', () => {
    expect(repairMojibake('(actual) âŒ Missed')).toBe('(actual) ❌ Missed');
  });

  it('leaves real accented text and typography alone', () => {
    const text = 'Grüße from Zürich — “quoted” café, naïve … façade';
    expect(repairMojibake(text)).toBe(text);
    expect(hasMojibake(text)).toBe(false);
  });

  it('keeps every line of the seeds in place while repairing them', () => {
    for (const seed of ['002_8d90f0a7f2184f04.txt', '004_afdeac6cc0549373.txt']) {
      const text = readFileSync(new URL(`../../test/fixtures/seeds/${seed}`, import.meta.url), 'utf8');
      const repaired = repairMojibake(text);
      expect(repaired.split('\n').length).toBe(text.split('\n').length);
      expect(hasMojibake(repaired)).toBe(false);
      expect(repaired).not.toMatch(/‚úì|âœ|ðŸ/);
    }
  });
});
