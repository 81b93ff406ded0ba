import type { Command } from 'commander';
import { analyze } from '../../analysis/index.js';
import { openBundle } from '../../bundle/index.js';
import { redactReport, toReport } from '../../report/index.js';
import { buildTimeline } from '../../timeline/index.js';
import { EXIT } from '../exit.js';
import { writeOutput } from '../output.js';
import { checkZone } from './zone-option.js';

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
      const timeline = await buildTimeline(bundle, { tz: checkZone(opts.tz) });
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
        : `${report.timeline.map((e) => `${e.ts}  ${e.ref.padEnd(16)} ${e.kind.padEnd(14)} ${(e.service ?? '-').padEnd(16)} ${e.summary}`).join('\n')}\n`;
      await writeOutput(text, opts.output);
      if (opts.strict && report.dataQuality.problems.length) process.exitCode = EXIT.failedCheck;
    });
}
