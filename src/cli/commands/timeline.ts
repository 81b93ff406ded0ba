import type { Command } from 'commander';
import { analyze } from '../../analysis/index.js';
import { openBundle } from '../../bundle/index.js';
import type { DataQuality } from '../../model/index.js';
import { count, foldedNote, redactReport, toReport } from '../../report/index.js';
import { buildTimeline } from '../../timeline/index.js';
import { EXIT } from '../exit.js';
import { writeOutput } from '../output.js';
import { checkZone } from './zone-option.js';

/** Problems listed on stderr under a text timeline; the rest are counted. */
const LISTED_PROBLEMS = 10;

/**
 * What a text timeline leaves out, for stderr: how many entries were read and lines skipped, and
 * the first input problems as `file:line: message`. Empty when everything was read.
 */
export function unreadSummary(entries: number, quality: DataQuality): string {
  const failures = quality.problems.filter((p) => !p.note);
  if (!failures.length && !quality.linesSkipped && entries) return '';
  const lines = [
    `hindsight: ${count(entries, 'timeline entry', 'timeline entries')} from ${count(quality.filesRead, 'file')}, ${count(quality.linesSkipped, 'line')} skipped, ${count(failures.length, 'input problem')}`,
    ...failures
      .slice(0, LISTED_PROBLEMS)
      .map((p) => `hindsight: ${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.message}`),
  ];
  if (failures.length > LISTED_PROBLEMS)
    lines.push(`hindsight: … and ${failures.length - LISTED_PROBLEMS} more (--json lists them all)`);
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  program
    .command('timeline')
    .description('print the merged, normalised timeline of a bundle')
    .argument('<bundle...>', 'bundle folder or evidence files')
    .option('--json', 'print { timeline, dataQuality } as JSON')
    .option('--tz <zone>', 'zone for timestamps that carry none')
    .option('-o, --output <file>', 'where to write it', '-')
    .option('--strict', 'exit 1 when any input line was skipped')
    .action(async (paths: string[], opts) => {
      const bundle = await openBundle(paths);
      const timeline = await buildTimeline(bundle, { tz: checkZone(opts.tz) }).finally(bundle.close);
      const report = redactReport(
        toReport(
          bundle.manifest,
          timeline,
          analyze(timeline.events, bundle.manifest, timeline.series, timeline.statements),
        ),
        { pii: bundle.manifest.redact.pii },
      );
      const text = opts.json
        ? `${JSON.stringify({ timeline: report.timeline, dataQuality: report.dataQuality }, null, 2)}\n`
        : `${report.timeline.map((e) => `${e.ts}  ${e.ref.padEnd(16)} ${e.kind.padEnd(14)} ${(e.service ?? '-').padEnd(16)} ${e.summary}${foldedNote(e.folded)}`).join('\n')}\n`;
      await writeOutput(text, opts.output);
      // Printed as text, the timeline alone would hide what could not be read: say it on stderr, with
      // the first problems' files and lines (--json lists them all).
      if (!opts.json) process.stderr.write(unreadSummary(report.timeline.length, report.dataQuality));
      if (opts.strict && report.dataQuality.problems.length) process.exitCode = EXIT.failedCheck;
    });
}
