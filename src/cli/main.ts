import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import * as formats from './commands/formats.js';
import * as generate from './commands/generate.js';
import * as importCommand from './commands/import.js';
import * as lint from './commands/lint.js';
import * as related from './commands/related.js';
import * as search from './commands/search.js';
import * as serve from './commands/serve.js';
import * as stats from './commands/stats.js';
import * as timeline from './commands/timeline.js';
import { exitFor } from './exit.js';

/** Every command, each a module with `register(program)`. */
const commands = [generate, timeline, lint, importCommand, search, related, stats, serve, formats];

const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
  .version as string;

export function buildProgram(): Command {
  const program = new Command('hindsight')
    .description('Turn the evidence an incident leaves behind into a blameless, evidence-backed postmortem.')
    .version(version)
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const c of commands) c.register(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help')
      return;
    process.exitCode = exitFor(error);
  }
}
