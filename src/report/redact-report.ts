import type { Report, Series } from '../model/index.js';
import { type RedactOptions, redactAll } from '../redact/index.js';

/**
 * The report as it may be saved, served and rendered: every secret and card number replaced, and
 * personal data masked with `pii`. Works on values, never on serialised text, so a quoted
 * `"password=…"` keeps its quotes and the JSON stays valid.
 * @example const safe = redactReport(toReport(manifest, timeline, analysis), { pii: manifest.redact.pii })
 */
export function redactReport(report: Report, options: RedactOptions = {}): Report {
  return redactAll(report, options);
}

/** The metric series drawn beside a report: names and labels redacted the same way. */
export function redactSeries(series: Series[], options: RedactOptions = {}): Series[] {
  return series.map((s) => ({
    ...redactAll({ ...s, points: [] }, options),
    points: s.points,
  }));
}
