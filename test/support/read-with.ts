import { fileInput } from '../../src/bundle/index.js';
import type { ReadContext, Source } from '../../src/model/index.js';
import { Manifest, type Problem, type RawEvent } from '../../src/model/index.js';

/** Reads one file with a source the way the timeline builder does: `problems` holds skips and notes, `skipped` the skips. */
export async function readWith(source: Source, path: string, manifest: Partial<Manifest> = {}, zone = 'UTC') {
  const m = Manifest.parse(manifest);
  const input = await fileInput(path);
  const problems: Problem[] = [];
  const skipped: Problem[] = [];
  const ctx: ReadContext = {
    manifest: m,
    spec: null,
    time: { zone: m.timezone ?? zone, date: m.date ? m.date.slice(0, 10) : null },
    skip: (line, message) => {
      problems.push({ file: input.name, line, message });
      skipped.push({ file: input.name, line, message });
    },
    note: (line, message) => problems.push({ file: input.name, line, message }),
    addSeries: () => {},
    addLogTemplates: () => {},
    addStatement: () => {},
  };
  const events: RawEvent[] = [];
  for await (const e of source.read(input, ctx)) events.push(e);
  return { events, problems, skipped, detected: source.detect(input) };
}
