import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import * as followUps from './commands/follow-ups.js';
import * as formats from './commands/formats.js';
import * as generate from './commands/generate.js';
import * as importCommand from './commands/import.js';
import * as init from './commands/init.js';
import * as lint from './commands/lint.js';
import * as related from './commands/related.js';
import * as search from './commands/search.js';
import * as serve from './commands/serve.js';
import * as stats from './commands/stats.js';
import * as timeline from './commands/timeline.js';
import * as watch from './commands/watch.js';
import { EXIT, exitFor } from './exit.js';
import { quietOnClosedPipe } from './output.js';
import { usageLine } from './usage.js';

/** Every command, each a module with `register(program)`. */
const commands = [
  generate,
  timeline,
  lint,
  importCommand,
  search,
  related,
  stats,
  serve,
  formats,
  init,
  followUps,
  watch,
];

const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
  .version as string;

/** A usage error is one line with where to read more, never the whole help text. */
function oneLineErrors(command: Command, helpCommand: string): Command {
  return command
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (message, write) => write(usageLine(message, helpCommand)),
    });
}

export function buildProgram(): Command {
  const program = oneLineErrors(
    new Command('hindsight')
      .description(
        'Turn the evidence an incident leaves behind into a blameless, evidence-backed postmortem.',
      )
      .version(version)
      // `hindsight watch --version 2.0.0` is the deployed version, not hindsight's own.
      .enablePositionalOptions(),
    'hindsight --help',
  );
  for (const c of commands) c.register(program);
  for (const c of program.commands) oneLineErrors(c, `hindsight ${c.name()} --help`);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  quietOnClosedPipe();
  const program = buildProgram();
  // `hindsight help bogus` would print the whole help; it is an unknown command like any other.
  const [first, asked] = argv.slice(2);
  if (
    first === 'help' &&
    asked &&
    !program.commands.some((c) => c.name() === asked || c.aliases().includes(asked))
  ) {
    process.stderr.write(usageLine(`unknown command '${asked}'`, 'hindsight --help'));
    process.exitCode = EXIT.usage;
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return;
    // `hindsight` alone prints the help to stderr: a usage error all the same.
    if (code === 'commander.help') {
      if ((error as { exitCode?: number }).exitCode) process.exitCode = EXIT.usage;
      return;
    }
    process.exitCode = exitFor(error);
  }
}
