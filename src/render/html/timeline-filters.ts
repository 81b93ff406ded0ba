import { EventKind, type TimelineEntry } from '../../model/index.js';
import { laneOf, lanesOf } from '../charts/index.js';
import { escapeHtml } from '../escape.js';
import { KIND_COLOURS } from '../kinds.js';

/** Filters are plain checkboxes; CSS `:has()` hides rows and dims marks, so no script is needed. */
export function filterControls(entries: TimelineEntry[]): string {
  const kinds = EventKind.options.filter((k) => entries.some((e) => e.kind === k));
  const lanes = lanesOf(entries);
  const count = (n: number) => `<span class="count">${n}</span>`;
  const kindBoxes = kinds.map(
    (k) =>
      `<label><input type="checkbox" id="fk-${k}" checked><span class="dot k-${k}"></span>${k.replace('_', ' ')} ${count(entries.filter((e) => e.kind === k).length)}</label>`,
  );
  const laneBoxes = lanes.map(
    (lane, i) =>
      `<label><input type="checkbox" id="fl-s${i}" checked>${escapeHtml(lane)} ${count(entries.filter((e) => laneOf(e) === lane).length)}</label>`,
  );
  return `<form class="filters" aria-label="Filter the timeline"><fieldset><legend>Kind</legend>${kindBoxes.join('')}</fieldset><fieldset><legend>Service</legend>${laneBoxes.join('')}</fieldset><button type="reset">Show all</button></form>`;
}

/** One rule per kind and per lane; lanes are numbered so no evidence text ever reaches the CSS. */
export function filterStyle(entries: TimelineEntry[]): string {
  const kinds = EventKind.options.map(
    (k) =>
      `.k-${k}{background:${KIND_COLOURS[k]}}body:has(#fk-${k}:not(:checked)) tr[data-kind="${k}"]:not(:target){display:none}body:has(#fk-${k}:not(:checked)) .mark[data-kind="${k}"]{opacity:.12}`,
  );
  const lanes = lanesOf(entries).map(
    (_, i) =>
      `body:has(#fl-s${i}:not(:checked)) tr[data-lane="s${i}"]:not(:target){display:none}body:has(#fl-s${i}:not(:checked)) .mark[data-lane="s${i}"]{opacity:.12}`,
  );
  return [...kinds, ...lanes].join('\n');
}
