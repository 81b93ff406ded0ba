/**
 * The marks Hindsight puts in the reports it writes, so that a report saved inside a bundle (as
 * `watch` does, or `generate -o bundle/report.md`) is not read back as evidence of the incident.
 */
export const GENERATED_MARK_MD = '<!-- hindsight: a generated report, not evidence -->';
export const GENERATED_MARK_HTML = '<meta name="generator" content="hindsight">';

/** The head of a JSON report: its schema version and incident, in the order Hindsight writes them. */
const JSON_REPORT = /^\s*\{\s*"schemaVersion"\s*:\s*1\s*,\s*"incident"\s*:/;

/** Whether a file's first bytes are a report Hindsight wrote (Markdown, HTML or JSON). */
export function isGeneratedReport(sample: string): boolean {
  const head = sample.slice(0, 4096);
  return head.includes(GENERATED_MARK_MD) || head.includes(GENERATED_MARK_HTML) || JSON_REPORT.test(head);
}
