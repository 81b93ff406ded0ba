import type { LibraryStats } from '../library/index.js';
import { barChart } from '../render/charts/bar-chart.js';
import { rowChart } from '../render/charts/row-chart.js';
import { formatValue } from '../render/charts/value-scale.js';
import { escapeHtml } from '../render/index.js';
import { duration } from './duration.js';

type Medians = LibraryStats['byMonth'][number];

/** Every month from the first to the last with an incident, the quiet ones counted as zero. */
export function everyMonth(byMonth: Medians[]): Medians[] {
  if (!byMonth.length) return [];
  const known = new Map(byMonth.map((m) => [m.month, m]));
  const [y0, m0] = byMonth[0].month.split('-').map(Number);
  const [y1, m1] = byMonth[byMonth.length - 1].month.split('-').map(Number);
  const span = (y1 - y0) * 12 + (m1 - m0);
  // Past ten years of gaps a month axis says nothing: the months with incidents, as they are.
  if (span > 120) return byMonth;
  const months: Medians[] = [];
  for (let i = 0; i <= span; i++) {
    const at = (m0 - 1 + i) % 12;
    const month = `${y0 + Math.floor((m0 - 1 + i) / 12)}-${String(at + 1).padStart(2, '0')}`;
    months.push(
      known.get(month) ?? {
        month,
        count: 0,
        medianDetectSeconds: null,
        medianAcknowledgeSeconds: null,
        medianMitigateSeconds: null,
      },
    );
  }
  return months;
}

const MEASURES = [
  { key: 'detect', name: 'time to detect', field: 'medianDetectSeconds' },
  { key: 'acknowledge', name: 'time to acknowledge', field: 'medianAcknowledgeSeconds' },
  { key: 'mitigate', name: 'time to mitigate', field: 'medianMitigateSeconds' },
] as const;

const figure = (caption: string, svg: string, table: string) =>
  `<figure><figcaption>${escapeHtml(caption)}</figcaption><div class="chart-frame">${svg}</div>${table}</figure>`;

function table(columns: string[], rows: (string | number)[][]): string {
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(String(v))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="table-frame"><table class="stats-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

const medianCells = (m: Omit<Medians, 'month'>) => MEASURES.map((x) => duration(m[x.field]));

function monthly(stats: LibraryStats): string {
  const months = everyMonth(stats.byMonth);
  if (!months.length) return '<p>No incident in the library states its date.</p>';
  const counts = barChart({
    label: 'Incidents per month',
    series: [{ key: 'count', name: 'incidents' }],
    groups: months.map((m) => ({ label: m.month, values: [m.count] })),
    format: (v) => formatValue(v),
    unit: 'incidents',
    whole: true,
  });
  const timed = months.filter((m) => MEASURES.some((x) => m[x.field] != null));
  const times = barChart({
    label: 'Median time to detect, acknowledge and mitigate per month',
    series: MEASURES.map(({ key, name }) => ({ key, name })),
    groups: timed.map((m) => ({
      label: m.month,
      values: MEASURES.map((x) => (m[x.field] == null ? null : m[x.field]! / 60)),
    })),
    format: (v) => `${formatValue(v)} min`,
    unit: 'minutes',
  });
  const rows = stats.byMonth.map((m) => [m.month, m.count, ...medianCells(m)]);
  return [
    figure('Incidents per month', counts, ''),
    times
      ? figure('Median time to detect, acknowledge and mitigate, per month', times, '')
      : '<p>No incident records when it was detected, acknowledged or mitigated.</p>',
    table(['Month', 'Incidents', 'Median TTD', 'Median TTA', 'Median TTM'], rows),
  ].join('\n');
}

function perService(stats: LibraryStats): string {
  const services = [...stats.byService].sort(
    (a, b) => b.count - a.count || a.service.localeCompare(b.service),
  );
  const chart = rowChart({
    label: 'Incidents per service',
    rows: services.slice(0, 15).map((s) => ({ label: s.service, value: s.count })),
    key: 'service',
    unit: 'incidents',
  });
  const rows = services.map((s) => [s.service, s.count, ...medianCells(s)]);
  return figure(
    services.length > 15 ? 'Incidents per service (the 15 with most)' : 'Incidents per service',
    chart,
    table(['Service', 'Incidents', 'Median TTD', 'Median TTA', 'Median TTM'], rows),
  );
}

function overdue(stats: LibraryStats): string {
  if (!stats.overdueFollowUps.length) return '<p>No open follow-up is past its due date.</p>';
  const perIncident = new Map<string, number>();
  for (const f of stats.overdueFollowUps) perIncident.set(f.incident, (perIncident.get(f.incident) ?? 0) + 1);
  const chart = rowChart({
    label: 'Open follow-ups past their due date, per incident',
    rows: [...perIncident].map(([label, value]) => ({ label, value })),
    key: 'overdue',
    unit: 'follow-ups past due',
  });
  const rows = stats.overdueFollowUps.map((f) => [f.incident, f.action, f.owner ?? '—', f.due]);
  return figure(
    'Open follow-ups past their due date',
    chart,
    table(['Incident', 'Action', 'Owner', 'Due'], rows),
  );
}

function recurring(stats: LibraryStats): string {
  if (!stats.recurringCauses.length) return '<p>No kind of cause has been seen twice.</p>';
  return table(
    ['Kind of cause', 'Incidents', 'Which'],
    stats.recurringCauses.map((c) => [c.cause, c.count, c.incidents.join(', ')]),
  );
}

/**
 * The library at a glance, as `hindsight stats` computes it: incidents and median response times
 * per month, incidents per service, open follow-ups past due and recurring causes, each drawn
 * as a chart (server-side SVG, no script) with its numbers in a table.
 */
export function statsSection(stats: LibraryStats): string {
  if (!stats.total) return '';
  return `<section id="stats"><h2>The library at a glance</h2>
<p class="meta">${stats.total} incident${stats.total === 1 ? '' : 's'}; medians count only the incidents that record the moment.</p>
<h3>Per month</h3>${monthly(stats)}
<h3>Per service</h3>${perService(stats)}
<h3>Follow-ups past due</h3>${overdue(stats)}
<h3>Recurring causes</h3>${recurring(stats)}
</section>`;
}
