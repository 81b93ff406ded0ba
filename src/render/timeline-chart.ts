import type { Report } from '../model/index.js';
import { escapeHtml } from './escape.js';
import { KIND_COLOURS } from './kinds.js';
import { anchorId } from './markdown.js';

const WIDTH = 960;
const LANE = 26;
const LEFT = 150;

/** An SVG of the timeline: one lane per service, events as marks coloured by kind, moments as lines. */
export function timelineChart(r: Report): string {
  const events = r.timeline.map((e) => ({ ...e, t: Date.parse(e.ts) }));
  if (!events.length) return '';
  const lanes = [...new Set(events.map((e) => e.service ?? '(none)'))];
  const t0 = Math.min(...events.map((e) => e.t));
  const t1 = Math.max(...events.map((e) => e.t), t0 + 60_000);
  const x = (t: number) => LEFT + ((t - t0) / (t1 - t0)) * (WIDTH - LEFT - 20);
  const height = lanes.length * LANE + 50;
  const m = r.moments;
  const shade = (a: typeof m.impactStart, b: typeof m.recovered, colour: string, label: string) =>
    a && b
      ? `<rect x="${x(Date.parse(a.ts))}" y="0" width="${Math.max(1, x(Date.parse(b.ts)) - x(Date.parse(a.ts)))}" height="${height - 30}" fill="${colour}" opacity="0.12"><title>${label}</title></rect>`
      : '';
  const phases = [
    shade(m.impactStart, m.detected, '#dc3545', 'impact before detection'),
    shade(m.detected, m.mitigationStarted, '#fd7e14', 'response'),
    shade(m.mitigationStarted, m.recovered, '#0d6efd', 'mitigation'),
  ].join('');
  const momentLines = Object.entries(m)
    .filter(([, v]) => v)
    .map(([name, v]) => {
      const px = x(Date.parse(v!.ts));
      return `<line x1="${px}" x2="${px}" y1="0" y2="${height - 30}" stroke="#212529" stroke-dasharray="3 3"/><text x="${px + 2}" y="${height - 18}" font-size="10" transform="rotate(0)">${escapeHtml(name)}</text>`;
    })
    .join('');
  const laneRows = lanes
    .map(
      (lane, i) =>
        `<text x="4" y="${i * LANE + 18}" font-size="12">${escapeHtml(lane)}</text><line x1="${LEFT}" x2="${WIDTH - 20}" y1="${i * LANE + 14}" y2="${i * LANE + 14}" stroke="#dee2e6"/>`,
    )
    .join('');
  const marks = events
    .map((e) => {
      const lane = lanes.indexOf(e.service ?? '(none)');
      return `<a href="#${anchorId(e.ref)}"><circle cx="${x(e.t).toFixed(1)}" cy="${lane * LANE + 14}" r="6" fill="${KIND_COLOURS[e.kind]}" stroke="#fff"><title>${escapeHtml(`${e.ts} ${e.kind} ${e.ref}: ${e.summary}`)}</title></circle></a>`;
    })
    .join('');
  const axis = `<text x="${LEFT}" y="${height - 4}" font-size="11">${escapeHtml(new Date(t0).toISOString().slice(0, 16).replace('T', ' '))} UTC</text><text x="${WIDTH - 20}" y="${height - 4}" font-size="11" text-anchor="end">${escapeHtml(new Date(t1).toISOString().slice(0, 16).replace('T', ' '))} UTC</text>`;
  return `<svg class="chart" role="img" aria-label="Incident timeline chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">${phases}${laneRows}${momentLines}${marks}${axis}</svg>`;
}
