import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.js';

const heights = (svg: string, key: string) =>
  [
    ...svg.matchAll(
      new RegExp(`class="bar bar-${key}" x="[\\d.]+" y="[\\d.]+" width="[\\d.]+" height="([\\d.]+)"`, 'g'),
    ),
  ].map((m) => Number(m[1]));

describe('barChart', () => {
  const monthly = barChart({
    label: 'Incidents per month',
    series: [{ key: 'count', name: 'incidents' }],
    groups: [
      { label: '2026-01', values: [2] },
      { label: '2026-02', values: [0] },
      { label: '2026-03', values: [4] },
    ],
    format: String,
    unit: 'incidents',
    whole: true,
  });

  it('is an accessible image with a title and a description of what it draws', () => {
    expect(monthly).toMatch(/role="img"[^>]*aria-label="Incidents per month"/);
    expect(monthly).toContain('<title>Incidents per month</title>');
    expect(monthly).toContain(
      '<desc>incidents in incidents, 3 groups from 2026-01 to 2026-03; 3 bars.</desc>',
    );
  });

  it('draws one bar per value, as tall as its value on an axis from zero', () => {
    const [jan, feb, mar] = heights(monthly, 'count');
    expect(feb).toBe(0);
    expect(mar).toBeGreaterThan(0);
    expect(mar / jan).toBeCloseTo(2, 1);
    expect(monthly).toContain('<title>2026-03 · incidents: 4</title>');
    expect(monthly).toMatch(/class="axis-label"[^>]*>0<\/text>/);
    const ticks = [...monthly.matchAll(/class="axis-label">([\d.]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['0', '1', '2', '3', '4']);
  });

  it('groups one bar per measure, skips missing values, and names the measures in a legend', () => {
    const svg = barChart({
      label: 'Median response times per month',
      series: [
        { key: 'detect', name: 'time to detect' },
        { key: 'mitigate', name: 'time to mitigate' },
      ],
      groups: [
        { label: '2026-01', values: [5, 30] },
        { label: '2026-02', values: [null, 60] },
      ],
      format: (v) => `${v} min`,
      unit: 'minutes',
    });
    expect(heights(svg, 'detect')).toHaveLength(1);
    expect(heights(svg, 'mitigate')).toHaveLength(2);
    expect(svg).toContain('<title>2026-02 · time to mitigate: 60 min</title>');
    expect(svg).toMatch(/<g class="legend">.*time to detect.*time to mitigate/);
    expect(svg).not.toContain('style=');
  });

  it('labels only as many groups as fit', () => {
    const groups = Array.from({ length: 48 }, (_, i) => ({ label: `m${i}`, values: [i] }));
    const svg = barChart({
      label: 'x',
      series: [{ key: 'count', name: 'n' }],
      groups,
      format: String,
      unit: 'n',
    });
    expect(heights(svg, 'count')).toHaveLength(48);
    const labels = [...svg.matchAll(/>m\d+<\/text>/g)].length;
    expect(labels).toBeGreaterThan(5);
    expect(labels).toBeLessThanOrEqual(12);
  });

  it('escapes labels and draws nothing without groups', () => {
    const svg = barChart({
      label: '<script>',
      series: [{ key: 'count', name: '<b>n</b>' }],
      groups: [{ label: '<i>x</i>', values: [1] }],
      format: String,
      unit: 'n',
    });
    expect(svg).not.toMatch(/<script|<b>|<i>/);
    expect(barChart({ label: 'x', series: [], groups: [], format: String, unit: 'n' })).toBe('');
  });
});
