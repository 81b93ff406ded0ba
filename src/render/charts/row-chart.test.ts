import { describe, expect, it } from 'vitest';
import { rowChart } from './row-chart.js';

describe('rowChart', () => {
  const svg = rowChart({
    label: 'Incidents per service',
    rows: [
      { label: 'api-gateway', value: 4 },
      { label: 'payments <eu>', value: 1 },
    ],
    key: 'service',
    unit: 'incidents',
  });

  it('is an accessible image naming each row and its value', () => {
    expect(svg).toMatch(/role="img"[^>]*aria-label="Incidents per service"/);
    expect(svg).toContain('<title>api-gateway: 4 incidents</title>');
    expect(svg).toContain('payments &lt;eu&gt;');
  });

  it('draws one bar per row, proportional to its value', () => {
    const widths = [...svg.matchAll(/class="bar bar-service" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map(
      (m) => Number(m[1]),
    );
    expect(widths).toHaveLength(2);
    expect(widths[0] / widths[1]).toBeCloseTo(4, 1);
    expect(svg).toMatch(/class="value-label">4<\/text>/);
  });

  it('draws nothing without rows', () => {
    expect(rowChart({ label: 'x', rows: [], key: 'k', unit: 'n' })).toBe('');
  });
});
