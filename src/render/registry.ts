import type { Postmortem } from '../report/index.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

export type Renderer = (doc: Postmortem) => string;

export const renderers = { md: renderMarkdown, html: renderHtml, json: renderJson } satisfies Record<
  string,
  Renderer
>;
export type Format = keyof typeof renderers;
export const formats = Object.keys(renderers) as Format[];
