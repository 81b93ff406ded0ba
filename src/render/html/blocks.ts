import type { Block, Postmortem } from '../../report/index.js';
import { laneOf, lanesOf, seriesCharts, seriesHeading, timelineChart } from '../charts/index.js';
import { escapeHtml } from '../escape.js';
import { anchorId } from '../markdown.js';
import { foldedList } from './folded.js';
import { inline } from './inline.js';
import { filterControls } from './timeline-filters.js';

type Table = Extract<Block, { type: 'table' }>;

/** A table; rows with an anchor that is a timeline ref carry its kind and lane for the filters. */
function table(b: Table, doc: Postmortem): string {
  const entries = new Map(doc.report.timeline.map((e) => [e.ref, e]));
  const lanes = lanesOf(doc.report.timeline);
  const eventColumn = b.columns.indexOf('Event');
  const head = `<thead><tr>${b.columns.map((c) => `<th scope="col">${inline(c)}</th>`).join('')}</tr></thead>`;
  const rows = b.rows.map((row, i) => {
    const anchor = b.anchors?.[i];
    const entry = anchor != null ? entries.get(anchor) : undefined;
    const kind = entry?.kind ?? b.rowKinds?.[i];
    const attrs = [
      anchor != null ? ` id="${anchorId(anchor)}"` : '',
      kind ? ` data-kind="${escapeHtml(kind)}"` : '',
      entry ? ` data-lane="s${lanes.indexOf(laneOf(entry))}"` : '',
    ].join('');
    const dot = kind ? `<span class="dot k-${escapeHtml(kind)}"></span>` : '';
    // The routine records an entry folded in open under its Event cell.
    const more = (j: number) => (entry && j === eventColumn ? foldedList(entry, doc.report.zone) : '');
    return `<tr${attrs}>${row.map((c, j) => `<td>${j === 0 ? dot : ''}${inline(c)}${more(j)}</td>`).join('')}</tr>`;
  });
  const filters = b.anchors?.length && doc.report.timeline.length ? filterControls(doc.report.timeline) : '';
  return `${filters}<div class="table-frame"><table${b.anchors ? ' class="timeline"' : ''}>${head}<tbody>${rows.join('')}</tbody></table></div>`;
}

function chart(b: Extract<Block, { type: 'chart' }>, doc: Postmortem): string {
  const r = doc.report;
  if (b.chart === 'timeline') return `<div class="chart-frame">${timelineChart(r)}</div>`;
  return seriesCharts(doc.series, { entries: r.timeline, zone: r.zone })
    .map(
      ({ series, svg }) =>
        `<figure class="chart-frame"><figcaption>${escapeHtml(seriesHeading(series))} — ${escapeHtml(series.name)}</figcaption>${svg}</figure>`,
    )
    .join('\n');
}

/** One block of the document as HTML. */
export function block(b: Block, doc: Postmortem): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${inline(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${tag}>`;
    }
    case 'fields':
      return `<table class="fields"><tbody>${b.items.map(([k, v]) => `<tr><th scope="row">${inline(k)}</th><td>${inline(v)}</td></tr>`).join('')}</tbody></table>`;
    case 'table':
      return table(b, doc);
    case 'chart':
      return chart(b, doc);
  }
}
