import { type Command, Option } from 'commander';
import { generate } from '../../generate.js';
import { formats } from '../../render/index.js';
import { audiences, count } from '../../report/index.js';
import { builtInNames } from '../../template/index.js';
import { EXIT } from '../exit.js';
import { checkOutput, writeOutput } from '../output.js';
import { terminalProgress } from '../progress.js';
import { announceLibrary } from './db-option.js';
import { checkZone } from './zone-option.js';

const FORMAT_BY_EXTENSION: Record<string, (typeof formats)[number]> = {
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  json: 'json',
};

export function register(program: Command): void {
  program
    .command('generate')
    .description('write the postmortem of an incident bundle (a folder, or files)')
    .argument('<bundle...>', 'bundle folder or evidence files')
    .option('-o, --output <file>', 'where to write it (- for standard output)', '-')
    .addOption(
      new Option('-f, --format <format>', 'output format (default: from -o extension, else md)').choices(
        formats,
      ),
    )
    .option(
      '--template <name|path>',
      `shape the document: a built-in (${builtInNames.join(', ')}) or a Liquid template file (docs/templates.md)`,
    )
    .addOption(new Option('--audience <audience>', 'who it is for').choices(audiences).default('internal'))
    .option('--tz <zone>', 'zone for timestamps that carry none (overrides the manifest)')
    .option('--strict', 'exit 1 when any input line was skipped')
    .option(
      '--db <path>',
      'incident library: SQLite file or postgres:// URL (default: the platform data directory)',
    )
    .option('--no-save', 'do not keep the report in the incident library')
    .action(async (paths: string[], opts) => {
      const format =
        opts.format ?? FORMAT_BY_EXTENSION[String(opts.output).split('.').pop()!.toLowerCase()] ?? 'md';
      await checkOutput(opts.output);
      const progress = terminalProgress();
      const { report, output, warnings } = await generate(paths, {
        format,
        audience: opts.audience,
        template: opts.template,
        tz: checkZone(opts.tz),
        onInput: progress.onInput,
        onStore: progress.onStore,
        library: { db: opts.db, save: opts.save },
      });
      progress.done();
      announceLibrary(
        opts.db,
        opts.save ? ' (related incidents from it; the report saved to it)' : ' (related incidents from it)',
      );
      for (const w of warnings) process.stderr.write(`hindsight: ${w}\n`);
      const where = await writeOutput(output, opts.output);
      const q = report.dataQuality;
      if (where !== 'stdout')
        process.stderr.write(
          `hindsight: wrote ${where} (${count(report.timeline.length, 'timeline entry', 'timeline entries')}, ${count(q.linesSkipped, 'line')} skipped)\n`,
        );
      if (q.problems.length && where !== 'stdout')
        process.stderr.write(
          `hindsight: ${count(q.problems.length, 'input problem')} listed under Data quality\n`,
        );
      if (opts.strict && (q.linesSkipped > 0 || q.problems.some((p) => !p.note)))
        process.exitCode = EXIT.failedCheck;
    });
}
