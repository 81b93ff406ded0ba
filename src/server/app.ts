import type { IncomingMessage, ServerResponse } from 'node:http';
import { generate } from '../generate.js';
import {
  type IncidentRecord,
  type IncidentStore,
  openLibrary,
  type ReviewSubject,
  recordFromReport,
  subjectOfRecord,
  subjectOfReport,
} from '../library/index.js';
import type { Report, Series } from '../model/index.js';
import { contentSecurityPolicy } from '../render/html/page-security.js';
import { type Format, renderers } from '../render/index.js';
import { toPostmortem } from '../report/index.js';
import { checkSameSite, checkToken } from './access.js';
import { HttpError, sendError } from './http-error.js';
import { pageHeaders } from './page-security.js';
import { incidentPage, listPage } from './pages.js';
import { importedExport } from './record-export.js';
import { importedPage, summaryPage } from './record-page.js';
import { reply } from './reply.js';
import { exportedDocument, type ReviewEdits, reviewedDocument, reviewJson, upgradeEdits } from './review.js';
import { reviewPoster } from './review-post.js';

export interface AppOptions {
  /** SQLite file or postgres:// URL; the platform data directory by default. */
  db?: string;
  /** Evidence bundles to generate (and save to the library) on start. */
  bundles?: string[];
  /** Required on every request when set; an empty token is refused. */
  token?: string;
  /** The address the server is bound to, answered as a Host without a token besides loopback. */
  host?: string;
}

interface Generated {
  report: Report;
  series: Series[];
}

export interface App {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** The bundles, each with the incident id it generated or why it failed. */
  bundles: { path: string; id: string | null; error?: string }[];
  close(): Promise<void>;
}

const EXPORT_TYPES: Record<Format, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** An export opened in the browser keeps the report's own strict policy. */
const exportPolicy = (text: string, format: Format) =>
  format === 'html'
    ? contentSecurityPolicy(/<style>([\s\S]*?)<\/style>/.exec(text)?.[1] ?? '')
    : "default-src 'none'";

/**
 * The review server: generates the bundles into the library, then serves the incidents, the
 * review forms and the exports.
 * @example const app = await createApp({ db: 'library.db', bundles: ['examples/seed-003'] })
 */
export async function createApp({ db, bundles = [], token, host }: AppOptions): Promise<App> {
  const generated = new Map<string, Generated>();
  const bundleStates: App['bundles'] = [];
  for (const path of bundles) {
    try {
      const { report, timeline } = await generate([path], { format: 'json', library: { db } });
      const id = recordFromReport(report).id;
      generated.set(id, { report, series: timeline.series });
      bundleStates.push({ path, id });
    } catch (error) {
      bundleStates.push({ path, id: null, error: (error as Error).message });
    }
  }
  const store = await openLibrary(db);
  const route = routes(store, generated, bundleStates);
  return {
    bundles: bundleStates,
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://hindsight.invalid');
      Promise.resolve()
        .then(() => {
          checkToken(req, url, token);
          checkSameSite(req, token !== undefined, { bound: host ? [host] : [] });
        })
        .then(() => route(req, res, url, token ? `?token=${encodeURIComponent(token)}` : ''))
        .catch((error) => {
          const known =
            error instanceof HttpError ? error : new HttpError(500, 'INTERNAL', (error as Error).message);
          if (!res.headersSent) sendError(res, known);
          else res.end();
          // Stop reading a body we refused, so the client sees the answer instead of a reset.
          if (known.status === 413) req.resume();
        });
    },
    close: () => store.close(),
  };
}

type Reviewable =
  | { kind: 'report'; report: Report; series: Series[]; fromBundle: boolean }
  | { kind: 'imported'; record: IncidentRecord }
  | { kind: 'summary'; record: IncidentRecord };

/** What the server can show for an incident: a bundle served now, the library's report, or its record. */
async function reviewableOf(
  store: IncidentStore,
  generated: Map<string, Generated>,
  id: string,
): Promise<Reviewable | null> {
  const served = generated.get(id);
  if (served) return { kind: 'report', ...served, fromBundle: true };
  const report = await store.report(id);
  if (report) return { kind: 'report', report, series: [], fromBundle: false };
  const record = await store.get(id);
  if (!record) return null;
  return record.origin === 'imported' ? { kind: 'imported', record } : { kind: 'summary', record };
}

