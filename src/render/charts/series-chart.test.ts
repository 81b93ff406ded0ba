import { describe, expect, it } from 'vitest';
import { anomalyEntries, entry, errorRateSeries } from '../../../test/support/report.js';
import { seriesChart, seriesCharts } from './series-chart.js';

const entries = [
  entry(10, 'change', 'DEP-1', { service: 'payments-api' }),
  ...anomalyEntries(),
  entry(50, 'rollback', 'RB-1'),
  entry(500, 'change', 'DEP-LATER'),
];

describe('seriesChart', () => {
  const svg = seriesChart(errorRateSeries(), { entries, zone: 'UTC' });

  it('is an accessible image named after the measure and service', () => {
    expect(svg).toMatch(/role="img"[^>]*aria-label="Metric chart: error rate · checkout"/);
    expect(svg).toContain('<desc>checkout 5xx ratio: 71 points');
  });

  it('draws the line through every point', () => {
    const d = svg.match(/class="series-line" d="([^"]+)"/)?.[1] ?? '';
    expect(d.match(/[ML]/g)).toHaveLength(71);
  });

  it('draws the baseline band', () => {
    expect(svg).toContain('class="baseline"');
    expect(svg).toMatch(/<title>baseline 0\.006 \(normal range/);
  });

  it('marks onset, peak and recovery, each linking to its event', () => {
    for (const phase of ['onset', 'peak', 'recovered'])
      expect(svg).toContain(`class="anomaly anomaly-${phase}"`);
    expect(svg).toContain('href="#ref-MET-PEAK"');
    expect(svg).toContain('>peak 0.14</text>');
  });

  it('draws the changes inside the window as vertical markers, and only those', () => {
    expect(svg).toContain('href="#ref-DEP-1" class="change-marker" data-kind="change"');
    expect(svg).toContain('href="#ref-RB-1" class="change-marker" data-kind="rollback"');
    expect(svg).not.toContain('DEP-LATER');
  });

  it('escapes the series name', () => {
    const hostile = seriesChart(errorRateSeries({ name: '<script>x</script>', measure: 'other' }), {
      entries: [],
      zone: 'UTC',
    });
    expect(hostile).not.toContain('<script');
    expect(hostile).toContain('&lt;script&gt;');
  });

  it('draws nothing for an empty series', () => {
    expect(seriesChart(errorRateSeries({ points: [] }), { entries, zone: 'UTC' })).toBe('');
  });
});

describe('seriesCharts', () => {
  it('draws each series on the same time window', () => {
    const late = errorRateSeries({
      name: 'late',
      points: errorRateSeries().points.map(([t, v]): [number, number] => [t + 3_600_000, v]),
    });
    const charts = seriesCharts([errorRateSeries(), late], { entries, zone: 'UTC' });
    expect(charts).toHaveLength(2);
    const firstX = ({ svg }: { svg: string }) => Number(svg.match(/class="series-line" d="M([\d.]+)/)?.[1]);
    expect(firstX(charts[1])).toBeGreaterThan(firstX(charts[0]) + 200);
  });
});
