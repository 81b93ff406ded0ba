import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../generate.js';
import { redactText } from '../redact/index.js';
import { renderers } from '../render/index.js';
import { toPostmortem } from '../report/index.js';
import { loadTemplate, renderTemplate } from '../template/index.js';
import { incidentManifest } from './incident-manifest.js';
import { EVIDENCE, type WatchOptions, type WatchResult } from './watch.js';

export const VERIFIED_FILE = 'deploy-verified.json';
export const REPORT_FILES = { md: 'postmortem.md', html: 'postmortem.html' } as const;

export interface ConcludeOptions {
  /** The incident library (as `generate --db`); the default one when absent. */
  db?: string;
  save?: boolean;
  /** A built-in template's name or a template file (as `generate --template`); the default report without. */
  template?: string;
}

export interface Conclusion {
  /** Files written, in the bundle folder. */
  written: string[];
  /** The incident's id, when there was one. */
  id: string | null;
  timelineEntries: number;
  warnings: string[];
}

/** The files of the bundle that are evidence a watch wrote, never its own reports. */
const evidenceIn = (out: string) => {
  const mine = new Set<string>([EVIDENCE.health, EVIDENCE.deploys, EVIDENCE.watch, 'incident.yaml']);
  return readdirSync(out)
    .filter((n) => mine.has(n) || /^prometheus-[\w-]{1,64}\.json$/.test(n))
    .sort()
    .map((n) => join(out, n));
};

/**
 * Ends a watch: a healthy deploy gets a short verified record; a detected failure gets its
 * incident.yaml and the postmortem (Markdown and HTML) generated from the bundle by the ordinary
 * pipeline, saved to the library. A report that cannot be made is a warning, never lost evidence.
 */
export async function concludeWatch(
  watch: Pick<WatchOptions, 'out' | 'health' | 'service' | 'version' | 'previousVersion'>,
  result: WatchResult,
  { db, save = true, template }: ConcludeOptions = {},
): Promise<Conclusion> {
  const { out } = watch;
  if (!result.facts) {
    if (result.outcome !== 'healthy') return { written: [], id: null, timelineEntries: 0, warnings: [] };
    const verified = {
      kind: 'deploy-verified',
      service: watch.service ?? null,
      version: watch.version ?? null,
      previousVersion: watch.previousVersion ?? null,
      from: new Date(result.startedAt).toISOString(),
      to: new Date(result.endedAt).toISOString(),
      health: watch.health.map((u) => redactText(u)),
      checks: result.checks,
      failedChecks: result.failedChecks,
    };
    writeFileSync(join(out, VERIFIED_FILE), `${JSON.stringify(verified, null, 2)}\n`);
    return { written: [join(out, VERIFIED_FILE)], id: null, timelineEntries: 0, warnings: [] };
  }
  const manifestFile = join(out, 'incident.yaml');
  writeFileSync(manifestFile, incidentManifest(result.facts));
  const written = [manifestFile];
  try {
    const made = await generate(evidenceIn(out), { format: 'md', template, library: { db, save } });
    writeFileSync(join(out, REPORT_FILES.md), made.output);
    // The HTML from the same report: through the template when there is one, else the default page.
    const doc = toPostmortem(made.report, made.timeline.series);
    writeFileSync(
      join(out, REPORT_FILES.html),
      template ? await renderTemplate(await loadTemplate(template), doc, 'html') : renderers.html(doc),
    );
    written.push(join(out, REPORT_FILES.md), join(out, REPORT_FILES.html));
    return {
      written,
      id: made.report.incident.id,
      timelineEntries: made.report.timeline.length,
      warnings: made.warnings,
    };
  } catch (error) {
    return {
      written,
      id: null,
      timelineEntries: 0,
      warnings: [`postmortem not written: ${redactText((error as Error).message)}`],
    };
  }
}