/** The incident's edits, with any kept by item id moved to the content keys they now belong to. */
async function editsOf(store: IncidentStore, id: string, subject: ReviewSubject): Promise<ReviewEdits> {
  const edits = await store.edits(id);
  const { put, drop } = upgradeEdits(subject, edits);
  if (!put.length && !drop.length) return edits;
  for (const [key, value] of put) await store.putEdit(id, key, value);
  for (const key of drop) await store.deleteEdit(id, key);
  return store.edits(id);
}

/** A generated incident's export: the reviewed report as Markdown or HTML, or the report and its review as JSON. */
function reportExport(
  report: Report,
  series: Series[],
  subject: ReviewSubject,
  edits: ReviewEdits,
  format: Format,
) {
  if (format === 'json')
    return `${JSON.stringify({ ...report, review: reviewJson(subject, edits) }, null, 2)}\n`;
  const doc = reviewedDocument(toPostmortem(report, series, 'internal'), edits);
  return renderers[format](exportedDocument(doc, subject, edits));
}

const FROM_LIBRARY =
  'Reviewing the report kept in the library; serve its evidence bundle to see the metric charts too.';

/** The path's segments, decoded; a malformed escape (`/incidents/%`) is the client's mistake. */
function pathParts(pathname: string): string[] {
  try {
    return pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new HttpError(400, 'BAD_PATH', `the path ${pathname} is not valid percent-encoding`);
  }
}

// Long because it is the route table: one branch per path the server answers.
function routes(store: IncidentStore, generated: Map<string, Generated>, bundles: App['bundles']) {
  const post = reviewPoster();
  return async (req: IncomingMessage, res: ServerResponse, url: URL, query: string) => {
    const parts = pathParts(url.pathname);
    // HEAD is answered as GET; Node sends the status and headers without the body.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const send = (page: { html: string; style: string }) =>
      reply(res, 200, pageHeaders(page.style), page.html);
    if (method === 'GET' && parts.length === 0) {
      return send(listPage(await store.list(), bundles, await store.stats(), query));
    }
    if (parts[0] !== 'incidents' || !parts[1])
      throw new HttpError(404, 'NOT_FOUND', `no such page: ${url.pathname}`);
    const id = parts[1];
    const base = `/incidents/${encodeURIComponent(id)}`;
    const found = await reviewableOf(store, generated, id);
    if (!found) throw new HttpError(404, 'NOT_FOUND', `no incident ${id} in the library`);
    if (found.kind === 'summary') {
      if (method === 'GET' && parts.length === 2) return send(summaryPage(found.record, query));
      throw new HttpError(
        404,
        'NOT_REVIEWABLE',
        `incident ${id} was saved before the library kept whole reports: serve its evidence bundle`,
      );
    }
    const subject = found.kind === 'report' ? subjectOfReport(found.report) : subjectOfRecord(found.record);
    const edits = await editsOf(store, id, subject);
    if (method === 'POST')
      return post(
        { store, id, subject, imported: found.kind === 'imported', base, query },
        parts.slice(2),
        req,
        res,
      );
    if (method !== 'GET')
      throw new HttpError(404, 'NOT_FOUND', `no such page: ${req.method} ${url.pathname}`);
    if (parts.length === 2) {
      if (found.kind === 'imported') return send(importedPage(found.record, subject, edits, base, query));
      const doc = reviewedDocument(toPostmortem(found.report, found.series, 'internal'), edits);
      return send(incidentPage(doc, subject, edits, base, query, found.fromBundle ? '' : FROM_LIBRARY));
    }
    const format = /^export\.(md|html|json)$/.exec(parts[2] ?? '')?.[1] as Format | undefined;
    if (parts.length === 3 && format) {
      const text =
        found.kind === 'imported'
          ? importedExport(found.record, subject, edits, format)
          : reportExport(found.report, found.series, subject, edits, format);
      const headers = {
        'content-type': EXPORT_TYPES[format],
        'content-disposition': `attachment; filename="${id.replace(/[^\w.-]/g, '_')}.${format}"`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': exportPolicy(text, format),
      };
      return reply(res, 200, headers, text);
    }
    throw new HttpError(404, 'NOT_FOUND', `no such page: ${req.method} ${url.pathname}`);
  };
}
