import { describe, expect, it } from 'vitest';
import { entry, sampleReport } from '../../../test/support/report.js';
import { timelineChart } from './timeline-chart.js';

const count = (svg: string, re: RegExp) => svg.match(re)?.length ?? 0;

describe('timelineChart', () => {
  const r = sampleReport();
  const svg = timelineChart(r);

  it('is an accessible image with a title and a description', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="Incident timeline chart"/);
    expect(svg).toContain('<title>Incident timeline chart</title><desc>');
    expect(svg).toMatch(/viewBox="0 0 960 \d+"/);
  });

  it('draws one lane per service and one mark per event, each linking to its row', () => {
    expect(count(svg, /class="lane"/g)).toBe(3);
    expect(svg).toContain('>payments-api</text>');
    expect(svg).toContain('>(no service)</text>');
    expect(count(svg, /class="mark"/g)).toBe(r.timeline.length);
    expect(svg).toContain('href="#ref-DEP-1" class="mark" data-kind="change" data-lane="s0"');
  });

  it('shades the phases between the moments', () => {
    for (const p of ['impact', 'response', 'mitigation', 'recovery'])
      expect(svg).toContain(`phase phase-${p}`);
  });

  it('labels every moment, sharing a label when two coincide', () => {
    expect(count(svg, /class="moment"/g)).toBe(7);
    const same = timelineChart({ ...r, moments: { ...r.moments, detected: r.moments.impactStart } });
    expect(same).toContain('>impact start · detected</text>');
  });

  it('labels the axis in UTC and in the report zone', () => {
    expect(svg).toContain('>UTC</text>');
    expect(svg).toContain('>Europe/Berlin</text>');
    expect(svg).toContain('>16:50</text>');
    expect(svg).toContain('>17:50</text>');
    expect(timelineChart({ ...r, zone: 'UTC' })).not.toContain('Europe/Berlin');
  });

  it('has a legend of the kinds present', () => {
    expect(svg).toContain('>alert resolved</text>');
    expect(svg).not.toContain('>chat</text>');
  });

  it('escapes what comes from the evidence', () => {
    const hostile = timelineChart({
      ...r,
      timeline: [
        entry(1, 'log', 'X"><script>alert(1)</script>', {
          service: '<img src=x onerror=alert(1)>',
          summary: '</title><script>alert(2)</script>',
        }),
      ],
    });
    expect(hostile).not.toMatch(/<script|<img/);
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).toContain('href="#ref-X---script-alert-1---script-"');
  });

  it('draws nothing for an empty timeline', () => {
    expect(timelineChart({ ...r, timeline: [] })).toBe('');
  });
});
