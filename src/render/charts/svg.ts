import { escapeHtml } from '../escape.js';

export type Attrs = Record<string, string | number | null | undefined | false>;

/** A coordinate with at most one decimal: smaller files, identical pixels. */
export const px = (v: number) => String(Math.round(v * 10) / 10);

function attributes(attrs: Attrs): string {
  return Object.entries(attrs)
    .filter(([, v]) => v != null && v !== false)
    .map(([k, v]) => ` ${k}="${escapeHtml(typeof v === 'number' ? px(v) : String(v))}"`)
    .join('');
}

/** One SVG element; attribute values are escaped here, children are trusted markup. */
export function tag(name: string, attrs: Attrs, ...children: string[]): string {
  const body = children.join('');
  return body ? `<${name}${attributes(attrs)}>${body}</${name}>` : `<${name}${attributes(attrs)}/>`;
}

/** Text content, escaped. */
export const text = (attrs: Attrs, content: string) => tag('text', attrs, escapeHtml(content));

/** A tooltip and accessible name for the parent element. */
export const title = (content: string) => `<title>${escapeHtml(content)}</title>`;

export interface FigureOptions {
  width: number;
  height: number;
  label: string;
  description: string;
  className: string;
}

/** The outer SVG: scales to any width from its viewBox; named for assistive technology. */
export function figure(
  { width, height, label, description, className }: FigureOptions,
  body: string,
): string {
  return tag(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: className,
      viewBox: `0 0 ${px(width)} ${px(height)}`,
      role: 'img',
      'aria-label': label,
      'font-family': 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
    },
    title(label),
    tag('desc', {}, escapeHtml(description)),
    body,
  );
}
