import { analyze } from './analysis/index.js';
import { openBundle } from './bundle/index.js';
import { type ReportLibraryOptions, withLibrary } from './library/index.js';
import type { Report } from './model/index.js';
import { redactAll, redactText } from './redact/index.js';
import { type Format, renderers } from './render/index.js';
import { type Audience, redactReport, redactSeries, toPostmortem, toReport } from './report/index.js';
import { checkTemplateUse, loadTemplate, renderTemplate } from './template/index.js';
import { type BuildOptions, buildTimeline, type Timeline } from './timeline/index.js';

export interface GenerateOptions {
  format?: Format;
  audience?: Audience;
  /** A built-in template (`sre`, `full`, `evidence`, `brief`) or a Liquid file that shapes md and html. */
  template?: string;
  /** Zone for timestamps that carry none; overrides the manifest. */
  tz?: string;
  onInput?: BuildOptions['onInput'];
  onStore?: BuildOptions['onStore'];
  /** Related incidents from the library, and saving the report there; `false` leaves the library alone. */
  library?: ReportLibraryOptions | false;
}

export interface Generated {
  report: Report;
  timeline: Timeline;
  output: string;
  /** What went wrong on the side (the library unusable), without stopping the report. */
  warnings: string[];
}

/**
 * The whole product in one call: bundle → timeline → analysis → document → text.
 * @example const { output } = await generate(['examples/seed-003'], { format: 'md' })
 */
export async function generate(
  paths: string[],
  {
    format = 'md',
    audience = 'internal',
    template,
    tz,
    onInput,
    onStore,
    library = {},
  }: GenerateOptions = {},
): Promise<Generated> {
  // A template is checked before any evidence is read: a typo costs nothing.
  const shape = template ? await loadTemplate(template) : null;
  if (shape) checkTemplateUse(shape, audience, format);
  const bundle = await openBundle(paths);
  const timeline = await buildTimeline(bundle, { tz, onInput, onStore }).finally(bundle.close);
  const analysis = analyze(timeline.events, bundle.manifest, timeline.series, timeline.statements);
  const pii = bundle.manifest.redact.pii;
  // Redacted once, before the library keeps it and before any renderer or server reads it.
  const drafted = redactReport(toReport(bundle.manifest, timeline, analysis), { pii });
  const series = redactSeries(timeline.series, { pii });
  const saved = library === false ? { report: drafted, warnings: [] } : await withLibrary(drafted, library);
  // Related incidents come from the library, which may hold reports saved by older versions.
  const report = { ...saved.report, related: redactAll(saved.report.related, { pii }) };
  const warnings = saved.warnings.map((w) => redactText(w));
  const doc = toPostmortem(report, series, audience);
  const output = shape ? await renderTemplate(shape, doc, format) : renderers[format](doc);
  return { report: doc.report, timeline: { ...timeline, series }, output, warnings };
}
