import type { Input } from '../bundle/index.js';
import type { TimeContext } from '../time/index.js';
import type { RawEvent } from './event.js';
import type { LogTemplate } from './log-template.js';
import type { Manifest, SourceSpec } from './manifest.js';
import type { Series } from './series.js';
import type { Statement } from './statement.js';

/** What a source may use and report while it reads one input. */
export interface ReadContext {
  manifest: Manifest;
  /** The manifest's `sources[]` entry for this input, if one matched. */
  spec: SourceSpec | null;
  /** Date and zone for timestamps that lack them. */
  time: TimeContext;
  /** Records a line that could not be read; it is counted as skipped and listed in `dataQuality.problems`. */
  skip(line: number | null, reason: string): void;
  /** Records a doubt about a line that was still read (out of order, a zone settled); listed, not counted as skipped. */
  note(line: number | null, message: string): void;
  /** Hands over a metric series (metrics become events later, after the baseline is known). */
  addSeries(series: Series): void;
  /** Hands over mined log templates (log events are chosen later, against the incident's course). */
  addLogTemplates(templates: LogTemplate[]): void;
  /** Hands over what a document states outside its timeline (figures, causal sentences). */
  addStatement(statement: Statement): void;
}

/**
 * One evidence format. Add a format = one file exporting a Source + one line in registry.ts +
 * one test on a real sample.
 */
export interface Source {
  /** Stable identifier, as `sources[].format` in the manifest names it. */
  name: string;
  /** Other names a manifest's `format:` may use for it (`pino`, `bunyan` for JSON logs). */
  aliases?: string[];
  /** One line for `hindsight formats`. */
  title: string;
  /** How a user exports this evidence from its tool. */
  example: string;
  /** True when the content is this format; must be cheap (reads `input.sample`). */
  detect(input: Input): boolean;
  /** Reads the input; malformed lines go to `ctx.skip`, doubts to `ctx.note`; never throws for one bad line. */
  read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent>;
}
