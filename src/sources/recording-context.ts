import type { ReadContext } from '../model/index.js';
import {
  type LogTemplate,
  Manifest,
  type Problem,
  type Series,
  type SourceSpec,
  type Statement,
} from '../model/index.js';

/** A ReadContext that keeps what a source hands over, for tests and tools that read one input. */
export function recordingContext(
  file: string,
  { manifest = Manifest.parse({}), spec = null }: { manifest?: Manifest; spec?: SourceSpec | null } = {},
) {
  const problems: Problem[] = [];
  const series: Series[] = [];
  const templates: LogTemplate[] = [];
  const statements: Statement[] = [];
  const ctx: ReadContext = {
    manifest,
    spec,
    time: { zone: manifest.timezone ?? 'UTC', date: manifest.date ?? null },
    skip: (line, message) => void problems.push({ file, line, message }),
    note: (line, message) => void problems.push({ file, line, message }),
    addSeries: (s) => void series.push(s),
    addLogTemplates: (t) => void templates.push(...t),
    addStatement: (s) => void statements.push(s),
  };
  return { ctx, problems, series, templates, statements };
}
