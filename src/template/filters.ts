import type { PhrasingContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { anchorId } from '../render/index.js';
import { formatDuration, formatTime } from '../report/index.js';
import { shorten } from '../text/shorten.js';

/** What the filters need from the report: the refs a link may point at, and the zone times show in. */
export interface FilterContext {
  refs: ReadonlySet<string>;
  zone: string;
}

/** One line of text: a template places a value inside a line, so line breaks and edge spaces go. */
const oneLine = (value: unknown) =>
  String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** Phrasing as Markdown text through the project's serialiser, then cell-safe (`|` escaped). */
function serialise(children: PhrasingContent[]): string {
  if (!children.length) return '';
  const md = toMarkdown(
    { type: 'paragraph', children },
    { extensions: [gfmToMarkdown({ tablePipeAlign: false })] },
  ).replace(/\n$/, '');
  // A pipe ends a table cell; escaped it reads as a pipe in a paragraph too. A trailing # would
  // close a heading.
  return md.replace(/(?<!\\)((?:\\\\){0,1000})\|/g, '$1\\|').replace(/(?<=^|\s)(#{1,1000})$/, '\\$1');
}

/** Text escaped for Markdown: it reads as itself in a paragraph, list item, heading or table cell. */
export const md = (value: unknown): string => serialise([{ type: 'text', value: oneLine(value) }]);

/** Text cut to `max` characters on a whole word, its quotes and brackets closed (escape it after). */
export const cut = (value: unknown, max: unknown = 160): string =>
  shorten(oneLine(value), Math.max(8, Number(max) || 160));

const link = (ref: string): PhrasingContent => ({
  type: 'link',
  url: `#${anchorId(ref)}`,
  children: [{ type: 'text', value: ref }],
});

/** A ref as a link to its timeline row; a ref with no row (or for an audience without one) stays text. */
export const refLink = (ctx: FilterContext, ref: unknown): string => {
  const r = oneLine(ref);
  return ctx.refs.has(r) ? serialise([link(r)]) : md(r);
};

/** A list of refs as links, joined with commas. */
export const refLinks = (ctx: FilterContext, refs: unknown): string =>
  (Array.isArray(refs) ? refs : [refs])
    .filter((r) => r != null && r !== '')
    .map((r) => refLink(ctx, r))
    .join(', ');

/** The anchor a timeline row carries so ref links land on it: the one HTML a template may write. */
export const refAnchor = (ref: unknown): string => `<a id="${anchorId(oneLine(ref))}"></a>`;

/** Evidence-sized words (refs, ids); bounded, so tokenising stays linear. */
const WORD = /[A-Za-z0-9_-]{1,200}/g;

/** Text escaped for Markdown with every ref of the timeline it mentions turned into a link. */
export function cite(ctx: FilterContext, value: unknown): string {
  const text = oneLine(value);
  const nodes: PhrasingContent[] = [];
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    if (!ctx.refs.has(m[0])) continue;
    if (m.index > at) nodes.push({ type: 'text', value: text.slice(at, m.index) });
    nodes.push(link(m[0]));
    at = m.index + m[0].length;
  }
  if (at < text.length) nodes.push({ type: 'text', value: text.slice(at) });
  return serialise(nodes);
}

const isoLike = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** An ISO time (or a moment `{ ts }`) in the report's zone, "2026-05-19 13:09:41"; "unknown" without one. */
export function time(ctx: FilterContext, value: unknown): string {
  const ts = value && typeof value === 'object' && 'ts' in value ? (value as { ts: unknown }).ts : value;
  return isoLike(ts) ? formatTime(ts, ctx.zone) : 'unknown';
}

/** Seconds as "18 min"; a negative figure as "2 min before"; "unknown" for null. */
export function duration(value: unknown): string {
  if (value == null || value === '' || !Number.isFinite(Number(value))) return 'unknown';
  const s = Math.round(Number(value));
  return s < 0 ? `${formatDuration(-s)} before` : formatDuration(s);
}

/** A percentage (already 0–100) as "12.5 %"; "not measured" for null. */
export function percent(value: unknown): string {
  if (value == null || value === '' || !Number.isFinite(Number(value))) return 'not measured';
  const v = Number(value);
  return `${v < 1 ? v.toFixed(2) : v.toFixed(1)} %`;
}

/** A confidence 0–1 as "0.95". */
export const confidence = (value: unknown): string =>
  value == null || !Number.isFinite(Number(value)) ? 'unknown' : Number(value).toFixed(2);

/** The filters a template may use, by name, bound to one report. */
export function templateFilters(
  ctx: FilterContext,
): Record<string, (value: unknown, ...args: unknown[]) => string> {
  return {
    md,
    md_cell: md,
    cut,
    ref_link: (v) => refLink(ctx, v),
    ref_links: (v) => refLinks(ctx, v),
    ref_anchor: refAnchor,
    cite: (v) => cite(ctx, v),
    time: (v) => time(ctx, v),
    duration,
    percent,
    confidence,
  };
}
