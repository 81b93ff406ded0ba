import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import {
  formatLintJson,
  formatLintText,
  type LintResult,
  lintFile,
  requiredFromTemplateName,
} from '../../lint/index.js';
import { builtInNames } from '../../template/index.js';

export interface LintCommandOptions {
  json?: boolean;
  minScore?: number;
  template?: string;
}

export interface CommandOutput {
  text: string;
  exitCode: number;
}

export function parseMinScore(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 100)
    throw new InputError('USAGE', '--min-score', `'${value}' is not a score from 0 to 100`);
  return n;
}

/** Lints files; exit code 1 when any file scores below `minScore` (SPEC §2). */
export async function runLint(
  files: string[],
  { json = false, minScore, template }: LintCommandOptions = {},
): Promise<CommandOutput> {
  const required = template ? await requiredFromTemplateName(template) : undefined;
  const results: LintResult[] = [];
  for (const file of files) results.push(await lintFile(file, { required }));
  const below = minScore != null && results.some((r) => r.score < minScore);
  return { text: `${json ? formatLintJson(results) : formatLintText(results)}\n`, exitCode: below ? 1 : 0 };
}

export function register(program: Command): void {
  program
    .command('lint')
    .description(
      'review human-written postmortems: sections, timeline, action items, blameless wording, secrets',
    )
    .argument('<files...>', 'postmortem Markdown files')
    .option('--json', 'print { file, score, findings } (an array for several files)')
    .option('--min-score <n>', 'exit 1 when a file scores below n (0-100)', parseMinScore)
    .option(
      '--template <name|path>',
      `the required sections: a built-in template's (${builtInNames.join(', ')}) or a team template file's headings`,
    )
    .action(async (files: string[], opts: LintCommandOptions) => {
      const { text, exitCode } = await runLint(files, opts);
      process.stdout.write(text);
      if (exitCode) process.exitCode = exitCode;
    });
}
