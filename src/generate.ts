import { analyze } from './analysis/index.js';
import { openBundle } from './bundle/index.js';
import { type ReportLibraryOptions, withLibrary } from './library/index.js';
import type { Report } from './model/index.js';
import { type Format, renderers } from './render/index.js';
import { type Audience, toPostmortem, toReport } from './report/index.js';
import {
  type BuildOptions,
  buildTimeline,
  mapStrings,
  maskPii,
  redactSecrets,
  type Timeline,
} from './timeline/index.js';

export interface GenerateOptions {
  format?: Format;
  audience?: Audience;
  /** Zone for timestamps that carry none; overrides the manifest. */
  tz?: string;
  onInput?: BuildOptions['onInput'];
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
  { format = 'md', audience = 'internal', tz, onInput, library = {} }: GenerateOptions = {},
): Promise<Generated> {
  const bundle = await openBundle(paths);
  const timeline = await buildTimeline(bundle, { tz, onInput });
  const analysis = analyze(timeline.events, bundle.manifest, timeline.series);
  const pii = bundle.manifest.redact.pii;
  // The library keeps the whole report: with `pii`, it keeps it masked, as every output is.
  const unmasked = toReport(bundle.manifest, timeline, analysis);
  const drafted = pii ? mapStrings(unmasked, maskPii) : unmasked;
  const { report, warnings } =
    library === false ? { report: drafted, warnings: [] } : await withLibrary(drafted, library);
  const doc = toPostmortem(report, timeline.series, audience, { pii });
  const text = renderers[format](doc);
  // Last line of defence: nothing secret leaves, whatever path it took into the text.
  const output = pii || audience === 'customer' ? maskPii(redactSecrets(text)) : redactSecrets(text);
  return { report: doc.report, timeline, output, warnings };
}
